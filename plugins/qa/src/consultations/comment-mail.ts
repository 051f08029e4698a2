/**
 * The message to a commenter: plain text, Vietnamese first with English after, built by string
 * concatenation only (no template engine). The draft's title is quoted as it is: plain text renders
 * nothing in it.
 */
export function commentVerificationMail(input: { title: string; link: string; hours: number }): { subject: string; text: string } {
  return {
    subject: 'Xác nhận ý kiến góp ý dự thảo / Confirm your comment on a draft',
    text: [
      'Bạn (hoặc ai đó dùng địa chỉ e-mail này) vừa góp ý dự thảo:',
      `"${input.title}"`,
      '',
      'Để ý kiến được tiếp nhận, vui lòng mở liên kết dưới đây và bấm nút "Xác nhận":',
      input.link,
      '',
      `Liên kết chỉ dùng được một lần và hết hạn sau ${input.hours} giờ. Ý kiến được kiểm duyệt trước khi hiển thị công khai. Nếu bạn không gửi ý kiến này, hãy bỏ qua thư.`,
      '',
      '---',
      'You (or someone using this address) commented on a draft document.',
      `To have the comment received, open the link above and press "Confirm". The link works once and expires after ${input.hours} hours.`,
      'Comments are moderated before they are shown. If you did not send it, ignore this message.',
    ].join('\n'),
  };
}
