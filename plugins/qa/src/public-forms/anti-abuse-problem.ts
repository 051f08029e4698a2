import type { CongError } from '@cong/sdk';

/** What a public form sends, for the messages: `{ vi: 'câu hỏi', en: 'question', enPlural: 'questions' }`. */
export interface FormSubject {
  readonly vi: string;
  readonly en: string;
  readonly enPlural: string;
}

/**
 * What the person reads when a public form was refused by the anti-abuse checks every form shares (fill
 * time, expired token, honeypot, proof-of-work, rate limit), in Vietnamese and English; undefined for any other
 * refusal, which the form words itself.
 */
export function antiAbuseProblem(error: CongError, minFillSeconds: number, subject: FormSubject): { vi: string; en: string } | undefined {
  switch (error.code) {
    case 'QA_ERR_FORM_TOO_FAST':
      return { vi: `Biểu mẫu được gửi quá nhanh. Vui lòng kiểm tra lại nội dung và gửi lại sau ít nhất ${minFillSeconds} giây.`, en: `The form was sent too quickly. Check it and send it again after at least ${minFillSeconds} seconds.` };
    case 'QA_ERR_FORM_EXPIRED':
      return { vi: 'Biểu mẫu đã quá hạn. Vui lòng gửi lại.', en: 'The form has expired. Please send it again.' };
    case 'QA_ERR_HONEYPOT':
      return { vi: `Không thể tiếp nhận ${subject.vi}: một trường ẩn đã bị điền.`, en: `The ${subject.en} cannot be received: a hidden field was filled in.` };
    case 'QA_ERR_PROOF_REQUIRED':
      return { vi: 'Biểu mẫu đang bật chế độ chống gửi tự động: cần bật JavaScript trong trình duyệt, tải lại trang rồi gửi lại.', en: 'The form’s protection against automated sending is on: enable JavaScript in the browser, reload the page and send it again.' };
    case 'QA_ERR_PROOF_INVALID':
      return { vi: 'Mã kiểm tra chống gửi tự động của biểu mẫu không hợp lệ, đã dùng hoặc đã hết hạn. Vui lòng gửi lại.', en: 'The form’s check against automated sending is not valid, was used or has expired. Please send it again.' };
    case 'CONG_ERR_RATE_LIMITED':
      return { vi: `Bạn đã gửi quá nhiều ${subject.vi}. Vui lòng thử lại sau.`, en: `Too many ${subject.enPlural} were sent. Please try again later.` };
    default:
      return undefined;
  }
}
