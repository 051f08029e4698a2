/**
 * Every e-mail the Q&A plugin sends, by name: the placeholders each may use, and its default text (the
 * texts the areas sent before templates existed). A message is one subject line and a body of a
 * Vietnamese part then an English part, joined by a `---` line, as every Q&A message has always been.
 *
 * Templates are logic-less (SECURITY.md ASVS 5.2.5, STACK.md "E-mail templates"): `{{key}}` and
 * nothing else. Anything conditional (a list of attachments, which party is late) is computed by the
 * area's code and handed over as one ready value.
 */
export interface MailTemplateText {
  readonly subject: string;
  readonly bodyVi: string;
  readonly bodyEn: string;
}

export interface MailTemplateDefinition {
  readonly name: MailTemplateName;
  readonly description: { readonly vi: string; readonly en: string };
  /** The placeholders the template may use; any other `{{…}}` is refused when saved. */
  readonly keys: readonly string[];
  readonly defaults: MailTemplateText;
  /** What the preview fills the placeholders with. */
  readonly sample: Readonly<Record<string, string>>;
}

export const MAIL_TEMPLATE_NAMES = [
  'question-verification',
  'question-tracking',
  'answer-sent',
  'answer-clarification',
  'deadline-reminder',
  'deadline-escalation',
  'consultation-comment-verification',
  'dialogue-verification',
  'privacy-deletion-confirmation',
  'answer-progress',
  'answer-by-reference',
  'staff-question-assigned',
  'staff-approval-asked',
  'staff-mentioned',
  'feedback-tracking',
  'feedback-result',
] as const;
export type MailTemplateName = (typeof MAIL_TEMPLATE_NAMES)[number];

const lines = (...parts: string[]) => parts.join('\n');
const SAMPLE_LINK = 'https://quangtri.gov.vn/hoi-dap/xac-nhan/MAU-lien-ket-mau';

export const MAIL_TEMPLATES: Readonly<Record<MailTemplateName, MailTemplateDefinition>> = {
  'question-verification': {
    name: 'question-verification',
    description: { vi: 'Thư xác nhận câu hỏi (liên kết xác nhận e-mail)', en: 'Question verification (the e-mailed link)' },
    keys: ['title', 'link', 'hours', 'province'],
    defaults: {
      subject: 'Xác nhận câu hỏi gửi Cổng thông tin điện tử / Confirm your question',
      bodyVi: lines(
        'Bạn (hoặc ai đó dùng địa chỉ e-mail này) vừa gửi câu hỏi đến {{province}}:',
        '"{{title}}"',
        '',
        'Để câu hỏi được tiếp nhận, vui lòng mở liên kết dưới đây và bấm nút "Xác nhận":',
        '{{link}}',
        '',
        'Liên kết chỉ dùng được một lần và hết hạn sau {{hours}} giờ. Nếu bạn không gửi câu hỏi này, hãy bỏ qua thư; câu hỏi chưa xác nhận sẽ tự động bị xoá.',
      ),
      bodyEn: lines(
        'You (or someone using this address) sent a question to the provincial portal.',
        'To have it received, open the link above and press "Confirm". The link works once and expires after {{hours}} hours.',
        'If you did not send it, ignore this message: unconfirmed questions are deleted automatically.',
      ),
    },
    sample: { title: 'Thủ tục cấp giấy chứng nhận quyền sử dụng đất', link: SAMPLE_LINK, hours: '48', province: 'UBND tỉnh Quảng Trị' },
  },
  'question-tracking': {
    name: 'question-tracking',
    description: { vi: 'Thư báo mã theo dõi câu hỏi', en: 'Tracking code of a received question' },
    keys: ['code', 'title', 'province'],
    defaults: {
      subject: 'Mã theo dõi câu hỏi {{code}} / Tracking code {{code}}',
      bodyVi: lines(
        'Câu hỏi của bạn đã được {{province}} tiếp nhận:',
        '"{{title}}"',
        '',
        'Mã theo dõi: {{code}}',
        'Tra cứu tình trạng câu hỏi trên cổng (mục Hỏi đáp → Tra cứu) bằng mã theo dõi và địa chỉ e-mail này.',
      ),
      bodyEn: lines(
        'Your question has been received. Tracking code: {{code}}.',
        'Check its status on the portal (Questions → Track) with this code and this e-mail address.',
      ),
    },
    sample: { code: 'HD-2026-7K3F9Q', title: 'Thủ tục cấp giấy chứng nhận quyền sử dụng đất', province: 'UBND tỉnh Quảng Trị' },
  },
  'answer-sent': {
    name: 'answer-sent',
    description: { vi: 'Thư gửi câu trả lời (kèm liên kết đánh giá)', en: 'The answer, with the rating link' },
    keys: ['code', 'title', 'agency', 'answer', 'files', 'statusLink', 'ratingLink'],
    defaults: {
      subject: 'Trả lời câu hỏi {{code}} / Answer to your question {{code}}',
      bodyVi: lines(
        '{{agency}} đã trả lời câu hỏi của bạn:',
        '"{{title}}"',
        '',
        '{{answer}}',
        '',
        '{{files}}Bạn có thể xem lại câu trả lời khi tra cứu bằng mã theo dõi và địa chỉ e-mail này:',
        '{{statusLink}}',
        '',
        'Xin vui lòng đánh giá mức độ hài lòng của bạn với câu trả lời (một lần, thông tin người đánh giá được giữ kín):',
        '{{ratingLink}}',
      ),
      bodyEn: lines(
        '{{agency}} has answered your question (above). See it again on the status page with your tracking code and this address,',
        'and please rate the answer (once; who rated is kept confidential) with the second link.',
      ),
    },
    sample: {
      code: 'HD-2026-7K3F9Q',
      title: 'Thủ tục cấp giấy chứng nhận quyền sử dụng đất',
      agency: 'Sở Nông nghiệp và Môi trường',
      answer: 'Hồ sơ gồm đơn đăng ký và giấy tờ về quyền sử dụng đất; thời hạn giải quyết là 20 ngày làm việc.',
      files: 'Tệp đính kèm (Attachments):\n- huong-dan.pdf: https://quangtri.gov.vn/hoi-dap/tep/mau\n\n',
      statusLink: 'https://quangtri.gov.vn/hoi-dap/tra-cuu',
      ratingLink: 'https://quangtri.gov.vn/hoi-dap/danh-gia/MAU-lien-ket-mau',
    },
  },
  'answer-clarification': {
    name: 'answer-clarification',
    description: { vi: 'Thư đề nghị công dân bổ sung thông tin', en: 'Asking the citizen for more information' },
    keys: ['code', 'title', 'agency', 'request', 'statusLink'],
    defaults: {
      subject: 'Đề nghị bổ sung thông tin cho câu hỏi {{code}} / More information needed',
      bodyVi: lines(
        '{{agency}} cần bạn bổ sung thông tin để trả lời câu hỏi:',
        '"{{title}}"',
        '',
        '{{request}}',
        '',
        'Vui lòng mở trang tra cứu, nhập mã theo dõi {{code}} và địa chỉ e-mail này, rồi gửi nội dung bổ sung:',
        '{{statusLink}}',
      ),
      bodyEn: lines(
        '{{agency}} needs more information to answer your question (above). Open the status page, enter',
        'your tracking code {{code}} and this address, and send your reply there.',
      ),
    },
    sample: {
      code: 'HD-2026-7K3F9Q',
      title: 'Thủ tục cấp giấy chứng nhận quyền sử dụng đất',
      agency: 'Sở Nông nghiệp và Môi trường',
      request: 'Xin cho biết thửa đất thuộc xã, phường nào.',
      statusLink: 'https://quangtri.gov.vn/hoi-dap/tra-cuu',
    },
  },
  'deadline-reminder': {
    name: 'deadline-reminder',
    description: { vi: 'Nhắc hạn trả lời (gửi cán bộ)', en: 'Answer due soon (to staff)' },
    keys: ['code', 'title', 'unit', 'dueOn', 'dueOnIso', 'rule'],
    defaults: {
      subject: '[Cổng] Sắp đến hạn trả lời câu hỏi {{code}} ({{dueOn}}) / Answer due soon',
      bodyVi: lines(
        'Câu hỏi {{code}} được chuyển đến {{unit}} sắp đến hạn trả lời.',
        '"{{title}}"',
        'Hạn trả lời hoặc thông báo tiến độ: {{dueOn}} ({{rule}}).',
      ),
      bodyEn: 'Question {{code}}, forwarded to {{unit}}, is due on {{dueOnIso}}: answer it or report progress by then.',
    },
    sample: { code: 'HD-2026-7K3F9Q', title: 'Thủ tục cấp giấy chứng nhận quyền sử dụng đất', unit: 'Sở Xây dựng', dueOn: '22/06/2027', dueOnIso: '2027-06-22', rule: 'qa.answerDeadline@2026-07-01' },
  },
  'deadline-escalation': {
    name: 'deadline-escalation',
    description: { vi: 'Báo quá hạn xử lý câu hỏi (gửi lãnh đạo, Ban biên tập)', en: 'Question overdue (to leaders and the board)' },
    keys: ['code', 'title', 'unit', 'dueOn', 'dueOnIso', 'rule', 'lateParty', 'holder'],
    defaults: {
      subject: '[Cổng] Quá hạn xử lý câu hỏi {{code}} / Question overdue',
      bodyVi: lines(
        '{{lateParty}} câu hỏi {{code}} trong thời hạn.',
        '"{{title}}"',
        'Hạn: {{dueOn}} ({{rule}}). Đề nghị lãnh đạo đơn vị và Ban biên tập đôn đốc xử lý.',
      ),
      bodyEn: 'Question {{code}} was due on {{dueOnIso}} and is still with {{holder}}. Please follow it up.',
    },
    sample: {
      code: 'HD-2026-7K3F9Q',
      title: 'Thủ tục cấp giấy chứng nhận quyền sử dụng đất',
      unit: 'Sở Xây dựng',
      dueOn: '22/06/2027',
      dueOnIso: '2027-06-22',
      rule: 'qa.answerDeadline@2026-07-01',
      lateParty: 'Sở Xây dựng chưa trả lời',
      holder: 'Sở Xây dựng',
    },
  },
  'consultation-comment-verification': {
    name: 'consultation-comment-verification',
    description: { vi: 'Thư xác nhận ý kiến góp ý dự thảo', en: 'Verification of a comment on a draft' },
    keys: ['title', 'link', 'hours'],
    defaults: {
      subject: 'Xác nhận ý kiến góp ý dự thảo / Confirm your comment on a draft',
      bodyVi: lines(
        'Bạn (hoặc ai đó dùng địa chỉ e-mail này) vừa góp ý dự thảo:',
        '"{{title}}"',
        '',
        'Để ý kiến được tiếp nhận, vui lòng mở liên kết dưới đây và bấm nút "Xác nhận":',
        '{{link}}',
        '',
        'Liên kết chỉ dùng được một lần và hết hạn sau {{hours}} giờ. Ý kiến được kiểm duyệt trước khi hiển thị công khai. Nếu bạn không gửi ý kiến này, hãy bỏ qua thư.',
      ),
      bodyEn: lines(
        'You (or someone using this address) commented on a draft document.',
        'To have the comment received, open the link above and press "Confirm". The link works once and expires after {{hours}} hours.',
        'Comments are moderated before they are shown. If you did not send it, ignore this message.',
      ),
    },
    sample: { title: 'Dự thảo Nghị quyết quy định mức hỗ trợ chuyển đổi số', link: 'https://quangtri.gov.vn/gop-y-du-thao/xac-nhan/MAU-lien-ket-mau', hours: '24' },
  },
  'dialogue-verification': {
    name: 'dialogue-verification',
    description: { vi: 'Thư xác nhận câu hỏi gửi buổi đối thoại trực tuyến', en: 'Verification of a question for an online dialogue' },
    keys: ['title', 'link', 'hours'],
    defaults: {
      subject: 'Xác nhận câu hỏi gửi buổi đối thoại trực tuyến / Confirm your question for an online dialogue',
      bodyVi: lines(
        'Bạn (hoặc ai đó dùng địa chỉ e-mail này) vừa gửi câu hỏi đến buổi giao lưu, đối thoại trực tuyến:',
        '"{{title}}"',
        '',
        'Để câu hỏi được tiếp nhận, vui lòng mở liên kết dưới đây và bấm nút "Xác nhận":',
        '{{link}}',
        '',
        'Liên kết chỉ dùng được một lần và hết hạn sau {{hours}} giờ. Câu hỏi được kiểm duyệt trước khi hiển thị. Câu hỏi đã duyệt mà chưa được trả lời tại buổi đối thoại sẽ được chuyển đến Ban biên tập để trả lời theo quy trình hỏi đáp. Nếu bạn không gửi câu hỏi này, hãy bỏ qua thư.',
      ),
      bodyEn: lines(
        'You (or someone using this address) sent a question for an online dialogue.',
        'To have it received, open the link above and press "Confirm". The link works once and expires after {{hours}} hours.',
        'Questions are moderated before they are shown; approved questions not answered during the event are forwarded to the editorial board and answered as ordinary questions. If you did not send it, ignore this message.',
      ),
    },
    sample: { title: 'Giao lưu trực tuyến: Hỗ trợ doanh nghiệp chuyển đổi số', link: 'https://quangtri.gov.vn/doi-thoai/xac-nhan/MAU-lien-ket-mau', hours: '24' },
  },
  'privacy-deletion-confirmation': {
    name: 'privacy-deletion-confirmation',
    description: { vi: 'Thư xác nhận yêu cầu xoá dữ liệu cá nhân', en: 'Confirming a request to delete personal data' },
    keys: ['code', 'link', 'hours', 'province'],
    defaults: {
      subject: 'Xác nhận yêu cầu xoá dữ liệu cá nhân (câu hỏi {{code}}) / Confirm the deletion of your personal data',
      bodyVi: lines(
        'Bạn (hoặc ai đó dùng mã theo dõi {{code}} và địa chỉ e-mail này) vừa yêu cầu {{province}} xoá dữ liệu cá nhân gắn với câu hỏi.',
        '',
        'Để xoá, vui lòng mở liên kết dưới đây và bấm nút "Xoá dữ liệu":',
        '{{link}}',
        '',
        'Sau khi xoá, họ tên, e-mail, số điện thoại, địa chỉ và các nội dung bạn gửi kèm được xoá khỏi hệ thống và bạn không tra cứu được câu hỏi này nữa; nội dung hỏi đáp đã công khai (không có thông tin cá nhân) được giữ lại.',
        'Liên kết chỉ dùng được một lần và hết hạn sau {{hours}} giờ. Nếu bạn không yêu cầu, hãy bỏ qua thư.',
      ),
      bodyEn: lines(
        'You (or someone using tracking code {{code}} and this address) asked for the personal data of the question to be deleted.',
        'To delete it, open the link above and press "Delete". Your name, e-mail, phone, address and what you sent are then erased and the question can no longer be tracked;',
        'the published question and answer (which carry no personal data) stay. The link works once and expires after {{hours}} hours. If you did not ask, ignore this message.',
      ),
    },
    sample: { code: 'HD-2026-7K3F9Q', link: 'https://quangtri.gov.vn/hoi-dap/xoa-du-lieu/MAU-lien-ket-mau', hours: '48', province: 'UBND tỉnh Quảng Trị' },
  },
  // ─── R2: progress reports, answers by reference, notifications inside the agency ───
  'answer-progress': {
    name: 'answer-progress',
    description: { vi: 'Thư thông báo tiến độ và ngày trả lời (QA-03)', en: 'Progress report with the date of the answer (QA-03)' },
    keys: ['code', 'title', 'agency', 'progress', 'answerBy', 'statusLink'],
    defaults: {
      subject: 'Tiến độ trả lời câu hỏi {{code}} / Progress on your question',
      bodyVi: lines(
        '{{agency}} thông báo tiến độ giải quyết câu hỏi của bạn:',
        '"{{title}}"',
        '',
        '{{progress}}',
        '',
        'Ngày trả lời dự kiến: {{answerBy}}.',
        'Tra cứu tình trạng câu hỏi bằng mã theo dõi {{code}} và địa chỉ e-mail này:',
        '{{statusLink}}',
      ),
      bodyEn: lines('The agency handling question {{code}} reports its progress (above) and will answer by {{answerBy}}.', 'Track it with the code and this address: {{statusLink}}'),
    },
    sample: { code: 'HD-2026-7K3F9Q', title: 'Thủ tục cấp giấy chứng nhận quyền sử dụng đất', agency: 'Sở Nông nghiệp và Môi trường', progress: 'Sở đang xin ý kiến UBND xã về nguồn gốc sử dụng đất.', answerBy: '10/03/2027', statusLink: 'https://quangtri.gov.vn/hoi-dap/tra-cuu' },
  },
  'answer-by-reference': {
    name: 'answer-by-reference',
    description: { vi: 'Thư trả lời bằng đường dẫn đến hỏi đáp đã công khai (QA-06)', en: 'Answer by a link to a published Q&A (QA-06)' },
    keys: ['code', 'title', 'link', 'note', 'statusLink'],
    defaults: {
      subject: 'Trả lời câu hỏi {{code}} / Answer to your question',
      bodyVi: lines(
        'Câu hỏi của bạn:',
        '"{{title}}"',
        '',
        'có nội dung trùng với một câu hỏi đã được trả lời và công khai trên Cổng. Vui lòng xem câu trả lời tại:',
        '{{link}}',
        '',
        '{{note}}',
        'Tra cứu tình trạng câu hỏi bằng mã theo dõi {{code}} và địa chỉ e-mail này: {{statusLink}}',
      ),
      bodyEn: lines('Your question {{code}} has already been answered: the published answer is at the link above.', 'Track it with the code and this address: {{statusLink}}'),
    },
    sample: { code: 'HD-2026-7K3F9Q', title: 'Thủ tục cấp giấy chứng nhận quyền sử dụng đất', link: 'https://quangtri.gov.vn/hoi-dap/thu-tuc-cap-giay-chung-nhan-ab12cd34', note: '', statusLink: 'https://quangtri.gov.vn/hoi-dap/tra-cuu' },
  },
  'staff-question-assigned': {
    name: 'staff-question-assigned',
    description: { vi: 'Báo cán bộ trả lời: câu hỏi được chuyển đến đơn vị', en: 'To the answerers: a question forwarded to the unit' },
    keys: ['code', 'title', 'unit', 'dueOn', 'link'],
    defaults: {
      subject: 'Câu hỏi {{code}} được chuyển đến {{unit}} / A question for your unit',
      bodyVi: lines('Câu hỏi "{{title}}" (mã {{code}}) vừa được chuyển đến {{unit}} để trả lời.', 'Hạn trả lời: {{dueOn}}.', 'Xem câu hỏi: {{link}}'),
      bodyEn: lines('Question {{code}} was forwarded to {{unit}} to be answered. Open it at the link above.'),
    },
    sample: { code: 'HD-2026-7K3F9Q', title: 'Thủ tục cấp giấy chứng nhận quyền sử dụng đất', unit: 'Sở Xây dựng', dueOn: '22/06/2027', link: 'https://quangtri.gov.vn/admin/qa/cau-hoi-duoc-chuyen' },
  },
  'staff-approval-asked': {
    name: 'staff-approval-asked',
    description: { vi: 'Báo lãnh đạo: dự thảo trả lời chờ ký duyệt', en: 'To the leaders: a draft answer awaits approval' },
    keys: ['code', 'title', 'unit', 'link'],
    defaults: {
      subject: 'Dự thảo trả lời câu hỏi {{code}} chờ ký duyệt / An answer awaits your approval',
      bodyVi: lines('Dự thảo trả lời câu hỏi "{{title}}" (mã {{code}}) của {{unit}} đã được trình ký duyệt.', 'Xem và ký duyệt: {{link}}'),
      bodyEn: lines('A draft answer to question {{code}} was submitted for approval. Open it at the link above.'),
    },
    sample: { code: 'HD-2026-7K3F9Q', title: 'Thủ tục cấp giấy chứng nhận quyền sử dụng đất', unit: 'Sở Xây dựng', link: 'https://quangtri.gov.vn/admin/qa/cau-hoi-duoc-chuyen' },
  },
  'staff-mentioned': {
    name: 'staff-mentioned',
    description: { vi: 'Báo cán bộ được nhắc đến trong ghi chú nội bộ', en: 'To staff mentioned in an internal note' },
    keys: ['code', 'title', 'author', 'link'],
    defaults: {
      // The note itself stays in the system: internal notes are never put in e-mails.
      subject: '{{author}} nhắc đến bạn trong câu hỏi {{code}} / You were mentioned',
      bodyVi: lines('{{author}} nhắc đến bạn trong một ghi chú nội bộ về câu hỏi "{{title}}" (mã {{code}}).', 'Xem ghi chú: {{link}}'),
      bodyEn: lines('{{author}} mentioned you in an internal note on question {{code}}. Read it at the link above.'),
    },
    sample: { code: 'HD-2026-7K3F9Q', title: 'Thủ tục cấp giấy chứng nhận quyền sử dụng đất', author: 'Nguyễn Văn Nam', link: 'https://quangtri.gov.vn/admin/qa/cau-hoi-duoc-chuyen' },
  },
  // ─── Feedback on regulations and ideas (src/feedback): to the sender who gave an e-mail ───
  'feedback-tracking': {
    name: 'feedback-tracking',
    description: { vi: 'Thư báo mã theo dõi phản ánh, kiến nghị hoặc góp ý, hiến kế đã tiếp nhận', en: 'Tracking code of received feedback or an idea' },
    keys: ['code', 'title', 'kind', 'kindEn', 'unit', 'receivedOn', 'statusLink'],
    defaults: {
      subject: 'Mã theo dõi {{code}} / Tracking code {{code}}',
      bodyVi: lines(
        '{{unit}} đã tiếp nhận {{kind}} của bạn ngày {{receivedOn}}:',
        '"{{title}}"',
        '',
        'Mã theo dõi: {{code}}',
        'Tra cứu kết quả xử lý bằng mã theo dõi và địa chỉ e-mail này:',
        '{{statusLink}}',
      ),
      bodyEn: lines('{{unit}} received your {{kindEn}} on {{receivedOn}}. Tracking code: {{code}}.', 'Check its status with this code and this e-mail address: {{statusLink}}'),
    },
    sample: { code: 'PA-2027-7K3F9Q', title: 'Thủ tục cấp phép xây dựng yêu cầu quá nhiều bản sao', kind: 'phản ánh, kiến nghị về quy định hành chính', kindEn: 'feedback on a regulation', unit: 'Sở Tư pháp', receivedOn: '03/02/2027', statusLink: 'https://quangtri.gov.vn/phan-anh-kien-nghi/tra-cuu' },
  },
  'feedback-result': {
    name: 'feedback-result',
    description: { vi: 'Thư báo kết quả xử lý phản ánh, kiến nghị hoặc góp ý, hiến kế', en: 'The outcome of feedback or an idea' },
    keys: ['code', 'title', 'unit', 'outcome', 'outcomeEn', 'statusLink'],
    defaults: {
      subject: 'Kết quả xử lý {{code}} / Outcome of {{code}}',
      bodyVi: lines('{{unit}} thông báo kết quả xử lý nội dung bạn gửi (mã {{code}}):', '"{{title}}"', '', '{{outcome}}', '', 'Tra cứu bằng mã theo dõi và địa chỉ e-mail này:', '{{statusLink}}'),
      bodyEn: lines('{{unit}} has concluded what you sent ({{code}}): {{outcomeEn}}', 'Check it with the code and this address: {{statusLink}}'),
    },
    sample: {
      code: 'PA-2027-7K3F9Q',
      title: 'Thủ tục cấp phép xây dựng yêu cầu quá nhiều bản sao',
      unit: 'Sở Tư pháp',
      outcome: 'Kết quả xử lý đã được công khai: UBND tỉnh đã sửa đổi Điều 5 Quyết định 41/2019/QĐ-UBND.\nXem tại: https://quangtri.gov.vn/phan-anh-kien-nghi/ket-qua#giam-ban-sao',
      outcomeEn: 'the result is published (link above).',
      statusLink: 'https://quangtri.gov.vn/phan-anh-kien-nghi/tra-cuu',
    },
  },
};

export function isMailTemplateName(name: string): name is MailTemplateName {
  return (MAIL_TEMPLATE_NAMES as readonly string[]).includes(name);
}
