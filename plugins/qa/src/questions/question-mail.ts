/**
 * The messages to the asker: plain text, Vietnamese first with English after, built by string
 * concatenation only (no template engine: SECURITY.md, template injection). The citizen's own title
 * is quoted as it is: a plain-text e-mail renders nothing in it.
 */
export interface QuestionMail {
  readonly subject: string;
  readonly text: string;
}

export function verificationMail(input: { title: string; link: string; hours: number; province: string }): QuestionMail {
  return {
    subject: 'Xác nhận câu hỏi gửi Cổng thông tin điện tử / Confirm your question',
    text: [
      `Bạn (hoặc ai đó dùng địa chỉ e-mail này) vừa gửi câu hỏi đến ${input.province}:`,
      `"${input.title}"`,
      '',
      'Để câu hỏi được tiếp nhận, vui lòng mở liên kết dưới đây và bấm nút "Xác nhận":',
      input.link,
      '',
      `Liên kết chỉ dùng được một lần và hết hạn sau ${input.hours} giờ. Nếu bạn không gửi câu hỏi này, hãy bỏ qua thư; câu hỏi chưa xác nhận sẽ tự động bị xoá.`,
      '',
      '---',
      'You (or someone using this address) sent a question to the provincial portal.',
      `To have it received, open the link above and press "Confirm". The link works once and expires after ${input.hours} hours.`,
      'If you did not send it, ignore this message: unconfirmed questions are deleted automatically.',
    ].join('\n'),
  };
}

export function trackingMail(input: { code: string; title: string; province: string }): QuestionMail {
  return {
    subject: `Mã theo dõi câu hỏi ${input.code} / Tracking code ${input.code}`,
    text: [
      `Câu hỏi của bạn đã được ${input.province} tiếp nhận:`,
      `"${input.title}"`,
      '',
      `Mã theo dõi: ${input.code}`,
      'Tra cứu tình trạng câu hỏi trên cổng (mục Hỏi đáp → Tra cứu) bằng mã theo dõi và địa chỉ e-mail này.',
      '',
      '---',
      `Your question has been received. Tracking code: ${input.code}.`,
      'Check its status on the portal (Questions → Track) with this code and this e-mail address.',
    ].join('\n'),
  };
}
