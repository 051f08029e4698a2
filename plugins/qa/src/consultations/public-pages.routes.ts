import { EMAIL_ADDRESS } from '../public-forms/email-address.js';
import { antiAbuseProblem } from '../public-forms/anti-abuse-problem.js';
import { CongError, type PluginContext, type RouteBuilder } from '@cong/sdk';
import { VERIFICATION_TOKEN } from '../questions/question-tokens.js';
import { siteOfRequest } from '../questions/site-of-request.js';
import { buildAcceptanceReport } from './acceptance-report.js';
import { CommentService } from './comment.service.js';
import type { ConsultationSettings } from './consultation-config.js';
import { commentFormBody, reportFileParams, slugCommentParams, slugFileParams, slugParams, tokenParams } from './consultation.schema.js';
import { commentRefusedPage, confirmPage, consultationPage, listPage, messagePage } from './consultation-pages.js';
import { calendarResponse, renderCalendar } from '../calendar/icalendar.js';
import { consultationEvent } from './consultation-calendar.js';
import { fileDownload } from './file-download.js';
import { pageCount, PUBLIC_PAGE_SIZE, publicPageQuery } from './public-pager.js';
import { reportDownload } from './render-report.js';


/** What a refusal tells the person, by error code or field. */
function problemsOf(error: CongError, settings: ConsultationSettings): { vi: string; en: string }[] {
  const shared = antiAbuseProblem(error, settings.minFillSeconds, { vi: 'ý kiến', en: 'comment', enPlural: 'comments' });
  if (shared) return [shared];
  switch (error.code) {
    case 'QA_ERR_CONSULTATION_PHASE':
      return [{ vi: 'Dự thảo không trong thời gian lấy ý kiến.', en: 'The draft is not open for comments.' }];
    default:
      return [{ vi: `Thông tin chưa hợp lệ (${error.errors[0]?.pointer ?? ''} ${error.errors[0]?.message ?? error.message}).`, en: error.message }];
  }
}

/**
 * The public consultation pages on every unit's site (`/gop-y-du-thao…`), server-rendered and usable
 * without JavaScript: the list by phase, a consultation's page, the comment form, the e-mailed
 * confirmation link, "report abuse", dossier files and, once published, the report. The province's site
 * shows every consultation of the province; a unit's site shows its own.
 */
export function consultationPublicRoutes(route: RouteBuilder, settings: ConsultationSettings): void {
  const service = (ctx: PluginContext) => new CommentService(ctx, settings);

  route.get('/gop-y-du-thao', {
    summary: { vi: 'Danh sách dự thảo lấy ý kiến', en: 'Consultations on draft documents' },
    schema: { query: publicPageQuery },
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      const s = service(ctx);
      const pageNumber = req.query.trang ?? 1;
      const found = await s.list(await s.siteOf(req.tenantId), pageNumber, PUBLIC_PAGE_SIZE);
      const pages = pageCount(found.total);
      if (pageNumber > pages) return messagePage(site, 404, 'Không có trang này', 'No such page', `Danh sách chỉ có ${pages} trang.`, `The list has ${pages} page(s).`, `${site.prefix}/gop-y-du-thao`);
      return listPage(site, found.items, pageNumber, pages);
    },
  });

  route.get('/gop-y-du-thao/:slug/lich.ics', {
    summary: { vi: 'Thời gian lấy ý kiến dự thảo (iCalendar)', en: 'A consultation’s comment period (iCalendar)' },
    description: 'One VEVENT from 00:00 of the opening day to the end of the closing day, Vietnam time, in UTC. Only announced consultations shown on this site.',
    produces: 'text/calendar',
    schema: { params: slugParams },
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      const s = service(ctx);
      try {
        const row = await s.find(await s.siteOf(req.tenantId), req.params.slug);
        const event = consultationEvent(row, await s.unitName(row), `${site.linkBase}/gop-y-du-thao/${row.slug}`);
        return calendarResponse(renderCalendar([event]), `${row.slug}.ics`);
      } catch (error) {
        if (!CongError.is(error) || error.status !== 404) throw error;
        return messagePage(site, 404, 'Không tìm thấy dự thảo', 'No such consultation', 'Dự thảo không có trên trang này hoặc chưa được công bố.', 'The draft is not on this site or has not been announced.', `${site.prefix}/gop-y-du-thao`);
      }
    },
  });

  route.get('/gop-y-du-thao/:slug', {
    summary: { vi: 'Trang lấy ý kiến dự thảo', en: 'A consultation’s page' },
    schema: { params: slugParams },
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      const s = service(ctx);
      try {
        const model = await s.page(await s.siteOf(req.tenantId), req.params.slug);
        return consultationPage(site, model, await s.formToken(req.tenantId!), settings.commentMaxLength);
      } catch (error) {
        if (!CongError.is(error) || error.status !== 404) throw error;
        return messagePage(site, 404, 'Không tìm thấy dự thảo', 'No such consultation', 'Dự thảo không có trên trang này hoặc chưa được công bố.', 'The draft is not on this site or has not been announced.', `${site.prefix}/gop-y-du-thao`);
      }
    },
  });

  route.post('/gop-y-du-thao/:slug/gop-y', {
    summary: { vi: 'Gửi ý kiến góp ý (chờ xác nhận e-mail)', en: 'Send a comment (pending e-mail verification)' },
    rateLimit: settings.commentPerAddress,
    form: true,
    schema: { params: slugParams, body: commentFormBody(settings) },
    bodyLimit: 128 * 1024,
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      const s = service(ctx);
      const publicSite = await s.siteOf(req.tenantId);
      const row = await s.find(publicSite, req.params.slug);
      const body = req.body;
      const article = body.article ? ((await s.repo.articles(row.id)).find((a) => a.id === body.article) ?? null) : null;
      const values = { name: body.name ?? '', organisation: body.organisation ?? '', email: body.email ?? '', body: body.body ?? '' };
      const again = async (problems: { vi: string; en: string }[], status: number) => commentRefusedPage(site, row, article, await s.formToken(req.tenantId!), values, problems, status, settings.commentMaxLength);
      const problems: { vi: string; en: string }[] = [];
      const length = (v: string) => [...v.trim()].length;
      if (length(values.name) === 0 || length(values.name) > 200) problems.push({ vi: 'Họ và tên: bắt buộc, tối đa 200 ký tự.', en: 'Full name: required, at most 200 characters.' });
      if (length(values.organisation) > 300) problems.push({ vi: 'Cơ quan, tổ chức: tối đa 300 ký tự.', en: 'Organisation: at most 300 characters.' });
      if (!EMAIL_ADDRESS.test(values.email.trim()) || length(values.email) > 254) problems.push({ vi: 'E-mail: địa chỉ không hợp lệ.', en: 'E-mail: not a valid address.' });
      if (length(values.body) === 0 || length(values.body) > settings.commentMaxLength) problems.push({ vi: `Nội dung góp ý: bắt buộc, tối đa ${settings.commentMaxLength} ký tự.`, en: `Comment: required, at most ${settings.commentMaxLength} characters.` });
      if (body.article && !article) problems.push({ vi: 'Điều được góp ý không thuộc dự thảo này.', en: 'The article is not part of this draft.' });
      if (problems.length > 0) return again(problems, 400);
      try {
        const done = await s.submit(
          req,
          publicSite,
          req.params.slug,
          { name: values.name, email: values.email, body: values.body, formToken: body.formToken ?? '', ...(values.organisation ? { organisation: values.organisation } : {}), ...(article ? { article: article.id } : {}), ...(body.website !== undefined ? { website: body.website } : {}) },
          site.linkBase,
        );
        return messagePage(
          site,
          200,
          'Vui lòng kiểm tra e-mail',
          'Please check your e-mail',
          `Chúng tôi đã gửi liên kết xác nhận đến địa chỉ e-mail của bạn. Ý kiến được tiếp nhận sau khi bạn mở liên kết và bấm "Xác nhận" (trong ${done.verificationHours} giờ), rồi được kiểm duyệt trước khi hiển thị.`,
          `We sent a confirmation link to your e-mail address. Your comment is received once you open it and press "Confirm" (within ${done.verificationHours} hours), and is moderated before it is shown.`,
          `${site.prefix}/gop-y-du-thao/${row.slug}`,
        );
      } catch (error) {
        if (!CongError.is(error) || error.status >= 500 || error.status === 404) throw error;
        return again(problemsOf(error, settings), error.status);
      }
    },
  });

  route.get('/gop-y-du-thao/xac-nhan/:token', {
    summary: { vi: 'Trang xác nhận ý kiến (liên kết trong e-mail)', en: 'The confirm page of the e-mailed link' },
    schema: { params: tokenParams },
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      const pending = VERIFICATION_TOKEN.test(req.params.token) ? await service(ctx).verificationPending(req.params.token) : undefined;
      return pending
        ? confirmPage(site, req.params.token, pending.consultation.title)
        : messagePage(site, 404, 'Liên kết không còn hiệu lực', 'This link is no longer valid', 'Liên kết xác nhận không đúng, đã được dùng hoặc đã hết hạn.', 'The confirmation link is wrong, already used or expired.');
    },
  });

  route.post('/gop-y-du-thao/xac-nhan/:token', {
    summary: { vi: 'Xác nhận ý kiến góp ý', en: 'Confirm a comment' },
    rateLimit: settings.verifyPerAddress,
    schema: { params: tokenParams },
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      const invalid = () => messagePage(site, 404, 'Liên kết không còn hiệu lực', 'This link is no longer valid', 'Liên kết xác nhận không đúng, đã được dùng hoặc đã hết hạn.', 'The confirmation link is wrong, already used or expired.');
      if (!VERIFICATION_TOKEN.test(req.params.token)) return invalid();
      try {
        await service(ctx).verify(req.params.token);
        return messagePage(site, 200, 'Ý kiến đã được tiếp nhận', 'Your comment has been received', 'Cảm ơn bạn. Ý kiến sẽ được hiển thị sau khi được kiểm duyệt.', 'Thank you. Your comment will be shown once it has been moderated.');
      } catch (error) {
        if (CongError.is(error) && error.code === 'QA_ERR_VERIFICATION_INVALID') return invalid();
        throw error;
      }
    },
  });

  route.post('/gop-y-du-thao/:slug/bao-cao-vi-pham/:commentId', {
    summary: { vi: 'Báo cáo ý kiến vi phạm', en: 'Report a comment as abusive' },
    rateLimit: settings.reportPerAddress,
    schema: { params: slugCommentParams },
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      const s = service(ctx);
      await s.report(req, await s.siteOf(req.tenantId), req.params.slug, req.params.commentId);
      return messagePage(site, 200, 'Đã nhận báo cáo', 'Report received', 'Cảm ơn bạn. Ý kiến bị nhiều người báo cáo sẽ được ẩn để cán bộ xem xét lại.', 'Thank you. A comment reported by several people is hidden until staff review it.', `${site.prefix}/gop-y-du-thao/${req.params.slug}`);
    },
  });

  route.get('/gop-y-du-thao/:slug/ho-so/:fileId', {
    summary: { vi: 'Tải tệp trong hồ sơ dự thảo', en: 'Download a dossier file' },
    produces: 'application/octet-stream',
    schema: { params: slugFileParams },
    handler: async (req, ctx) => {
      const s = service(ctx);
      const file = await s.dossierFile(await s.siteOf(req.tenantId), req.params.slug, req.params.fileId);
      return fileDownload(file.content, file.row.name, file.row.content_type, 'public, max-age=300');
    },
  });

  route.get('/gop-y-du-thao/:slug/bao-cao-tiep-thu/:format', {
    summary: { vi: 'Báo cáo tiếp thu, giải trình (đã công bố)', en: 'The published report on acceptance and explanation' },
    produces: 'application/pdf',
    schema: { params: reportFileParams },
    handler: async (req, ctx) => {
      const s = service(ctx);
      const row = await s.find(await s.siteOf(req.tenantId), req.params.slug);
      if (row.outcome_published_at === null) {
        const site = await siteOfRequest(req, ctx);
        return messagePage(site, 404, 'Chưa có báo cáo', 'No report yet', 'Báo cáo tiếp thu, giải trình được công bố cùng kết quả lấy ý kiến.', 'The report is published with the outcome.');
      }
      return reportDownload(await buildAcceptanceReport(ctx, row), req.params.format, 'public, max-age=300');
    },
  });
}
