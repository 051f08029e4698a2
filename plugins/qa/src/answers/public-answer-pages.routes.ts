import { CongError, type RouteBuilder } from '@cong/sdk';
import type { QuestionLimits } from '../questions/question-config.js';
import { siteOfRequest } from '../questions/site-of-request.js';
import { provinceOfSite } from '../questions/unit-tree.js';
import type { AnswerSettings } from './answer-config.js';
import { answerPage, listPage, notFoundPage, ratedPage, ratingClosedPage, ratingPage, repliedPage } from './answer-pages.js';
import { askerFileParams, publicPageQuery, ratingFormBody, ratingTokenParams, replyFormBody, slugParams } from './answer.schema.js';
import { AnswerService } from './answer.service.js';
import { downloadResponse } from './download-response.js';
import { PublicationService } from './publication.service.js';
import { publicListCacheOf } from './public-list-cache.js';
import { LINK_TOKEN } from './link-token.js';

/**
 * The server-rendered pages on every unit's site: the province's published questions and answers
 * (`/hoi-dap`, `/hoi-dap/<slug>`), the rating page of the mailed link (`/hoi-dap/danh-gia/<token>`),
 * and the status page's reply form (`/hoi-dap/tra-cuu/bo-sung`). They work without JavaScript.
 * Registered after the questions' pages, whose fixed paths (`/hoi-dap/tra-cuu`…) come first.
 */
export function publicAnswerPageRoutes(route: RouteBuilder, settings: AnswerSettings, limits: QuestionLimits): void {
  route.get('/hoi-dap', {
    summary: { vi: 'Hỏi đáp đã công khai, theo lĩnh vực', en: 'Published questions and answers, by field' },
    schema: { query: publicPageQuery },
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      const provinceId = (await provinceOfSite(ctx, req.tenantId)).id;
      const service = new PublicationService(ctx, settings);
      const pageNumber = req.query.trang ?? 1;
      const field = req.query['linh-vuc'] || undefined;
      const q = req.query.q?.trim() || undefined;
      // The page differs by the unit's site (its name, its links) and the query; the province's publications decide it.
      const key = JSON.stringify([site.tenant.id, site.prefix, site.linkBase, pageNumber, field ?? '', q ?? '']);
      return publicListCacheOf(ctx).page(
        provinceId,
        key,
        () => service.repo.publicationsFingerprint(provinceId),
        async () => {
          const [found, fields] = await Promise.all([
            service.publicPage(provinceId, { limit: settings.publicPageSize, offset: (pageNumber - 1) * settings.publicPageSize, ...(field ? { field } : {}), ...(q ? { q } : {}) }),
            service.publicFields(provinceId),
          ]);
          return listPage(site, { items: found.items, total: found.total, page: pageNumber, pageSize: settings.publicPageSize, field, q, fields });
        },
      );
    },
  });

  route.get('/hoi-dap/:slug', {
    summary: { vi: 'Một hỏi đáp đã công khai', en: 'A published question and answer' },
    schema: { params: slugParams },
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      try {
        const answer = await new PublicationService(ctx, settings).publicOne((await provinceOfSite(ctx, req.tenantId)).id, req.params.slug);
        return answerPage(site, answer, `${site.linkBase}/hoi-dap/${answer.slug}`);
      } catch (error) {
        if (CongError.is(error) && error.status === 404) return notFoundPage(site);
        throw error;
      }
    },
  });

  route.get('/hoi-dap/danh-gia/:token', {
    summary: { vi: 'Trang đánh giá câu trả lời (liên kết trong e-mail)', en: 'The rating page of the mailed link' },
    schema: { params: ratingTokenParams },
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      const target = LINK_TOKEN.test(req.params.token) ? await new AnswerService(ctx, settings).ratingTarget(req.params.token) : undefined;
      if (!target || target.rated) return ratingClosedPage(site, target?.rated === true);
      return ratingPage(site, req.params.token, target.question.title);
    },
  });

  route.post('/hoi-dap/danh-gia/:token', {
    summary: { vi: 'Gửi đánh giá', en: 'Send a rating' },
    rateLimit: limits.statusPerAddress,
    form: true,
    schema: { params: ratingTokenParams, body: ratingFormBody },
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      const service = new AnswerService(ctx, settings);
      const target = LINK_TOKEN.test(req.params.token) ? await service.ratingTarget(req.params.token) : undefined;
      if (!target || target.rated) return ratingClosedPage(site, target?.rated === true);
      const score = Number(req.body.score);
      const comment = (req.body.comment ?? '').trim();
      if (!Number.isInteger(score) || score < 1 || score > 5) return ratingPage(site, req.params.token, target.question.title, 'Vui lòng chọn mức độ hài lòng từ 1 đến 5. (Choose a score from 1 to 5.)', 400);
      if ([...comment].length > 1000) return ratingPage(site, req.params.token, target.question.title, 'Ý kiến tối đa 1000 ký tự. (A comment has at most 1,000 characters.)', 400);
      try {
        await service.rate(req, req.params.token, score, comment === '' ? undefined : comment);
        return ratedPage(site);
      } catch (error) {
        if (CongError.is(error) && error.code === 'QA_ERR_ALREADY_RATED') return ratingClosedPage(site, true);
        throw error;
      }
    },
  });

  route.get('/hoi-dap/tep/:token/:fileId', {
    summary: { vi: 'Tệp đính kèm câu trả lời (liên kết trong e-mail)', en: 'An answer’s attachment (the mailed link)' },
    produces: 'application/octet-stream',
    rateLimit: limits.statusPerAddress,
    schema: { params: askerFileParams },
    handler: async (req, ctx) => {
      const found = LINK_TOKEN.test(req.params.token) ? await new AnswerService(ctx, settings).askerFile(req.params.token, req.params.fileId) : undefined;
      if (!found) return notFoundPage(await siteOfRequest(req, ctx));
      return downloadResponse(found);
    },
  });

  route.post('/hoi-dap/tra-cuu/bo-sung', {
    summary: { vi: 'Gửi thông tin bổ sung', en: 'Send the information the agency asked for' },
    rateLimit: limits.statusPerAddress,
    form: true,
    schema: { body: replyFormBody },
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      const message = (req.body.message ?? '').trim();
      if (message === '' || [...message].length > 2000) return repliedPage(site, 'Nội dung bổ sung là bắt buộc, tối đa 2000 ký tự. (A reply of at most 2,000 characters is required.)', 400);
      try {
        await new AnswerService(ctx, settings).citizenReply(req, req.body.trackingCode ?? '', req.body.email ?? '', message);
        return repliedPage(site);
      } catch (error) {
        if (!CongError.is(error) || error.status >= 500) throw error;
        const problem = error.status === 404 ? 'Không tìm thấy câu hỏi có mã theo dõi và địa chỉ e-mail này. (No question has this tracking code and e-mail address.)' : 'Câu hỏi không còn chờ bổ sung thông tin. (The question no longer waits for information.)';
        return repliedPage(site, problem, error.status);
      }
    },
  });
}
