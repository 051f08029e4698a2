/**
 * The messages of the feedback area: plain text, Vietnamese first with English after, built by string
 * concatenation only (no template engine: SECURITY.md). Titles are quoted as they are: plain text
 * renders nothing in them.
 */
export function feedbackVerificationMail(input: { kind: 'regulation' | 'idea'; title: string; link: string; hours: number }): { subject: string; text: string } {
  const what = input.kind === 'regulation' ? { vi: 'phản ánh, kiến nghị về quy định hành chính', en: 'feedback on a regulation' } : { vi: 'góp ý, hiến kế xây dựng quê hương', en: 'idea for the province' };
  return {
    subject: `Xác nhận ${what.vi} / Confirm your ${what.en}`,
    text: [
      `Bạn (hoặc ai đó dùng địa chỉ e-mail này) vừa gửi ${what.vi}:`,
      `"${input.title}"`,
      '',
      'Để được tiếp nhận, vui lòng mở liên kết dưới đây và bấm nút "Xác nhận":',
      input.link,
      '',
      `Liên kết chỉ dùng được một lần và hết hạn sau ${input.hours} giờ. Sau khi xác nhận, bạn nhận được mã theo dõi để tra cứu kết quả xử lý. Nếu bạn không gửi nội dung này, hãy bỏ qua thư.`,
      '',
      '---',
      `You (or someone using this address) sent ${what.en}.`,
      `To have it received, open the link above and press "Confirm". The link works once and expires after ${input.hours} hours; you then get a tracking code. If you did not send it, ignore this message.`,
    ].join('\n'),
  };
}

export function voteVerificationMail(input: { title: string; link: string; hours: number }): { subject: string; text: string } {
  return {
    subject: 'Xác nhận ủng hộ góp ý, hiến kế / Confirm your support for an idea',
    text: [
      'Bạn (hoặc ai đó dùng địa chỉ e-mail này) vừa ủng hộ góp ý, hiến kế:',
      `"${input.title}"`,
      '',
      'Để lượt ủng hộ được tính, vui lòng mở liên kết dưới đây và bấm nút "Xác nhận":',
      input.link,
      '',
      `Mỗi địa chỉ e-mail được tính một lượt. Liên kết chỉ dùng được một lần và hết hạn sau ${input.hours} giờ. Nếu không phải bạn, hãy bỏ qua thư.`,
      '',
      '---',
      `To have your support counted (once per e-mail address), open the link above and press "Confirm" within ${input.hours} hours. If it was not you, ignore this message.`,
    ].join('\n'),
  };
}
