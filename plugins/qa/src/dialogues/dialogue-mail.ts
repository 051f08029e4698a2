/**
 * The message to a person who asked a question for a dialogue: plain text, Vietnamese first with
 * English after, built by string concatenation only (no template engine: SECURITY.md). The event's
 * title is quoted as it is: plain text renders nothing in it.
 */
export function dialogueVerificationMail(input: { title: string; link: string; hours: number }): { subject: string; text: string } {
  return {
    subject: 'Xác nhận câu hỏi gửi buổi đối thoại trực tuyến / Confirm your question for an online dialogue',
    text: [
      'Bạn (hoặc ai đó dùng địa chỉ e-mail này) vừa gửi câu hỏi đến buổi giao lưu, đối thoại trực tuyến:',
      `"${input.title}"`,
      '',
      'Để câu hỏi được tiếp nhận, vui lòng mở liên kết dưới đây và bấm nút "Xác nhận":',
      input.link,
      '',
      `Liên kết chỉ dùng được một lần và hết hạn sau ${input.hours} giờ. Câu hỏi được kiểm duyệt trước khi hiển thị. Câu hỏi đã duyệt mà chưa được trả lời tại buổi đối thoại sẽ được chuyển đến Ban biên tập để trả lời theo quy trình hỏi đáp. Nếu bạn không gửi câu hỏi này, hãy bỏ qua thư.`,
      '',
      '---',
      'You (or someone using this address) sent a question for an online dialogue.',
      `To have it received, open the link above and press "Confirm". The link works once and expires after ${input.hours} hours.`,
      'Questions are moderated before they are shown; approved questions not answered during the event are forwarded to the editorial board and answered as ordinary questions. If you did not send it, ignore this message.',
    ].join('\n'),
  };
}
