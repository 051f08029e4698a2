import { adminLanguage, localized } from '@cong/sdk/admin';
import type { DeadlineState, SourceChannel, SubmissionAction, SubmissionStatus } from './gazette-api.js';

/** Texts every gazette page shares: statuses, deadlines, timeline steps, paging. Vietnamese first. */
export const commonMessages = {
  vi: {
    loading: 'Đang tải…',
    failed: 'Không tải được dữ liệu',
    done: 'Đã thực hiện',
    busy: 'Đang xử lý…',
    back: 'Quay lại danh sách',
    filter: 'Lọc',
    all: 'Tất cả',
    status: 'Trạng thái',
    year: 'Năm',
    previous: 'Trang trước',
    next: 'Trang sau',
    page: (from: number, to: number, total: number) => `${from}–${to} trên ${total}`,
    none: '—',
    yes: 'Có',
    no: 'Không',
    statuses: {
      draft: 'Bản nháp',
      sent: 'Đã gửi',
      registered: 'Đã vào sổ',
      comparing: 'Đang đối chiếu',
      returned: 'Trả lại để sửa',
      corrected: 'Đã gửi bản sửa',
      passed: 'Đối chiếu đạt',
      published: 'Đã đăng Công báo',
      withdrawn: 'Đã rút',
    } as Record<SubmissionStatus, string>,
    deadlineStates: { pending: 'Còn hạn', met: 'Đúng hạn', late: 'Trễ hạn', overdue: 'Quá hạn' } as Record<DeadlineState, string>,
    sendDeadline: 'Hạn gửi',
    publishDeadline: 'Hạn đăng',
    actions: {
      created: 'Tạo văn bản',
      'file-attached': 'Tải tệp lên',
      sent: 'Gửi đến cơ quan Công báo',
      registered: 'Vào sổ tiếp nhận',
      'intake-checked': 'Kiểm tra khi tiếp nhận',
      'comparison-opened': 'Mở lần đối chiếu',
      'comparison-passed': 'Đối chiếu đạt',
      'comparison-returned': 'Trả lại do có sai khác',
      'issuer-notified': 'Đã báo đơn vị ban hành',
      'correction-received': 'Nhận bản sửa',
      published: 'Đăng Công báo',
      withdrawn: 'Rút văn bản',
    } as Record<SubmissionAction, string>,
    channels: { portal: 'Qua Cổng', 'document-system': 'Liên thông văn bản', email: 'Thư điện tử', post: 'Bưu chính', 'hand-delivery': 'Nộp trực tiếp', other: 'Khác' } as Record<SourceChannel, string>,
    roles: { original: 'Bản gốc đã ký (PDF)', electronic: 'Bản điện tử (DOCX/DOC)' },
    flags: 'Lưu ý khi tiếp nhận',
    timeline: 'Dòng thời gian',
    when: 'Lúc',
    step: 'Bước',
    who: 'Người thực hiện',
    remark: 'Ghi chú',
    round: (n: number) => `Lần đối chiếu ${n}`,
    files: 'Tệp đã tải lên',
    version: (n: number) => `bản ${n}`,
    current: 'đang dùng',
    register: 'Số đăng ký',
  },
  en: {
    loading: 'Loading…',
    failed: 'Could not load the data',
    done: 'Done',
    busy: 'Working…',
    back: 'Back to the list',
    filter: 'Filter',
    all: 'All',
    status: 'Status',
    year: 'Year',
    previous: 'Previous page',
    next: 'Next page',
    page: (from: number, to: number, total: number) => `${from}–${to} of ${total}`,
    none: '—',
    yes: 'Yes',
    no: 'No',
    statuses: {
      draft: 'Draft',
      sent: 'Sent',
      registered: 'Registered',
      comparing: 'Being compared',
      returned: 'Returned for correction',
      corrected: 'Corrected copy sent',
      passed: 'Comparison passed',
      published: 'Published',
      withdrawn: 'Withdrawn',
    } as Record<SubmissionStatus, string>,
    deadlineStates: { pending: 'Pending', met: 'Met', late: 'Met late', overdue: 'Overdue' } as Record<DeadlineState, string>,
    sendDeadline: 'Send by',
    publishDeadline: 'Publish by',
    actions: {
      created: 'Created',
      'file-attached': 'File uploaded',
      sent: 'Sent to the gazette office',
      registered: 'Registered',
      'intake-checked': 'Intake checks',
      'comparison-opened': 'Comparison opened',
      'comparison-passed': 'Comparison passed',
      'comparison-returned': 'Returned with discrepancies',
      'issuer-notified': 'Issuer notified',
      'correction-received': 'Corrected copy received',
      published: 'Published',
      withdrawn: 'Withdrawn',
    } as Record<SubmissionAction, string>,
    channels: { portal: 'Through the portal', 'document-system': 'Document system', email: 'E-mail', post: 'Post', 'hand-delivery': 'By hand', other: 'Other' } as Record<SourceChannel, string>,
    roles: { original: 'Signed original (PDF)', electronic: 'Electronic copy (DOCX/DOC)' },
    flags: 'Intake notes',
    timeline: 'Timeline',
    when: 'When',
    step: 'Step',
    who: 'By',
    remark: 'Remark',
    round: (n: number) => `Comparison round ${n}`,
    files: 'Uploaded files',
    version: (n: number) => `version ${n}`,
    current: 'current',
    register: 'Register number',
  },
};

export type CommonTexts = typeof commonMessages.vi;
export const commonTexts = (): CommonTexts => localized(commonMessages);

const locale = () => (adminLanguage() === 'en' ? 'en-GB' : 'vi-VN');

/** A calendar date of the API (`2026-11-29`) as the reader writes it (29/11/2026). */
export function formatDate(date: string | null | undefined): string {
  if (!date) return commonTexts().none;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale(), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** An instant of the API, in Vietnam time. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return commonTexts().none;
  return new Intl.DateTimeFormat(locale(), { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso));
}

/** A flag's or a document type's text in the admin's language. */
export function pick(text: { readonly vi: string; readonly en?: string }): string {
  return adminLanguage() === 'en' && text.en ? text.en : text.vi;
}

export function fileSize(bytes: number): string {
  const kib = bytes / 1024;
  return kib < 1024 ? `${Math.max(1, Math.round(kib))} KB` : `${(kib / 1024).toFixed(1)} MB`;
}
