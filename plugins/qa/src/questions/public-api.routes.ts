import type { RouteBuilder } from '@cong/sdk';
import type { QuestionLimits } from './question-config.js';
import { attachBody, attachedResponse, questionJsonBody, statusBody, submittedResponse, suggestionQuery, verifyBody } from './question.schema.js';
import { QuestionAttachmentService } from './question-attachment.service.js';
import { QuestionSuggestionService, SUGGESTIONS_MAX } from './question-suggestion.service.js';
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

  route.post('/public/questions/attachments', {
    summary: { vi: 'Đính kèm một tệp vào câu hỏi trước khi xác nhận', en: 'Attach one file to a question before confirming it' },
    description:
      'multipart/form-data: `attachToken` (from the submission) and the file in `file`; one file per request. ' +
      'Types sniffed from the content (`questions.attachmentTypes`: PDF, JPEG, PNG, DOCX; 415 otherwise), at most ' +
      '`questions.attachmentMaxBytes` (413) and `questions.attachmentsMaxCount` files (409 `QA_ERR_ATTACHMENT_LIMIT`); ' +
      'only while the question is not yet confirmed (404 `QA_ERR_ATTACHMENT_TOKEN_INVALID`).',
    cors: true,
    rateLimit: limits.attachPerAddress,
    schema: { upload: { field: 'file', maxBytes: limits.attachmentMaxBytes }, body: attachBody, response: { 200: attachedResponse } },
    handler: (req, ctx) => new QuestionAttachmentService(ctx, limits).attach(req.body.attachToken, req.file),
  });

  route.get('/public/suggestions', {
    summary: { vi: 'Câu hỏi tương tự đã được trả lời', en: 'Similar questions already answered' },
    description: `Up to ${SUGGESTIONS_MAX} published questions and answers of the site's province sharing the most words with \`q\` (diacritic-insensitive). \`path\` is \`/hoi-dap/<slug>\` on any site of the province.`,
    cors: true,
    rateLimit: limits.suggestPerAddress,
    schema: {
      query: suggestionQuery,
      response: {
        200: {
          type: 'object',
          additionalProperties: false,
          required: ['items'],
          properties: {
            items: {
              type: 'array',
              maxItems: SUGGESTIONS_MAX,
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['slug', 'title', 'field', 'path', 'answeredAt'],
                properties: { slug: { type: 'string' }, title: { type: 'string' }, field: { type: 'string' }, path: { type: 'string' }, answeredAt: { type: 'string', format: 'date-time' } },
              },
            },
          },
        },
      },
    },
    handler: async (req, ctx) => {
      const questions = new QuestionService(ctx, limits);
      const province = await questions.provinceOf(questions.units(), req.tenantId);
      return { items: await new QuestionSuggestionService(ctx).similar(province.id, req.query.q) };
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
