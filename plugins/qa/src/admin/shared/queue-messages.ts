import { localized } from '@cong/sdk/admin';

/** The question lists' filters and table (the board's queue and an agency's inbox). Vietnamese first. */
export const queueMessages = {
  vi: {
    filters: 'Lọc câu hỏi',
    allFields: 'Mọi lĩnh vực',
    allCommunes: 'Mọi xã, phường',
    from: 'Từ ngày',
    to: 'Đến ngày',
    text: 'Tìm trong trang này',
    textHint: 'Tiêu đề, mã theo dõi, người hỏi',
    empty: 'Không có câu hỏi nào.',
    noMatch: 'Không có câu hỏi nào trên trang này khớp với từ khoá.',
    question: 'Câu hỏi',
  },
  en: {
    filters: 'Filter questions',
    allFields: 'All fields',
    allCommunes: 'All communes',
    from: 'From',
    to: 'To',
    text: 'Search this page',
    textHint: 'Title, tracking code, asker',
    empty: 'No questions.',
    noMatch: 'No question on this page matches the words.',
    question: 'Question',
  },
};

export type QueueTexts = typeof queueMessages.vi;
export const queueTexts = (): QueueTexts => localized(queueMessages);
