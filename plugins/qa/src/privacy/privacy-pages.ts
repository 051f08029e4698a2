import { escapeHtml, type RouteResponse } from '@cong/sdk';
import { page, type PageSite } from '../questions/question-pages.js';

// Nothing a citizen typed is shown back except escaped; the pages say what deletion keeps and removes.
const e = escapeHtml;
const bi = (vi: string, en: string) => `${e(vi)} <span class="en" lang="en">(${e(en)})</span>`;

const WHAT = bi(
  'Họ tên, e-mail, số điện thoại, địa chỉ và nội dung bạn gửi bổ sung được xoá; nội dung hỏi đáp đã công khai (không có thông tin cá nhân) được giữ lại. Sau khi xoá, bạn không tra cứu được câu hỏi này nữa.',
  'Your name, e-mail, phone, address and the replies you sent are erased; the published question and answer (no personal data) stay. Afterwards the question can no longer be tracked.',
);

export function deletionFormPage(site: PageSite, values: { trackingCode?: string; email?: string } = {}, problem?: { readonly status: number; readonly html: string }): RouteResponse {
  return page(
    problem?.status ?? 200,
    site,
    { vi: 'Yêu cầu xoá dữ liệu cá nhân', en: 'Ask to delete your personal data' },
    (problem ? `<p class="error" role="alert">${problem.html}</p>` : '') +
      `<p>${WHAT}</p><form method="post" action="${e(site.prefix)}/hoi-dap/xoa-du-lieu">` +
      `<label for="trackingCode">Mã theo dõi <span class="en">(Tracking code)</span></label><input id="trackingCode" name="trackingCode" required maxlength="30" value="${e(values.trackingCode ?? '')}">` +
      `<label for="email">E-mail</label><input id="email" name="email" type="email" required maxlength="254" autocomplete="email" value="${e(values.email ?? '')}">` +
      `<button type="submit">Gửi yêu cầu / Send the request</button></form>`,
  );
}

export const NOT_FOUND_PROBLEM = { status: 404, html: bi('Không tìm thấy câu hỏi có mã theo dõi và địa chỉ e-mail này.', 'No question has this tracking code and e-mail address.') };
export const OPEN_QUESTION_PROBLEM = {
  status: 409,
  html: bi('Câu hỏi đang được xử lý: cơ quan cần địa chỉ e-mail để gửi câu trả lời. Vui lòng gửi yêu cầu sau khi câu hỏi được trả lời hoặc đóng.', 'The question is still being handled and its answer goes to this address: ask again once it is answered or closed.'),
};

export function deletionRequestedPage(site: PageSite, hours: number): RouteResponse {
  return page(200, site, { vi: 'Đã gửi thư xác nhận', en: 'Confirmation sent' }, `<p>${bi(`Vui lòng mở liên kết trong thư gửi đến địa chỉ e-mail của câu hỏi để xác nhận việc xoá. Liên kết hết hạn sau ${hours} giờ.`, `Open the link in the message sent to the question's address to confirm. It expires after ${hours} hours.`)}</p>`);
}

export function deletionConfirmPage(site: PageSite, token: string, code: string | null): RouteResponse {
  return page(
    200,
    site,
    { vi: 'Xác nhận xoá dữ liệu cá nhân', en: 'Confirm the deletion of your personal data' },
    `<p>${bi('Câu hỏi:', 'Question:')} <strong>${e(code ?? '')}</strong></p><p>${WHAT}</p>` +
      `<form method="post" action="${e(site.prefix)}/hoi-dap/xoa-du-lieu/${e(token)}"><button type="submit">Xoá dữ liệu / Delete</button></form>`,
  );
}

export function deletionDonePage(site: PageSite): RouteResponse {
  return page(200, site, { vi: 'Đã xoá dữ liệu cá nhân', en: 'Your personal data was deleted' }, `<p>${WHAT}</p>`);
}

export function deletionInvalidLinkPage(site: PageSite): RouteResponse {
  return page(404, site, { vi: 'Liên kết không còn hiệu lực', en: 'This link is no longer valid' }, `<p>${bi('Liên kết xoá dữ liệu không đúng, đã được dùng hoặc đã hết hạn. Bạn có thể gửi lại yêu cầu.', 'The deletion link is wrong, already used or expired. You may ask again.')}</p>`);
}
