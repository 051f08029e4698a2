import { NotAllowedError, NotFoundError, respond, type PluginContext, type RouteBuilder } from '@cong/sdk';
import { actorOf } from '../intake/intake-request.js';
import {
  addEntryBody,
  createIssueBody,
  entriesBody,
  entryParams,
  idParams,
  issueDetailSchema,
  issuePageSchema,
  issuesQuery,
  readySchema,
  updateIssueBody,
} from './issue.schema.js';
import { IssuePublication } from './issue-publication.js';
import { issuePdfHeaders, openIssuePdf } from './issue-pdf.js';
import { IssueService } from './issue.service.js';
import type { PublicationConfig } from './publication-config.js';
import { callingOffice } from './publication-store.js';

/** The permissions of issue composition and publication. */
export const COMPOSE = 'gazette.compose';
export const PUBLISH = 'gazette.publish';

/**
 * The office's side of issues, under /api/gazette/issues: the calling unit (`X-Cong-Tenant`) must be a
 * gazette office (the root of its tree); its issues only, another unit's are 404. The signed PDF of a
 * published issue is public.
 */
export function issueRoutes(route: RouteBuilder, config: PublicationConfig): void {
  const issues = (ctx: PluginContext) => new IssueService(ctx);

  route.get('/issues', {
    summary: { vi: 'Danh sách số Công báo của cơ quan', en: 'The office\'s gazette issues' },
    description: 'Newest number first; filter by year and status.',
    permission: COMPOSE,
    schema: { query: issuesQuery, response: { 200: issuePageSchema } },
    handler: async (req, ctx) => issues(ctx).page(await callingOffice(ctx, req), req.query),
  });

  route.get('/issues/ready', {
    summary: { vi: 'Văn bản đã đối chiếu, chờ đưa vào số Công báo', en: 'Documents that passed comparison and wait for an issue' },
    permission: COMPOSE,
    schema: { response: { 200: readySchema } },
    handler: async (req, ctx) => issues(ctx).ready(await callingOffice(ctx, req)),
  });

  route.post('/issues', {
    summary: { vi: 'Tạo số Công báo mới (bản nháp)', en: 'Create a gazette issue (a draft)' },
    description: 'Takes the next number of the publication date\'s year at the office (numbers restart at 1 each year, without gaps); `numberCount` > 1 takes a grouped range ("Từ số 243 đến số 244").',
    permission: COMPOSE,
    schema: { body: createIssueBody, response: { 201: issueDetailSchema } },
    handler: async (req, ctx) => {
      const created = await issues(ctx).create(await callingOffice(ctx, req), actorOf(req), req.body);
      return respond(201, created, { location: `/api/gazette/issues/${created.id}` });
    },
  });

  route.get('/issues/:id', {
    summary: { vi: 'Xem số Công báo: văn bản, trang, mã băm, chữ ký', en: 'Read an issue: documents, pages, hashes, signature' },
    description: 'For those who compose (`gazette.compose`) and those who publish (`gazette.publish`): the publisher checks the issue before signing it.',
    authenticated: true,
    schema: { params: idParams, response: { 200: issueDetailSchema } },
    handler: async (req, ctx) => {
      const held = req.principal!.permissions;
      if (!held.has(COMPOSE) && !held.has(PUBLISH)) throw new NotAllowedError(`${COMPOSE} or ${PUBLISH}`);
      return issues(ctx).get(await callingOffice(ctx, req), req.params.id);
    },
  });

  route.patch('/issues/:id', {
    summary: { vi: 'Đổi ngày đăng của số Công báo (trong cùng năm)', en: 'Move the issue\'s publication date (within its year)' },
    permission: COMPOSE,
    schema: { params: idParams, body: updateIssueBody, response: { 200: issueDetailSchema } },
    handler: async (req, ctx) => issues(ctx).reschedule(await callingOffice(ctx, req), actorOf(req), req.params.id, req.body.publicationDate),
  });

  route.delete('/issues/:id', {
    summary: { vi: 'Xóa số Công báo nháp cuối cùng của năm', en: 'Delete the year\'s last draft issue' },
    description: 'Only a draft (or failed) issue that is the last of its year: an earlier one would leave a gap in the numbers.',
    permission: COMPOSE,
    schema: { params: idParams, response: { 204: {} } },
    handler: async (req, ctx) => {
      await issues(ctx).remove(await callingOffice(ctx, req), actorOf(req), req.params.id);
      return respond(204);
    },
  });

  route.post('/issues/:id/entries', {
    summary: { vi: 'Đưa văn bản đã đối chiếu vào số Công báo', en: 'Add a document that passed comparison to the issue' },
    description: 'Appended at the end. A document that has not passed comparison is refused with the reason; a document is in at most one issue; corrections follow the placement rules (GAZ-25…GAZ-27).',
    permission: COMPOSE,
    schema: { params: idParams, body: addEntryBody, response: { 200: issueDetailSchema } },
    handler: async (req, ctx) => issues(ctx).addEntry(await callingOffice(ctx, req), actorOf(req), req.params.id, req.body),
  });

  route.put('/issues/:id/entries', {
    summary: { vi: 'Sắp xếp lại văn bản trong số Công báo, đặt mục', en: 'Reorder the issue\'s documents and set their sections' },
    description: 'The full order (drag-to-order): exactly the issue\'s documents, each once. A `section` left out keeps the entry\'s current one; null removes it.',
    permission: COMPOSE,
    schema: { params: idParams, body: entriesBody, response: { 200: issueDetailSchema } },
    handler: async (req, ctx) => issues(ctx).setEntries(await callingOffice(ctx, req), actorOf(req), req.params.id, req.body.entries),
  });

  route.delete('/issues/:id/entries/:submissionId', {
    summary: { vi: 'Bỏ văn bản khỏi số Công báo', en: 'Remove a document from the issue' },
    permission: COMPOSE,
    schema: { params: entryParams, response: { 200: issueDetailSchema } },
    handler: async (req, ctx) => issues(ctx).removeEntry(await callingOffice(ctx, req), actorOf(req), req.params.id, req.params.submissionId),
  });

  route.post('/issues/:id/publish', {
    summary: { vi: 'Phát hành số Công báo: dàn trang, ký số, lưu trữ', en: 'Publish the issue: lay out, sign, store' },
    description:
      'Checks the documents (each still passed), the correction rules and the signer, marks the issue `rendering` and queues the publication job; answers 202. ' +
      'The job renders and signs the PDF and publishes everything in one transaction, or marks the issue `failed` with `renderError` (publish again to retry). ' +
      'Without a configured signer the request is refused (GAZETTE_ERR_UNSIGNED_REFUSED) unless `publication.allowUnsigned` is true.',
    permission: PUBLISH,
    schema: { params: idParams, response: { 202: issueDetailSchema } },
    handler: async (req, ctx) => respond(202, await new IssuePublication(ctx, config).request(await callingOffice(ctx, req), actorOf(req), req.params.id)),
  });

  route.get('/issues/:id/pdf', {
    summary: { vi: 'Tải tệp PDF đã ký số của số Công báo đã phát hành', en: 'Download the signed PDF of a published issue' },
    description: 'Public: anyone may read a published issue. Drafts and failed issues have no PDF (404). The ETag is the file\'s SHA-256.',
    produces: 'application/pdf',
    schema: { params: idParams },
    handler: async (req, ctx) => {
      const pdf = await openIssuePdf(ctx, req.params.id);
      if (!pdf) throw new NotFoundError(`Issue ${req.params.id} has no published PDF`);
      return respond(200, pdf.stream, issuePdfHeaders(pdf));
    },
  });
}
