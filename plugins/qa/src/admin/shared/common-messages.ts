import { adminLanguage, localized } from '@cong/sdk/admin';
import type { QuestionAction, QuestionStatus } from './qa-api.js';

/** Texts every Q&A page shares: statuses, timeline steps, paging, the question's facts. Vietnamese first. */
export const commonMessages = {
  vi: {
    loading: 'Đang tải…',
    failed: 'Không tải được dữ liệu',
    back: 'Quay lại danh sách',
    filter: 'Lọc',
    all: 'Tất cả',
    status: 'Trạng thái',
    previous: 'Trang trước',
    next: 'Trang sau',
    page: (from: number, to: number, total: number) => `${from}–${to} trên ${total}`,
    none: '—',
    yes: 'Có',
    no: 'Không',
    cancel: 'Huỷ',
    open: 'Xem',
    openLabel: (title: string) => `Xem câu hỏi “${title}”`,
    statuses: {
      unverified: 'Chưa xác nhận',
      received: 'Mới tiếp nhận',
      forwarded: 'Đã chuyển cơ quan',
      returned: 'Bị trả lại',
      closed: 'Không thuộc thẩm quyền',
      waiting: 'Chờ người hỏi bổ sung',
      answered: 'Đã trả lời',
    } as Record<QuestionStatus, string>,
    actions: {
      submitted: 'Gửi câu hỏi',
      verified: 'Xác nhận qua e-mail',
      classified: 'Phân loại lĩnh vực',
      forwarded: 'Chuyển cơ quan',
      returned: 'Trả lại Ban biên tập',
      transferred: 'Chuyển sang cơ quan khác',
      declined: 'Trả lời không thuộc thẩm quyền',
      drafted: 'Soạn dự thảo trả lời',
      'approval-asked': 'Trình ký duyệt',
      approved: 'Ký duyệt',
      'sent-back': 'Trả lại dự thảo',
      answered: 'Gửi trả lời',
      'info-requested': 'Đề nghị bổ sung thông tin',
      'citizen-replied': 'Người hỏi bổ sung thông tin',
      redacted: 'Rà soát bản công khai',
      published: 'Công khai',
      unpublished: 'Gỡ công khai',
      rated: 'Người hỏi đánh giá',
    } as Record<QuestionAction, string>,
    trackingCode: 'Mã theo dõi',
    title: 'Tiêu đề',
    field: 'Lĩnh vực',
    commune: 'Xã, phường',
    site: 'Gửi qua trang',
    agency: 'Cơ quan đang xử lý',
    receivedAt: 'Tiếp nhận lúc',
    updatedAt: 'Cập nhật',
    asker: 'Người hỏi',
    consentPublish: 'Đồng ý công khai',
    closeReason: 'Lý do',
    content: 'Nội dung câu hỏi',
    due: 'Hạn xử lý',
    dueStates: { 'on-time': 'Trong hạn', 'due-soon': 'Sắp đến hạn', overdue: 'Quá hạn', paused: 'Tạm dừng (chờ người hỏi)', met: 'Đúng hạn', 'met-late': 'Trễ hạn' } as Record<string, string>,
    deadlines: 'Thời hạn xử lý',
    hop: 'Bước',
    hopKinds: { board: 'Ban biên tập tiếp nhận, chuyển', agency: 'Cơ quan trả lời' } as Record<string, string>,
    limit: (days: number) => `${days} ngày làm việc`,
    pausedDays: (days: number) => `tạm dừng ${days} ngày`,
    timeline: 'Quá trình xử lý',
    when: 'Lúc',
    step: 'Bước',
    who: 'Người thực hiện',
    unit: 'Đơn vị',
    note: 'Ghi chú',
    to: (name: string) => `→ ${name}`,
  },
  en: {
    loading: 'Loading…',
    failed: 'Could not load the data',
    back: 'Back to the list',
    filter: 'Filter',
    all: 'All',
    status: 'Status',
    previous: 'Previous page',
    next: 'Next page',
    page: (from: number, to: number, total: number) => `${from}–${to} of ${total}`,
    none: '—',
    yes: 'Yes',
    no: 'No',
    cancel: 'Cancel',
    open: 'Open',
    openLabel: (title: string) => `Open the question “${title}”`,
    statuses: {
      unverified: 'Not verified',
      received: 'Received',
      forwarded: 'Forwarded',
      returned: 'Returned',
      closed: 'Outside competence',
      waiting: 'Waiting for the asker',
      answered: 'Answered',
    } as Record<QuestionStatus, string>,
    actions: {
      submitted: 'Submitted',
      verified: 'Verified by e-mail',
      classified: 'Classified',
      forwarded: 'Forwarded',
      returned: 'Returned to the board',
      transferred: 'Transferred to another agency',
      declined: 'Declined: outside competence',
      drafted: 'Answer drafted',
      'approval-asked': 'Submitted for approval',
      approved: 'Approved',
      'sent-back': 'Draft sent back',
      answered: 'Answer sent',
      'info-requested': 'Information requested',
      'citizen-replied': 'The asker replied',
      redacted: 'Public version reviewed',
      published: 'Published',
      unpublished: 'Unpublished',
      rated: 'Rated by the asker',
    } as Record<QuestionAction, string>,
    trackingCode: 'Tracking code',
    title: 'Title',
    field: 'Field',
    commune: 'Commune',
    site: 'Asked on',
    agency: 'Agency handling it',
    receivedAt: 'Received',
    updatedAt: 'Updated',
    asker: 'Asker',
    consentPublish: 'Agrees to publication',
    closeReason: 'Reason',
    content: 'The question',
    due: 'Due',
    dueStates: { 'on-time': 'On time', 'due-soon': 'Due soon', overdue: 'Overdue', paused: 'Paused (waiting for the asker)', met: 'Met', 'met-late': 'Met late' } as Record<string, string>,
    deadlines: 'Deadlines',
    hop: 'Step',
    hopKinds: { board: 'Board receives and forwards', agency: 'Agency answers' } as Record<string, string>,
    limit: (days: number) => `${days} working days`,
    pausedDays: (days: number) => `paused ${days} days`,
    timeline: 'Timeline',
    when: 'When',
    step: 'Step',
    who: 'By',
    unit: 'Unit',
    note: 'Note',
    to: (name: string) => `→ ${name}`,
  },
};

export type CommonTexts = typeof commonMessages.vi;
export const commonTexts = (): CommonTexts => localized(commonMessages);

const locale = () => (adminLanguage() === 'en' ? 'en-GB' : 'vi-VN');

/** An instant of the API, in Vietnam time. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return commonTexts().none;
  return new Intl.DateTimeFormat(locale(), { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso));
}

/** A calendar date (`2026-11-29`) or an instant, as a Vietnamese date. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return commonTexts().none;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+07:00`) : new Date(value);
  return new Intl.DateTimeFormat(locale(), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }).format(date);
}

export function fileSize(bytes: number): string {
  const kib = bytes / 1024;
  return kib < 1024 ? `${Math.max(1, Math.round(kib))} KB` : `${(kib / 1024).toFixed(1)} MB`;
}
