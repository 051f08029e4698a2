import type { RouteBuilder } from '@cong/sdk';
import type { QuestionLimits } from './question-config.js';
import { questionJsonBody, statusBody, submittedResponse, verifyBody } from './question.schema.js';
import { formDescriptorSchema, publicStatusSchema, verifiedSchema } from './question-views.schema.js';
import { QuestionService } from './question.service.js';
import { siteOfRequest } from './site-of-request.js';

/**
 * The widget's JSON endpoints (`/api/qa/public/…`): the form's lists and token, submission,
 * verification and status. Public, limited per client address (route `rateLimit`) and, for
 * submission, per e-mail address (`coreServices.rateLimits`).
 */
export function publicApiRoutes(route: RouteBuilder, limits: QuestionLimits): void {
  route.get('/public/form', {
    summary: { vi: 'Danh mục và mã biểu mẫu để gửi câu hỏi', en: 'What the question form needs' },
    cors: true,
    schema: { response: { 200: formDescriptorSchema } },
    handler: (req, ctx) => new QuestionService(ctx, limits).form(req.tenantId),
  });

  route.post('/public/questions', {
    summary: { vi: 'Gửi câu hỏi (chờ xác nhận e-mail)', en: 'Ask a question (pending e-mail verification)' },
    cors: true,
    rateLimit: limits.submitPerAddress,
    schema: { body: questionJsonBody(limits), response: { 202: submittedResponse } },
    handler: async (req, ctx) => {
      const site = await siteOfRequest(req, ctx);
      const { consentProcessing: _agreed, consentPublish, ...rest } = req.body;
      return new QuestionService(ctx, limits).submit(req, { ...rest, consentPublish: consentPublish === true }, 'widget', site.linkBase);
    },
  });

  route.post('/public/verify', {
    summary: { vi: 'Xác nhận câu hỏi bằng mã trong e-mail', en: 'Verify a question with the mailed token' },
    cors: true,
    rateLimit: limits.verifyPerAddress,
    schema: { body: verifyBody, response: { 200: verifiedSchema } },
    handler: (req, ctx) => new QuestionService(ctx, limits).verify(req.body.token),
  });

  route.post('/public/status', {
    summary: { vi: 'Tra cứu tình trạng câu hỏi', en: 'A question’s status by tracking code and e-mail' },
    cors: true,
    rateLimit: limits.statusPerAddress,
    schema: { body: statusBody, response: { 200: publicStatusSchema } },
    handler: (req, ctx) => new QuestionService(ctx, limits).publicStatus(req.body.trackingCode, req.body.email),
  });
}
