import { EMAIL_ADDRESS } from '../public-forms/email-address.js';
import { antiAbuseProblem } from '../public-forms/anti-abuse-problem.js';
import { CongError, type PluginContext, type RouteBuilder } from '@cong/sdk';
import { VERIFICATION_TOKEN } from '../questions/question-tokens.js';
import { siteOfRequest } from '../questions/site-of-request.js';
import type { DialogueSettings } from './dialogue-config.js';
import { askFormBody, slugParams, tokenParams } from './dialogue.schema.js';
import { askRefusedPage, confirmPage, dialoguePage, listPage, messagePage } from './dialogue-pages.js';
import { PublicDialogueService } from './public-dialogue.service.js';
import { calendarResponse, renderCalendar } from '../calendar/icalendar.js';
import { pageCount, PUBLIC_PAGE_SIZE, publicPageQuery } from '../consultations/public-pager.js';
import { dialogueEvent } from './dialogue-calendar.js';


/** What a refusal tells the person, by error code. */
function problemsOf(error: CongError, settings: DialogueSettings): { vi: string; en: string }[] {
  const shared = antiAbuseProblem(error, settings.minFillSeconds, { vi: 'câu hỏi', en: 'question', enPlural: 'questions' });
  if (shared) return [shared];
  switch (error.code) {
    case 'QA_ERR_DIALOGUE_STATUS':
      return [{ vi: 'Buổi đối thoại không còn nhận câu hỏi.', en: 'The dialogue no longer takes questions.' }];
    default:
      return [{ vi: `Thông tin chưa hợp lệ (${error.errors[0]?.pointer ?? ''} ${error.errors[0]?.message ?? error.message}).`, en: error.message }];
  }
}

/**
 * The public dialogue pages on every unit's site (`/doi-thoai…`), server-rendered and usable without
 * JavaScript: the list (live, upcoming, past), an event's page with its questions and answers, the
 * question form, and the e-mailed confirmation link. The province's site shows every event of the
 * province; a unit's site shows its own.
 */
export function dialoguePublicRoutes(route: RouteBuilder, settings: DialogueSettings): void {
  const service = (ctx: PluginContext) => new PublicDialogueService(ctx, settings);
  const invalidLink = (site: Parameters<typeof messagePage>[0]) =>
    messagePage(site, 404, 'Liên kết không còn hiệu lực', 'This link is no longer valid', 'Liên kết xác nhận không đúng, đã được dùng hoặc đã hết hạn.', 'The confirmation link is wrong, already used or expired.');

  route.get('/doi-thoai', {
    summary: { vi: 'Danh sách buổi giao lưu, đối thoại trực tuyến', en: 'Online dialogues' },
    schema: { query: publicPageQuery },
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      const s = service(ctx);
      const pageNumber = req.query.trang ?? 1;
      const found = await s.list(await s.scopeOf(req.tenantId), pageNumber, PUBLIC_PAGE_SIZE);
      const pages = pageCount(found.total);
      if (pageNumber > pages) return messagePage(site, 404, 'Không có trang này', 'No such page', `Danh sách chỉ có ${pages} trang.`, `The list has ${pages} page(s).`);
      return listPage(site, found.items, pageNumber, pages);
    },
  });

  route.get('/doi-thoai/:slug/lich.ics', {
    summary: { vi: 'Lịch buổi đối thoại trực tuyến (iCalendar)', en: 'An online dialogue in iCalendar' },
    description: 'One VEVENT with the announced schedule in UTC and the livestream link; STATUS:CANCELLED once cancelled.',
    produces: 'text/calendar',
    schema: { params: slugParams },
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      const s = service(ctx);
      const model = await s.page(await s.scopeOf(req.tenantId), req.params.slug);
      const event = dialogueEvent(model.row, model.unitName, `${site.linkBase}/doi-thoai/${model.row.slug}`, model.guests);
      return calendarResponse(renderCalendar([event]), `${model.row.slug}.ics`);
    },
  });

  route.get('/doi-thoai/:slug', {
    summary: { vi: 'Trang buổi đối thoại trực tuyến', en: 'An online dialogue’s page' },
    schema: { params: slugParams },
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      const s = service(ctx);
      const model = await s.page(await s.scopeOf(req.tenantId), req.params.slug);
      return dialoguePage(site, model, await s.formToken(req.tenantId!), settings.questionMaxLength);
    },
  });

  route.post('/doi-thoai/:slug/dat-cau-hoi', {
    summary: { vi: 'Gửi câu hỏi đến buổi đối thoại (chờ xác nhận e-mail)', en: 'Ask a question for a dialogue (pending e-mail verification)' },
    rateLimit: settings.askPerAddress,
    form: true,
    schema: { params: slugParams, body: askFormBody(settings.questionMaxLength) },
    bodyLimit: 64 * 1024,
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      const s = service(ctx);
      const scope = await s.scopeOf(req.tenantId);
      const row = await s.find(scope, req.params.slug);
      const body = req.body;
      const values = { name: body.name ?? '', email: body.email ?? '', content: body.content ?? '', consentProcessing: body.consentProcessing ?? '', consentPublish: body.consentPublish ?? '' };
      const again = async (problems: { vi: string; en: string }[], status: number) => askRefusedPage(site, row, await s.formToken(req.tenantId!), settings.questionMaxLength, values, problems, status);
      const problems: { vi: string; en: string }[] = [];
      const length = (v: string) => [...v.trim()].length;
      if (length(values.name) === 0 || length(values.name) > 200) problems.push({ vi: 'Họ và tên: bắt buộc, tối đa 200 ký tự.', en: 'Full name: required, at most 200 characters.' });
      if (!EMAIL_ADDRESS.test(values.email.trim()) || length(values.email) > 254) problems.push({ vi: 'E-mail: địa chỉ không hợp lệ.', en: 'E-mail: not a valid address.' });
      if (length(values.content) < settings.questionMinLength || length(values.content) > settings.questionMaxLength) {
        problems.push({ vi: `Nội dung câu hỏi: từ ${settings.questionMinLength} đến ${settings.questionMaxLength} ký tự.`, en: `Question: ${settings.questionMinLength} to ${settings.questionMaxLength} characters.` });
      }
      if (values.consentProcessing === '') problems.push({ vi: 'Bạn cần đồng ý để cơ quan nhà nước xử lý thông tin cá nhân cho mục đích này.', en: 'You need to agree to the processing of your personal data for this purpose.' });
      if (problems.length > 0) return again(problems, 400);
      try {
        const done = await s.ask(
          req,
          scope,
          req.params.slug,
          { name: values.name, email: values.email, content: values.content, consentPublish: values.consentPublish !== '', formToken: body.formToken ?? '', ...(body.website !== undefined ? { website: body.website } : {}) },
          site.linkBase,
        );
        return messagePage(
          site,
          200,
          'Vui lòng kiểm tra e-mail',
          'Please check your e-mail',
          `Chúng tôi đã gửi liên kết xác nhận đến địa chỉ e-mail của bạn. Câu hỏi được tiếp nhận sau khi bạn mở liên kết và bấm "Xác nhận" (trong ${done.verificationHours} giờ), rồi được kiểm duyệt trước khi hiển thị.`,
          `We sent a confirmation link to your e-mail address. Your question is received once you open it and press "Confirm" (within ${done.verificationHours} hours), and is moderated before it is shown.`,
          `${site.prefix}/doi-thoai/${row.slug}`,
        );
      } catch (error) {
        if (!CongError.is(error) || error.status >= 500 || error.status === 404) throw error;
        return again(problemsOf(error, settings), error.status);
      }
    },
  });

  route.get('/doi-thoai/xac-nhan/:token', {
    summary: { vi: 'Trang xác nhận câu hỏi đối thoại (liên kết trong e-mail)', en: 'The confirm page of the e-mailed link' },
    schema: { params: tokenParams },
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      const pending = VERIFICATION_TOKEN.test(req.params.token) ? await service(ctx).verificationPending(req.params.token) : undefined;
      return pending ? confirmPage(site, req.params.token, pending.dialogue.title) : invalidLink(site);
    },
  });

  route.post('/doi-thoai/xac-nhan/:token', {
    summary: { vi: 'Xác nhận câu hỏi gửi buổi đối thoại', en: 'Confirm a question for a dialogue' },
    rateLimit: settings.verifyPerAddress,
    schema: { params: tokenParams },
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      if (!VERIFICATION_TOKEN.test(req.params.token)) return invalidLink(site);
      try {
        const { dialogue } = await service(ctx).verify(req.params.token);
        return messagePage(site, 200, 'Câu hỏi đã được tiếp nhận', 'Your question has been received', 'Cảm ơn bạn. Câu hỏi sẽ được hiển thị sau khi được kiểm duyệt.', 'Thank you. Your question will be shown once it has been moderated.', `${site.prefix}/doi-thoai/${dialogue.slug}`);
      } catch (error) {
        if (CongError.is(error) && error.code === 'QA_ERR_VERIFICATION_INVALID') return invalidLink(site);
        throw error;
      }
    },
  });
}
