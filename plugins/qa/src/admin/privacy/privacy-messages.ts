import { localized } from '@cong/sdk/admin';

/** Personal data of the question flow (CORE-11): the erasure record and the retention period. Vietnamese first. */
export const privacyMessages = {
  vi: {
    title: 'Dữ liệu cá nhân',
    intro: 'Người hỏi có thể yêu cầu xoá dữ liệu cá nhân của câu hỏi đã trả lời hoặc đã đóng (trang công khai /hoi-dap/xoa-du-lieu). Sau thời hạn lưu trữ, dữ liệu cá nhân được xoá tự động mỗi ngày.',
    needManage: 'Bạn cần quyền “Áp dụng thời hạn lưu trữ dữ liệu cá nhân của hỏi đáp” để xem trang này.',
    provinceOnly: 'Thời hạn lưu trữ do Ban biên tập của tỉnh áp dụng: hãy chọn đơn vị cấp tỉnh.',
    publicPage: 'Trang yêu cầu xoá dữ liệu',
    retentionTitle: 'Áp dụng thời hạn lưu trữ ngay',
    retentionHint: 'Xoá dữ liệu cá nhân (tên, e-mail, điện thoại, địa chỉ) của các câu hỏi đã trả lời hoặc đã đóng quá thời hạn lưu trữ. Việc này không hoàn tác được; chạy lại không xoá thêm gì.',
    run: 'Áp dụng thời hạn lưu trữ',
    confirm: 'Xoá vĩnh viễn dữ liệu cá nhân của các câu hỏi đã quá thời hạn lưu trữ?',
    confirmRun: 'Xoá dữ liệu',
    ran: (erased: number, years: number) => `Đã xoá dữ liệu cá nhân của ${erased} câu hỏi (thời hạn lưu trữ ${years} năm).`,
    record: 'Nhật ký xoá dữ liệu cá nhân',
    recordHint: 'Theo nhật ký thao tác: câu hỏi nào, vì sao, khi nào. Không ghi lại dữ liệu đã xoá.',
    needAudit: 'Cần thêm quyền xem nhật ký thao tác để xem nhật ký xoá dữ liệu.',
    recordEmpty: 'Chưa xoá dữ liệu cá nhân của câu hỏi nào.',
    when: 'Lúc',
    question: 'Câu hỏi',
    reason: 'Lý do',
    reasons: { request: 'Người hỏi yêu cầu', retention: 'Hết thời hạn lưu trữ' } as Record<string, string>,
    published: 'Đã công khai',
    more: 'Xem thêm',
  },
  en: {
    title: 'Personal data',
    intro: 'An asker may ask for the personal data of an answered or closed question to be deleted (the public page /hoi-dap/xoa-du-lieu). After the retention period, personal data is erased every day.',
    needManage: 'You need the permission “Apply the retention period of Q&A personal data” to see this page.',
    provinceOnly: 'The retention period is applied by the province’s board: choose the province’s unit.',
    publicPage: 'The deletion request page',
    retentionTitle: 'Apply the retention period now',
    retentionHint: 'Erases the personal data (name, e-mail, phone, address) of questions answered or closed longer ago than the retention period. This cannot be undone; running it again erases nothing more.',
    run: 'Apply the retention period',
    confirm: 'Erase for good the personal data of the questions past the retention period?',
    confirmRun: 'Erase',
    ran: (erased: number, years: number) => `Erased the personal data of ${erased} question${erased === 1 ? '' : 's'} (retention period ${years} year${years === 1 ? '' : 's'}).`,
    record: 'Erasure record',
    recordHint: 'From the audit log: which question, why, when. The erased data is not recorded.',
    needAudit: 'You also need the permission to read the audit log to see the erasure record.',
    recordEmpty: 'No question’s personal data has been erased.',
    when: 'When',
    question: 'Question',
    reason: 'Reason',
    reasons: { request: 'The asker’s request', retention: 'Retention period over' } as Record<string, string>,
    published: 'Published',
    more: 'Show more',
  },
};

export type PrivacyTexts = typeof privacyMessages.vi;
export const privacyTexts = (): PrivacyTexts => localized(privacyMessages);
