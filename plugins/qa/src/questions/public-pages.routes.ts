import { antiAbuseProblem } from '../public-forms/anti-abuse-problem.js';
import { CongError, respond, type PluginContext, type RouteBuilder, type RouteRequest, type RouteResponse } from '@cong/sdk';
import type { QuestionLimits } from './question-config.js';
import { attachmentsPage, confirmPage, formPage, invalidLinkPage, lookupPage, statusPage, submittedPage, verifiedPage, type AttachModel, type FormProblem } from './question-pages.js';
import { attachBody, questionFormBody, statusBody, tokenParams, type QuestionFormBody } from './question.schema.js';
import { QuestionAttachmentService, type AttachedFiles } from './question-attachment.service.js';
import { QuestionSuggestionService } from './question-suggestion.service.js';
import { SUGGESTION_SCRIPT } from './suggestion-script.js';
import { PROOF_OF_WORK_SCRIPT } from '../public-forms/proof-of-work-script.js';
import { VERIFICATION_TOKEN } from './question-tokens.js';
import { QuestionService } from './question.service.js';
import { siteOfRequest, type RequestSite } from './site-of-request.js';

/** What each refusal tells the citizen, by error code or field. */
const FIELD_LABELS: Readonly<Record<string, { vi: string; en: string }>> = {
  name: { vi: 'Họ và tên', en: 'Full name' },
  email: { vi: 'E-mail', en: 'E-mail' },
  phone: { vi: 'Số điện thoại', en: 'Phone' },
  address: { vi: 'Địa chỉ', en: 'Address' },
  field: { vi: 'Lĩnh vực', en: 'Field' },
  commune: { vi: 'Xã, phường', en: 'Commune' },
  title: { vi: 'Tiêu đề', en: 'Title' },
  content: { vi: 'Nội dung', en: 'Question' },
};

function problemsOf(error: CongError, limits: QuestionLimits): FormProblem[] {
  const shared = antiAbuseProblem(error, limits.minFillSeconds, { vi: 'câu hỏi', en: 'question', enPlural: 'questions' });
  if (shared) return [{ field: null, ...shared }];
  switch (error.code) {
    default:
      if (error.errors.length === 0) return [{ field: null, vi: 'Không thể tiếp nhận câu hỏi. Vui lòng kiểm tra lại.', en: 'The question could not be received. Please check it.' }];
      return error.errors.map((issue) => {
        const name = issue.pointer.replace(/^\//, '');
        const label = FIELD_LABELS[name];
        return label
          ? { field: name, vi: `${label.vi}: chưa hợp lệ (${issue.message}).`, en: `${label.en}: ${issue.message}.` }
          : { field: null, vi: `Thông tin chưa hợp lệ (${issue.message}).`, en: `Invalid input (${issue.message}).` };
      });
  }
}

/** The form's own checks, so a browser without JavaScript gets the form back with the problems named. */
function checkForm(body: QuestionFormBody, limits: QuestionLimits): FormProblem[] {
  const problems: FormProblem[] = [];
  const need = (name: keyof typeof FIELD_LABELS, ok: boolean, vi: string, en: string) => {
    if (!ok) problems.push({ field: name, vi: `${FIELD_LABELS[name]!.vi}: ${vi}`, en: `${FIELD_LABELS[name]!.en}: ${en}` });
  };
  const length = (value: string | undefined) => [...(value ?? '').trim()].length;
  need('name', length(body.name) > 0 && length(body.name) <= limits.nameMaxLength, 'bắt buộc, tối đa ' + limits.nameMaxLength + ' ký tự.', 'required, at most ' + limits.nameMaxLength + ' characters.');
  need('email', /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/.test((body.email ?? '').trim()) && length(body.email) <= 254, 'địa chỉ không hợp lệ.', 'not a valid address.');
  need('phone', !body.phone || /^\+?[0-9][0-9 .()-]{6,18}[0-9]$/.test(body.phone.trim()), 'không hợp lệ.', 'not a valid number.');
  need('address', length(body.address) <= limits.addressMaxLength, `tối đa ${limits.addressMaxLength} ký tự.`, `at most ${limits.addressMaxLength} characters.`);
  need('title', length(body.title) >= limits.titleMinLength && length(body.title) <= limits.titleMaxLength, `từ ${limits.titleMinLength} đến ${limits.titleMaxLength} ký tự.`, `${limits.titleMinLength} to ${limits.titleMaxLength} characters.`);
  need('content', length(body.content) >= limits.contentMinLength && length(body.content) <= limits.contentMaxLength, `từ ${limits.contentMinLength} đến ${limits.contentMaxLength} ký tự.`, `${limits.contentMinLength} to ${limits.contentMaxLength} characters.`);
  if (body.consentProcessing === undefined || body.consentProcessing === '') {
    problems.push({ field: null, vi: 'Bạn cần đồng ý để cơ quan nhà nước xử lý thông tin cá nhân cho mục đích trả lời câu hỏi.', en: 'You need to agree to the processing of your personal data to have the question answered.' });
  }
  return problems;
}

/** What an upload page shows of the question's files. */
const attachModel = (limits: QuestionLimits, token: string, files: AttachedFiles): AttachModel => ({ token, attachments: files.attachments, remaining: files.remaining, maxBytes: limits.attachmentMaxBytes });

/** A refused upload, told on the page: the type, the count; anything else is the core's. */
function attachProblem(error: CongError, limits: QuestionLimits): FormProblem {
  if (error.code === 'CONG_ERR_FILE_TYPE') return { field: 'file', vi: 'Loại tệp này không được nhận: chỉ nhận PDF, JPEG, PNG, DOCX (xác định theo nội dung tệp).', en: 'This type of file is not accepted: PDF, JPEG, PNG and DOCX only (judged by the content).' };
  if (error.code === 'QA_ERR_ATTACHMENT_LIMIT') return { field: 'file', vi: `Câu hỏi chỉ nhận tối đa ${limits.attachmentsMaxCount} tệp.`, en: `A question takes at most ${limits.attachmentsMaxCount} files.` };
  return { field: 'file', vi: 'Không thể đính kèm tệp này.', en: 'The file could not be attached.' };
}

async function formAgain(ctx: PluginContext, limits: QuestionLimits, req: RouteRequest, site: RequestSite, values: Record<string, string>, problems: FormProblem[], status: number): Promise<RouteResponse> {
  const model = await new QuestionService(ctx, limits).form(req.tenantId);
  return formPage(site, model, values, problems, status);
}

/**
 * The server-rendered pages on every unit's site (`/hoi-dap/…`), usable without JavaScript: the
 * form, the confirm page of the e-mailed link, and the status look-up. Forms post back to the page
 * that answers with a page.
 */
export function publicPageRoutes(route: RouteBuilder, limits: QuestionLimits): void {
  route.get('/hoi-dap/gui-cau-hoi', {
    summary: { vi: 'Trang gửi câu hỏi', en: 'The question form page' },
    schema: {},
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      return formPage(site, await new QuestionService(ctx, limits).form(req.tenantId));
    },
  });

  route.post('/hoi-dap/gui-cau-hoi', {
    summary: { vi: 'Gửi câu hỏi từ trang (không cần JavaScript)', en: 'Send the question form (no JavaScript needed)' },
    rateLimit: limits.submitPerAddress,
    // A browser without JavaScript posts the form as application/x-www-form-urlencoded.
    form: true,
    schema: { body: questionFormBody(limits.contentMaxLength * 2) },
    bodyLimit: 256 * 1024,
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      const body = req.body;
      const values: Record<string, string> = { ...body } as unknown as Record<string, string>;
      delete values.formToken;
      delete values.website;
      delete values.proof;
      const problems = checkForm(body, limits);
      if (problems.length > 0) return formAgain(ctx, limits, req, site, values, problems, 400);
      try {
        const input = {
          name: body.name!,
          email: body.email!,
          field: body.field ?? '',
          title: body.title!,
          content: body.content!,
          formToken: body.formToken ?? '',
          consentPublish: body.consentPublish !== undefined && body.consentPublish !== '',
          ...(body.phone ? { phone: body.phone } : {}),
          ...(body.address ? { address: body.address } : {}),
          ...(body.commune ? { commune: body.commune } : {}),
          ...(body.website !== undefined ? { website: body.website } : {}),
          ...(body.proof ? { proof: body.proof } : {}),
        };
        const done = await new QuestionService(ctx, limits).submit(req, input, 'form', site.linkBase);
        const attach = limits.attachmentsMaxCount > 0 ? attachModel(limits, done.attachToken, { attachments: [], remaining: limits.attachmentsMaxCount }) : null;
        return submittedPage(site, done.verificationHours, attach);
      } catch (error) {
        if (!CongError.is(error) || error.status >= 500) throw error;
        return formAgain(ctx, limits, req, site, values, problemsOf(error, limits), error.status);
      }
    },
  });

  route.post('/hoi-dap/gui-cau-hoi/tep', {
    summary: { vi: 'Đính kèm một tệp vào câu hỏi (không cần JavaScript)', en: 'Attach one file to a question (no JavaScript needed)' },
    description: 'multipart/form-data with `attachToken` and `file`, as `POST /api/qa/public/questions/attachments`; answers a page.',
    rateLimit: limits.attachPerAddress,
    schema: { upload: { field: 'file', maxBytes: limits.attachmentMaxBytes }, body: attachBody },
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      const files = new QuestionAttachmentService(ctx, limits);
      const token = req.body.attachToken;
      try {
        return attachmentsPage(site, attachModel(limits, token, await files.attach(token, req.file)));
      } catch (error) {
        if (!CongError.is(error) || error.status >= 500) throw error;
        if (error.code === 'QA_ERR_ATTACHMENT_TOKEN_INVALID') return invalidLinkPage(site);
        const current = await files.pending(token).catch(() => undefined);
        if (!current) return invalidLinkPage(site);
        return attachmentsPage(site, attachModel(limits, token, current), attachProblem(error, limits), error.status);
      }
    },
  });

  route.post('/hoi-dap/gui-cau-hoi/tuong-tu', {
    summary: { vi: 'Tìm câu hỏi tương tự đã được trả lời (không cần JavaScript)', en: 'Find similar answered questions (no JavaScript needed)' },
    description: 'The question form posted with its "Tìm câu hỏi tương tự" button: nothing is sent; the form comes back with the values kept and the similar published questions under the title.',
    rateLimit: limits.suggestPerAddress,
    form: true,
    schema: { body: questionFormBody(limits.contentMaxLength * 2) },
    bodyLimit: 256 * 1024,
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      const values: Record<string, string> = { ...req.body } as unknown as Record<string, string>;
      delete values.formToken;
      delete values.website;
      delete values.proof;
      const service = new QuestionService(ctx, limits);
      const model = await service.form(req.tenantId);
      const province = await service.provinceOf(service.units(), req.tenantId);
      // The title says what the question is about; without one, the start of the text.
      const typed = req.body.title?.trim() ? req.body.title : (req.body.content ?? '').slice(0, 300);
      const suggestions = await new QuestionSuggestionService(ctx).similar(province.id, typed);
      return formPage(site, model, values, [], 200, suggestions);
    },
  });

  route.get('/hoi-dap/goi-y.js', {
    summary: { vi: 'Tập lệnh gợi ý câu hỏi tương tự của trang gửi câu hỏi', en: 'The question form’s similar-question script' },
    produces: 'text/javascript',
    schema: {},
    handler: () =>
      respond(200, SUGGESTION_SCRIPT, {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'public, max-age=3600',
        'x-content-type-options': 'nosniff',
      }),
  });

  route.get('/hoi-dap/kiem-tra.js', {
    summary: { vi: 'Tập lệnh chống gửi tự động (proof-of-work) của trang gửi câu hỏi', en: 'The question form’s proof-of-work script' },
    description: 'Loaded by the form page while `questions.proofOfWork` is on: solves the form\'s challenge with Web Crypto before sending.',
    produces: 'text/javascript',
    schema: {},
    handler: () =>
      respond(200, PROOF_OF_WORK_SCRIPT, {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'public, max-age=3600',
        'x-content-type-options': 'nosniff',
      }),
  });

  route.get('/hoi-dap/xac-nhan/:token', {
    summary: { vi: 'Trang xác nhận câu hỏi (liên kết trong e-mail)', en: 'The confirm page of the e-mailed link' },
    schema: { params: tokenParams },
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      const token = req.params.token;
      const pending = VERIFICATION_TOKEN.test(token) ? await new QuestionService(ctx, limits).verificationPending(token) : undefined;
      if (!pending) return invalidLinkPage(site);
      // Files can still be attached until this page's button is pressed.
      const files = new QuestionAttachmentService(ctx, limits);
      const attachToken = await files.tokenFor(pending.id);
      const attach = limits.attachmentsMaxCount > 0 ? attachModel(limits, attachToken, await files.pending(attachToken)) : null;
      return confirmPage(site, token, pending.title, attach);
    },
  });

  route.post('/hoi-dap/xac-nhan/:token', {
    summary: { vi: 'Xác nhận câu hỏi', en: 'Confirm a question' },
    rateLimit: limits.verifyPerAddress,
    schema: { params: tokenParams },
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      if (!VERIFICATION_TOKEN.test(req.params.token)) return invalidLinkPage(site);
      try {
        const done = await new QuestionService(ctx, limits).verify(req.params.token);
        return verifiedPage(site, done.trackingCode);
      } catch (error) {
        if (CongError.is(error) && error.code === 'QA_ERR_VERIFICATION_INVALID') return invalidLinkPage(site);
        throw error;
      }
    },
  });

  route.get('/hoi-dap/tra-cuu', {
    summary: { vi: 'Trang tra cứu câu hỏi', en: 'The question tracking page' },
    schema: {},
    handler: async (req, ctx) => lookupPage(await siteOfRequest(req, ctx)),
  });

  route.post('/hoi-dap/tra-cuu', {
    summary: { vi: 'Tình trạng câu hỏi', en: 'A question’s status' },
    rateLimit: limits.statusPerAddress,
    form: true,
    schema: { body: statusBody },
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      try {
        return statusPage(site, await new QuestionService(ctx, limits).publicStatus(req.body.trackingCode, req.body.email), req.body.email);
      } catch (error) {
        if (!CongError.is(error) || error.status !== 404) throw error;
        return lookupPage(site, { field: null, vi: 'Không tìm thấy câu hỏi có mã theo dõi và địa chỉ e-mail này.', en: 'No question has this tracking code and e-mail address.' }, 404);
      }
    },
  });
}
