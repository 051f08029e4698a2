/**
 * The answers' messages to the asker: plain text, Vietnamese first with English after, built by string
 * concatenation only (no template engine), as the questions' messages are. The agency's text is quoted
 * as it is: a plain-text e-mail renders nothing in it.
 */
import type { QuestionMail } from '../questions/question-mail.js';

export function answerMail(input: { code: string; title: string; agency: string; answer: string; files: readonly { name: string; link: string }[]; statusLink: string; ratingLink: string }): QuestionMail {
  return {
    subject: `Trả lời câu hỏi ${input.code} / Answer to your question ${input.code}`,
    text: [
      `${input.agency} đã trả lời câu hỏi của bạn:`,
      `"${input.title}"`,
      '',
      input.answer,
      '',
      ...(input.files.length === 0 ? [] : ['Tệp đính kèm (Attachments):', ...input.files.map((f) => `- ${f.name}: ${f.link}`), '']),
      'Bạn có thể xem lại câu trả lời khi tra cứu bằng mã theo dõi và địa chỉ e-mail này:',
      input.statusLink,
      '',
      'Xin vui lòng đánh giá mức độ hài lòng của bạn với câu trả lời (một lần, thông tin người đánh giá được giữ kín):',
      input.ratingLink,
      '',
      '---',
      `${input.agency} has answered your question (above). See it again on the status page with your tracking code and this address,`,
      'and please rate the answer (once; who rated is kept confidential) with the second link.',
    ].join('\n'),
  };
}

export function clarificationMail(input: { code: string; title: string; agency: string; request: string; statusLink: string }): QuestionMail {
  return {
    subject: `Đề nghị bổ sung thông tin cho câu hỏi ${input.code} / More information needed`,
    text: [
      `${input.agency} cần bạn bổ sung thông tin để trả lời câu hỏi:`,
      `"${input.title}"`,
      '',
      input.request,
      '',
      `Vui lòng mở trang tra cứu, nhập mã theo dõi ${input.code} và địa chỉ e-mail này, rồi gửi nội dung bổ sung:`,
      input.statusLink,
      '',
      '---',
      `${input.agency} needs more information to answer your question (above). Open the status page, enter`,
      `your tracking code ${input.code} and this address, and send your reply there.`,
    ].join('\n'),
  };
}
