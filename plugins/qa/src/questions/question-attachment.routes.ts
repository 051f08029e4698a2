import { defineSchema, NotFoundError, type PluginContext, type RouteBuilder } from '@cong/sdk';
import type { QuestionLimits } from './question-config.js';
import { questionAttachmentDownload } from './question-attachment-download.js';
import { QuestionAttachmentService } from './question-attachment.service.js';
import { QuestionService } from './question.service.js';
import type { Side } from './question.repository.js';
import { ANSWER, TRIAGE } from './queue.routes.js';

const fileParams = defineSchema<{ id: string; fileId: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['id', 'fileId'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 36 }, fileId: { type: 'string', minLength: 1, maxLength: 64 } },
});

async function download(ctx: PluginContext, limits: QuestionLimits, side: Side, id: string, fileId: string) {
  // The question first, through the side's own scope: another province's or agency's question does not exist (404).
  const question = await new QuestionService(ctx, limits).repo.find(side, id);
  if (!question) throw new NotFoundError(`Question ${id} does not exist`);
  return questionAttachmentDownload(await new QuestionAttachmentService(ctx, limits).download(question.id, fileId));
}

/**
 * Staff download the files the asker attached: the board of the question's province
 * (`qa.questions.triage`) and the agency the question is with (`qa.questions.answer`). The list is in
 * the question's view (`attachments`).
 */
export function questionAttachmentRoutes(route: RouteBuilder, limits: QuestionLimits): void {
  route.get('/questions/:id/attachments/:fileId', {
    summary: { vi: 'Tải tệp người hỏi đính kèm (Ban biên tập)', en: 'Download a file the asker attached (the board)' },
    permission: TRIAGE,
    produces: 'application/octet-stream',
    schema: { params: fileParams },
    handler: async (req, ctx) => download(ctx, limits, await new QuestionService(ctx, limits).boardSide(req), req.params.id, req.params.fileId),
  });

  route.get('/inbox/:id/attachments/:fileId', {
    summary: { vi: 'Tải tệp người hỏi đính kèm (cơ quan trả lời)', en: 'Download a file the asker attached (the agency)' },
    permission: ANSWER,
    produces: 'application/octet-stream',
    schema: { params: fileParams },
    handler: (req, ctx) => download(ctx, limits, new QuestionService(ctx, limits).agencySide(req), req.params.id, req.params.fileId),
  });
}
