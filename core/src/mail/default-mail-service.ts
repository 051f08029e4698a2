import { randomUUID } from 'node:crypto';
import type { Mail, SMTPPoolOptions, SMTPPoolSentMessageInfo } from 'nodemailer';
import type { Kysely, Transaction } from 'kysely';
import {
  CONG_ERR_MAIL_ADDRESS,
  CONG_ERR_MAIL_HEADER,
  CONG_ERR_SERVICE_NOT_PROVIDED,
  InputError,
  type LoggerService,
  type MailMessage,
  type MailService,
  type PluginContext,
} from '@cong/sdk';
import type { Database } from '../db/create-database.js';
import { CONG_ERR_CONFIG_INVALID } from '../errors.js';
import type { JobQueue, JobRegistration } from '../jobs/job-queue.js';
import { formatMailbox, parseMailbox, type Mailbox } from './parse-mailbox.js';

/** The SMTP relay messages go out through. */
export interface SmtpOptions {
  readonly host: string;
  readonly port: number;
  /** TLS from the first byte (SMTPS). Default is true on port 465, false elsewhere (STARTTLS when offered). */
  readonly secure?: boolean;
  readonly user?: string;
  readonly password?: string;
  /** Refuse to send unless the server upgrades with STARTTLS. Default is false. */
  readonly requireTLS?: boolean;
  /** Check the server's certificate. Default is true; turn off only for a relay with a private CA on a trusted network. */
  readonly rejectUnauthorized?: boolean;
}

/** Options of {@link DefaultMailService}. */
export interface DefaultMailServiceOptions {
  readonly db: Database;
  /** Carries the `core.mail-deliver` jobs. */
  readonly queue: JobQueue;
  readonly logger: LoggerService;
  /** The platform's sender, `addr@domain` or `Name <addr@domain>`, used when a message names none. */
  readonly from: string;
  /** Without it, messages are kept in the outbox as `held` and never sent. */
  readonly smtp?: SmtpOptions;
  /** The delivery job's context. Default is a minimal core context with `logger` and no services. */
  readonly context?: JobRegistration['context'];
  /**
   * Retries of a delivery. Default is 8 attempts, the first retry after 30 s, doubling: about an hour
   * and a half of trying, enough to ride out a relay restart or greylisting.
   */
  readonly delivery?: { readonly maxAttempts?: number; readonly backoffMs?: number };
  /** The clock, in epoch milliseconds. Default is `Date.now`. */
  readonly now?: () => number;
}

/** Status of an outbox row. `held`: kept for admins because no SMTP relay is configured. */
export type OutboxStatus = 'queued' | 'sent' | 'failed' | 'held';

/** An outbox row without its bodies, as the admin list shows it. */
export interface OutboxEntry {
  readonly id: string;
  /** `core` or the plugin that sent it. */
  readonly owner: string;
  readonly tenantId: string | null;
  readonly from: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly bcc: readonly string[];
  readonly replyTo: string | null;
  readonly subject: string;
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly lastError: string | null;
  /** The Message-ID the relay accepted, once sent. */
  readonly messageId: string | null;
  readonly createdAt: Date;
  readonly sentAt: Date | null;
}

/** An outbox row with its bodies. */
export interface OutboxMessage extends OutboxEntry {
  readonly text: string;
  readonly html: string | null;
}

/** Query of {@link DefaultMailService.listOutbox}. */
export interface OutboxQuery {
  readonly status?: OutboxStatus;
  /** Page size, 1 to 100. */
  readonly limit: number;
  /** Rows to skip. Default is 0. */
  readonly offset?: number;
}

/** One page of the outbox, newest first, and how many rows match in all. */
export interface OutboxPage {
  readonly items: readonly OutboxEntry[];
  readonly total: number;
}

interface OutboxTable {
  id: string;
  owner: string;
  tenant_id: string | null;
  from_address: string;
  to_addresses: string;
  cc_addresses: string;
  bcc_addresses: string;
  reply_to: string | null;
  subject: string;
  text_body: string;
  html_body: string | null;
  status: OutboxStatus;
  attempts: number;
  last_error: string | null;
  message_id: string | null;
  created_at: number;
  sent_at: number | null;
}

interface OutboxDb {
  core_mail_outbox: OutboxTable;
}

type Transport = Mail<SMTPPoolSentMessageInfo, SMTPPoolOptions>;

/** The name of the delivery job, owned by `core`. */
export const MAIL_DELIVERY_JOB = 'mail-deliver';
const OUTBOX_STATUSES: readonly OutboxStatus[] = ['queued', 'sent', 'failed', 'held'];
const MAX_RECIPIENTS = 100;
const MAX_SUBJECT_LENGTH = 998;
/** MEDIUMTEXT holds 16 MiB; a million characters stays below it even at four bytes each. */
const MAX_BODY_LENGTH = 1_000_000;
const MAX_ERROR_LENGTH = 2000;
/** Controls other than tab: a CR or LF in a header would start a new header (`Bcc:` injection). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const HEADER_CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f\u0085\u2028\u2029]/;
const deliverySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['outboxId'],
  properties: { outboxId: { type: 'string', minLength: 1, maxLength: 36 } },
} as const;

/**
 * The default mail service: `send` checks every address and header, stores the message in
 * `core_mail_outbox` and, when SMTP is configured, enqueues a `core.mail-deliver` job in the same
 * transaction (the caller's `trx` when given), so a message exists exactly when the business change
 * that caused it commits. The job sends through one pooled nodemailer transport, created on first use
 * with bounded timeouts. Transient failures (4xx replies, network errors) are retried with backoff;
 * a permanent 5xx reply marks the message `failed` and ends the job at once. A message already
 * `sent` is never sent again, whatever reruns its job. Without SMTP the message stays `held` for admins.
 */
export class DefaultMailService {
  readonly #kysely: Kysely<OutboxDb>;
  readonly #queue: JobQueue;
  readonly #logger: LoggerService;
  readonly #from: Mailbox;
  readonly #smtp: SmtpOptions | undefined;
  readonly #context: JobRegistration['context'];
  readonly #maxAttempts: number;
  readonly #backoffMs: number;
  readonly #now: () => number;
  #transport: Transport | undefined;

  constructor(options: DefaultMailServiceOptions) {
    this.#kysely = options.db.kysely as Kysely<OutboxDb>;
    this.#queue = options.queue;
    this.#logger = options.logger;
    try {
      this.#from = parseMailbox('from', options.from);
    } catch (cause) {
      throw CONG_ERR_CONFIG_INVALID.create({ key: 'mail.from', reason: (cause as Error).message }, { cause });
    }
    this.#smtp = options.smtp;
    this.#maxAttempts = options.delivery?.maxAttempts ?? 8;
    this.#backoffMs = options.delivery?.backoffMs ?? 30_000;
    this.#now = options.now ?? Date.now;
    this.#context = options.context ?? (() => minimalContext(this.#logger));
  }

  /** The sdk's {@link MailService} for one owner, who is recorded on every message it sends. */
  forPlugin(owner: string): MailService {
    return Object.freeze({
      send: (message: MailMessage, options?: { readonly trx?: Transaction<any> }) => this.#send(owner, message, options?.trx),
    });
  }

  /** Registers the `core.mail-deliver` job on the queue. Call once, before the queue starts. */
  registerDeliveryJob(): void {
    this.#queue.register({
      owner: 'core',
      name: MAIL_DELIVERY_JOB,
      definition: {
        schema: deliverySchema,
        maxAttempts: this.#maxAttempts,
        backoffMs: this.#backoffMs,
        // Connection, greeting and socket timeouts bound one delivery well below this.
        timeoutMs: 2 * 60_000,
        handler: (payload: { outboxId: string }, ctx) => this.#deliver(payload.outboxId, ctx.attempt),
      },
      context: this.#context,
      isAvailable: () => true,
    });
  }

  /** The outbox for admins, newest first, optionally of one status. `limit` is 1 to 100. */
  async listOutbox(query: OutboxQuery): Promise<OutboxPage> {
    const { status, limit } = query;
    const offset = query.offset ?? 0;
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new InputError('limit must be a whole number from 1 to 100');
    if (!Number.isInteger(offset) || offset < 0) throw new InputError('offset must be a whole number, 0 or more');
    if (status !== undefined && !OUTBOX_STATUSES.includes(status)) throw new InputError(`status must be one of ${OUTBOX_STATUSES.join(', ')}`);
    let base = this.#kysely.selectFrom('core_mail_outbox');
    if (status !== undefined) base = base.where('status', '=', status);
    const [count, rows] = await Promise.all([
      base.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow(),
      base
        .select([
          'id', 'owner', 'tenant_id', 'from_address', 'to_addresses', 'cc_addresses', 'bcc_addresses', 'reply_to',
          'subject', 'status', 'attempts', 'last_error', 'message_id', 'created_at', 'sent_at',
        ])
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),
    ]);
    return { items: rows.map(toEntry), total: Number(count.total) };
  }

  /** One outbox message with its bodies, for an admin reading a held or failed message. */
  async readOutbox(id: string): Promise<OutboxMessage | undefined> {
    const row = await this.#kysely.selectFrom('core_mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : { ...toEntry(row), text: row.text_body, html: row.html_body };
  }

  /** Closes the SMTP pool. A later delivery opens a new one. */
  async close(): Promise<void> {
    const transport = this.#transport;
    this.#transport = undefined;
    transport?.close();
  }

  async #send(owner: string, message: MailMessage, trx: Transaction<any> | undefined): Promise<string> {
    if (message === null || typeof message !== 'object') throw new InputError('The message must be an object');
    const to = mailboxList('to', message.to);
    if (to.length === 0) throw CONG_ERR_MAIL_ADDRESS.create({ field: 'to' }, { detail: 'Invalid e-mail address in to: at least one recipient is required' });
    const cc = message.cc === undefined ? [] : mailboxList('cc', message.cc);
    const bcc = message.bcc === undefined ? [] : mailboxList('bcc', message.bcc);
    if (to.length + cc.length + bcc.length > MAX_RECIPIENTS) {
      throw CONG_ERR_MAIL_ADDRESS.create({ field: 'to' }, { detail: `A message may have at most ${MAX_RECIPIENTS} recipients in to, cc and bcc together` });
    }
    const replyTo = message.replyTo === undefined ? null : parseMailbox('replyTo', message.replyTo);
    const from = message.from === undefined ? this.#from : parseMailbox('from', message.from);
    const subject = headerText('subject', message.subject);
    const text = bodyText('text', message.text);
    const html = message.html === undefined ? null : bodyText('html', message.html);
    const tenantId = message.tenantId ?? null;
    if (tenantId !== null && (typeof tenantId !== 'string' || tenantId.length === 0 || tenantId.length > 64)) {
      throw new InputError('tenantId must be a string of 1 to 64 characters');
    }
    const now = this.#now();
    const row: OutboxTable = {
      id: randomUUID(),
      owner,
      tenant_id: tenantId,
      from_address: formatMailbox(from),
      to_addresses: JSON.stringify(to.map(formatMailbox)),
      cc_addresses: JSON.stringify(cc.map(formatMailbox)),
      bcc_addresses: JSON.stringify(bcc.map(formatMailbox)),
      reply_to: replyTo === null ? null : formatMailbox(replyTo),
      subject,
      text_body: text,
      html_body: html,
      status: this.#smtp === undefined ? 'held' : 'queued',
      attempts: 0,
      last_error: null,
      message_id: null,
      created_at: now,
      sent_at: null,
    };
    const store = async (db: Kysely<OutboxDb>): Promise<void> => {
      await db.insertInto('core_mail_outbox').values(row).execute();
      if (row.status === 'queued') {
        await this.#queue.enqueue('core', MAIL_DELIVERY_JOB, { outboxId: row.id }, { trx: db as Transaction<any> });
      }
    };
    if (trx !== undefined) await store(trx as Transaction<OutboxDb>);
    else await this.#kysely.transaction().execute(store);
    if (row.status === 'held') this.#logger.info('Mail held in the outbox: no SMTP relay is configured', { outboxId: row.id, owner });
    return row.id;
  }

  async #deliver(outboxId: string, attempt: number): Promise<void> {
    const row = await this.#kysely.selectFrom('core_mail_outbox').selectAll().where('id', '=', outboxId).executeTakeFirst();
    const log = this.#logger.child({ outboxId, attempt });
    if (row === undefined) {
      log.warn('Mail delivery skipped: the message is no longer in the outbox');
      return;
    }
    // Idempotent: a rerun of the job (a retry after a lost ack, a second job) never sends twice.
    if (row.status !== 'queued') {
      log.debug('Mail delivery skipped', { status: row.status });
      return;
    }
    const transport = await this.#getTransport();
    if (transport === undefined) {
      await this.#update(outboxId, { status: 'held' });
      log.info('Mail held: SMTP is no longer configured');
      return;
    }
    let envelope: Parameters<Transport['sendMail']>[0];
    try {
      const from = parseMailbox('from', row.from_address);
      envelope = {
        from,
        to: parseStoredList('to', row.to_addresses),
        cc: parseStoredList('cc', row.cc_addresses),
        bcc: parseStoredList('bcc', row.bcc_addresses),
        ...(row.reply_to === null ? {} : { replyTo: parseMailbox('replyTo', row.reply_to) }),
        subject: row.subject,
        text: row.text_body,
        ...(row.html_body === null ? {} : { html: row.html_body }),
        // One Message-ID for every attempt, so a receiver can drop a copy a lost ack made us resend.
        messageId: `<${row.id}@${messageIdDomain(from.address)}>`,
        // Bodies come from plugins: never let nodemailer read local files or fetch URLs for them.
        disableFileAccess: true,
        disableUrlAccess: true,
      };
    } catch (error) {
      await this.#update(outboxId, { status: 'failed', last_error: bounded(`Stored message is invalid: ${(error as Error).message}`) });
      throw Object.assign(new Error(`Outbox row ${outboxId} is invalid: ${(error as Error).message}`), { retryable: false, cause: error });
    }

    await this.#kysely
      .updateTable('core_mail_outbox')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', outboxId)
      .where('status', '=', 'queued')
      .execute();
    try {
      const info = await transport.sendMail(envelope);
      const rejected = (info.rejected ?? []).map(String);
      await this.#update(outboxId, {
        status: 'sent',
        message_id: info.messageId ?? null,
        sent_at: this.#now(),
        last_error: rejected.length === 0 ? null : bounded(`Some recipients were rejected: ${rejected.join(', ')}`),
      });
      log.info('Mail sent', { messageId: info.messageId, rejected: rejected.length });
    } catch (error) {
      const reason = bounded(describeSmtpError(error));
      if (isPermanent(error)) {
        await this.#update(outboxId, { status: 'failed', last_error: reason });
        log.error('Mail refused permanently by the relay', { error: reason });
        throw Object.assign(new Error(`The SMTP relay refused the message: ${reason}`), { retryable: false, cause: error });
      }
      const last = attempt >= this.#maxAttempts;
      await this.#update(outboxId, last ? { status: 'failed', last_error: reason } : { last_error: reason });
      log.warn(last ? 'Mail delivery failed its last attempt' : 'Mail delivery failed; retrying', { error: reason });
      throw error;
    }
  }

  async #getTransport(): Promise<Transport | undefined> {
    const smtp = this.#smtp;
    if (smtp === undefined) return undefined;
    // Loaded on first delivery: nodemailer costs ~55 ms of start-up.
    const { default: nodemailer } = await import('nodemailer');
    this.#transport ??= nodemailer.createTransport({
      pool: true,
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure ?? smtp.port === 465,
      requireTLS: smtp.requireTLS ?? false,
      ...(smtp.user === undefined ? {} : { auth: { user: smtp.user, pass: smtp.password ?? '' } }),
      tls: { rejectUnauthorized: smtp.rejectUnauthorized ?? true },
      // Bounded waits: a dead relay must fail the attempt (and be retried), not hang the worker.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    return this.#transport;
  }

  /** Updates a row still `queued`; a row another run already settled is left alone. */
  async #update(id: string, values: Partial<OutboxTable>): Promise<void> {
    await this.#kysely.updateTable('core_mail_outbox').set(values).where('id', '=', id).where('status', '=', 'queued').execute();
  }
}

function mailboxList(field: string, value: unknown): Mailbox[] {
  const items = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(items)) {
    throw CONG_ERR_MAIL_ADDRESS.create({ field }, { detail: `Invalid e-mail address in ${field}: must be a string or an array of strings` });
  }
  return items.map((item: unknown, index) => parseMailbox(typeof value === 'string' ? field : `${field}[${index}]`, item));
}

function parseStoredList(field: string, json: string): Mailbox[] {
  const list = JSON.parse(json) as unknown;
  if (!Array.isArray(list)) throw new Error(`${field} is not a JSON array`);
  return list.map((item: unknown, index) => parseMailbox(`${field}[${index}]`, item));
}

function headerText(field: string, value: unknown): string {
  if (typeof value !== 'string') throw new InputError(`${field} must be a string`);
  const text = value.normalize('NFC');
  if (HEADER_CONTROL.test(text)) throw CONG_ERR_MAIL_HEADER.create({ field });
  if (text.length > MAX_SUBJECT_LENGTH) throw new InputError(`${field} must not be longer than ${MAX_SUBJECT_LENGTH} characters`);
  return text;
}

function bodyText(field: string, value: unknown): string {
  if (typeof value !== 'string') throw new InputError(`${field} must be a string`);
  if (value.length > MAX_BODY_LENGTH) throw new InputError(`${field} must not be longer than ${MAX_BODY_LENGTH} characters`);
  return value.normalize('NFC');
}

/** SMTP says 5xx is permanent, except 503 (bad command sequence: a new session can succeed). */
function isPermanent(error: unknown): boolean {
  const e = error as { permanent?: unknown; responseCode?: unknown; code?: unknown } | null;
  if (e === null || typeof e !== 'object') return false;
  // A rejected login is a configuration problem an operator fixes; the queued mail should then go out.
  if (e.code === 'EAUTH') return false;
  if (typeof e.permanent === 'boolean') return e.permanent;
  return typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600 && e.responseCode !== 503;
}

function describeSmtpError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
  const prefix = [typeof code === 'string' ? code : undefined, typeof responseCode === 'number' ? String(responseCode) : undefined]
    .filter((part) => part !== undefined)
    .join(' ');
  return prefix === '' ? error.message : `${prefix}: ${error.message}`;
}

function bounded(text: string): string {
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

/** The sender's domain when it is plain ASCII, so the Message-ID needs no encoding. */
function messageIdDomain(address: string): string {
  const domain = address.slice(address.lastIndexOf('@') + 1);
  return /^[A-Za-z0-9.-]+$/.test(domain) ? domain : 'localhost';
}

function toEntry(row: Omit<OutboxTable, 'text_body' | 'html_body'>): OutboxEntry {
  return {
    id: row.id,
    owner: row.owner,
    tenantId: row.tenant_id,
    from: row.from_address,
    to: JSON.parse(row.to_addresses) as string[],
    cc: JSON.parse(row.cc_addresses) as string[],
    bcc: JSON.parse(row.bcc_addresses) as string[],
    replyTo: row.reply_to,
    subject: row.subject,
    status: row.status,
    attempts: Number(row.attempts),
    lastError: row.last_error,
    messageId: row.message_id,
    createdAt: new Date(Number(row.created_at)),
    sentAt: row.sent_at === null ? null : new Date(Number(row.sent_at)),
  };
}

/** The delivery job's context when the kernel supplies none: the core logger and no services. */
function minimalContext(logger: LoggerService): PluginContext {
  return {
    pluginId: 'core',
    version: '0.0.0',
    logger,
    get(ref) {
      throw CONG_ERR_SERVICE_NOT_PROVIDED.create({ service: ref.id });
    },
    getOptional: () => undefined,
  };
}
