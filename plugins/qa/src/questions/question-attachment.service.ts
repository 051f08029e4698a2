import type { Readable } from 'node:stream';
import { CONG_ERR_FILE_TYPE, CongError, coreServices, NotFoundError, type PluginContext, type StoredFile } from '@cong/sdk';
import { QA_ERR_ATTACHMENT_LIMIT, QA_ERR_ATTACHMENT_TOKEN_INVALID } from '../errors.js';
import { formKey } from '../public-forms/form-key.js';
import { readAttachToken, signAttachToken } from './attach-token.js';
import type { QaDatabase, QuestionAttachmentRow } from './qa-database.js';
import { QuestionAttachmentRepository } from './question-attachment.repository.js';
import type { QuestionLimits } from './question-config.js';

/** A file as the asker and staff see it: no storage detail. */
export interface QuestionAttachmentView {
  readonly id: string;
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
}

/** What an upload answers: the files so far and how many more the question takes. */
export interface AttachedFiles {
  readonly attachments: readonly QuestionAttachmentView[];
  readonly remaining: number;
}

const KEY = 'attach-token-key';
/** Files removed per sweep: a backlog goes over the next runs. */
const SWEEP_BATCH = 200;

export const attachmentView = (row: QuestionAttachmentRow): QuestionAttachmentView => ({ id: row.file_id, name: row.name, contentType: row.content_type, size: Number(row.size) });

/**
 * Files a citizen attaches to a question (QA-01). The core takes one file per request, so files are
 * attached one by one **after** the question is sent and **before** it is confirmed by the e-mailed
 * link, with the `attachToken` the submission answered: the form itself stays a plain urlencoded form,
 * and a confirmed question has a fixed set of files when the board first sees it.
 *
 * The type is sniffed by the core's file service and checked here against `questions.attachmentTypes`
 * (so the page can show the refusal in the form); the size is enforced by the route while the file
 * streams; the count under a row lock. A refused file is removed at once.
 */
export class QuestionAttachmentService {
  readonly repo: QuestionAttachmentRepository;

  constructor(
    private readonly ctx: PluginContext,
    private readonly limits: QuestionLimits,
  ) {
    this.repo = new QuestionAttachmentRepository(ctx.get(coreServices.database).kysely<QaDatabase>());
  }

  async tokenFor(questionId: string): Promise<string> {
    return signAttachToken(await formKey(this.ctx, KEY), questionId);
  }

  /** The files of the question a token stands for, while it takes files; else 404 `QA_ERR_ATTACHMENT_TOKEN_INVALID`. */
  async pending(token: string): Promise<AttachedFiles & { questionId: string }> {
    const questionId = await this.#questionOf(token);
    const question = await this.ctx
      .get(coreServices.database)
      .kysely<QaDatabase>()
      .selectFrom('qa_questions')
      .select(['status', 'verify_expires_at'])
      .where('id', '=', questionId)
      .executeTakeFirst();
    if (!question || question.status !== 'unverified' || (question.verify_expires_at ?? 0) <= Date.now()) throw QA_ERR_ATTACHMENT_TOKEN_INVALID.create();
    const rows = await this.repo.ofQuestion(questionId);
    return { questionId, attachments: rows.map(attachmentView), remaining: Math.max(0, this.limits.attachmentsMaxCount - rows.length) };
  }

  /** Keeps an uploaded file with the question, or removes it and says why. */
  async attach(token: string, file: StoredFile): Promise<AttachedFiles> {
    try {
      const questionId = await this.#questionOf(token);
      if (!this.limits.attachmentTypes.includes(file.contentType)) {
        throw CONG_ERR_FILE_TYPE.create({ type: file.contentType }, { errors: [{ in: 'body', pointer: '/file', message: `is of type ${file.contentType}, which is not accepted (PDF, JPEG, PNG, DOCX)`, keyword: 'contentMediaType' }] });
      }
      const now = Date.now();
      const rows = await this.ctx.get(coreServices.database).transaction<QaDatabase, QuestionAttachmentRow[]>(async (trx) => {
        if (!(await this.repo.lockUnverified(trx, questionId, now))) throw QA_ERR_ATTACHMENT_TOKEN_INVALID.create();
        const existing = await this.repo.ofQuestion(questionId, trx);
        if (existing.length >= this.limits.attachmentsMaxCount) {
          throw QA_ERR_ATTACHMENT_LIMIT.create({ max: this.limits.attachmentsMaxCount }, { errors: [{ in: 'body', pointer: '/file', message: `is one file too many: a question takes at most ${this.limits.attachmentsMaxCount}`, keyword: 'maxItems' }] });
        }
        const question = await trx.selectFrom('qa_questions').select('province_id').where('id', '=', questionId).executeTakeFirstOrThrow();
        const row: QuestionAttachmentRow = { file_id: file.id, question_id: questionId, province_id: question.province_id, name: file.originalName, content_type: file.contentType, size: file.size, created_at: now, erased_at: null };
        await this.repo.insert(row, trx);
        return [...existing, row];
      });
      this.ctx.logger.info('question file attached', { questionId, fileId: file.id, size: file.size });
      return { attachments: rows.map(attachmentView), remaining: Math.max(0, this.limits.attachmentsMaxCount - rows.length) };
    } catch (error) {
      await this.ctx.get(coreServices.files).remove(file.id).catch(() => undefined);
      throw error;
    }
  }

  /** The files of a question staff may read (the caller checked the question is theirs). */
  async list(questionId: string): Promise<QuestionAttachmentView[]> {
    return (await this.repo.ofQuestion(questionId)).map(attachmentView);
  }

  /** One file's row and content, for a question the caller checked is theirs; else 404. */
  async download(questionId: string, fileId: string): Promise<{ row: QuestionAttachmentRow; content: Readable }> {
    const row = await this.repo.one(questionId, fileId);
    if (!row) throw new NotFoundError(`File ${fileId} is not attached to this question`);
    return { row, content: await this.ctx.get(coreServices.files).open(row.file_id) };
  }

  /**
   * Removes the content of files whose personal data was erased (src/privacy marks them in its
   * transaction) or whose unverified question was purged, then their rows. Run by the hourly purge job;
   * idempotent, and a file already gone from the store is just forgotten.
   */
  async sweep(): Promise<number> {
    const files = this.ctx.get(coreServices.files);
    let removed = 0;
    for (const { file_id } of await this.repo.toRemove(SWEEP_BATCH)) {
      await files.remove(file_id).catch((error: unknown) => {
        if (!CongError.is(error) || error.status !== 404) throw error;
      });
      await this.repo.delete(file_id);
      removed++;
    }
    if (removed > 0) this.ctx.logger.info('question files removed', { removed });
    return removed;
  }

  async #questionOf(token: string): Promise<string> {
    const questionId = readAttachToken(await formKey(this.ctx, KEY), token);
    if (!questionId) throw QA_ERR_ATTACHMENT_TOKEN_INVALID.create();
    return questionId;
  }
}
