import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import type { LoggerService } from '@cong/sdk';
import { DbJobQueue } from '../jobs/db-job-queue.js';
import { describeEachDialect } from '../testing/describe-each-dialect.js';
import { createCoreTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { DefaultMailService, MAIL_DELIVERY_JOB } from './default-mail-service.js';

function quietLogger(): LoggerService {
  const noop = (): void => undefined;
  return { debug: noop, info: noop, warn: noop, error: noop, child: () => quietLogger() };
}

interface Received {
  readonly mail: ParsedMail;
  readonly envelope: { from: string; to: string[] };
}

/** An in-process SMTP sink whose RCPT and DATA replies a test can turn into errors. */
class SmtpSink {
  readonly received: Received[] = [];
  /** Return an error with `responseCode` to refuse a recipient. */
  onRcpt: (address: string) => Error | undefined = () => undefined;
  readonly #server: SMTPServer;
  port = 0;

  constructor() {
    this.#server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address: SMTPServerAddress, _session: SMTPServerSession, callback: (error?: Error | null) => void) => {
        callback(this.onRcpt(address.address) ?? null);
      },
      onData: (stream, session, callback) => {
        simpleParser(stream).then(
          (mail) => {
            this.received.push({
              mail,
              envelope: {
                from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
                to: session.envelope.rcptTo.map((r) => r.address),
              },
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.port = (this.#server.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

const START = 1_800_000_000_000;

describeEachDialect('DefaultMailService', (dialect) => {
  let db: TestDatabase;
  let sink: SmtpSink;
  let clock: number;
  const now = (): number => clock;
  let queue: DbJobQueue;
  let mail: DefaultMailService;

  beforeAll(async () => {
    db = await createCoreTestDatabase(dialect);
    sink = new SmtpSink();
    await sink.listen();
  });
  afterAll(async () => {
    await sink?.close();
    await db?.drop();
  });
  beforeEach(async () => {
    clock = START;
    sink.received.length = 0;
    sink.onRcpt = () => undefined;
    await db.kysely.deleteFrom('core_jobs').execute();
    await db.kysely.deleteFrom('core_mail_outbox').execute();
    ({ queue, mail } = makeService({ smtp: true }));
  });
  afterEach(async () => {
    await queue.stop(1000);
    await mail.close();
  });

  function makeService(options: { smtp: boolean }): { queue: DbJobQueue; mail: DefaultMailService } {
    const logger = quietLogger();
    const q = new DbJobQueue({ db, logger, now });
    const m = new DefaultMailService({
      db,
      queue: q,
      logger,
      from: 'Cổng thông tin tỉnh <noreply@tinh.gov.vn>',
      ...(options.smtp ? { smtp: { host: '127.0.0.1', port: sink.port } } : {}),
      delivery: { maxAttempts: 3, backoffMs: 1000 },
      now,
    });
    m.registerDeliveryJob();
    return { queue: q, mail: m };
  }

  async function count(table: 'core_jobs' | 'core_mail_outbox'): Promise<number> {
    const row = await db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it('stores the message, delivers it over SMTP through the queue, and records the message id', async () => {
    const service = mail.forPlugin('hello');
    // Subject and name typed in decomposed form (NFD), as some input methods send them.
    const subject = 'Thông báo lịch tiếp công dân'.normalize('NFD');
    const id = await service.send({
      to: ['Nguyễn Văn A <a@tinh.gov.vn>', 'b@tinh.gov.vn'],
      cc: '"Phòng Tiếp dân, UBND" <tiepdan@tinh.gov.vn>',
      bcc: ['audit@tinh.gov.vn'],
      replyTo: 'hotro@tinh.gov.vn',
      subject,
      text: 'Xin chào,\nLịch tiếp công dân tuần này.',
      html: '<p>Xin chào</p>',
      tenantId: 'tinh-qt',
    });

    const [queued] = (await mail.listOutbox({ limit: 10 })).items;
    expect(queued).toMatchObject({ id, owner: 'hello', tenantId: 'tinh-qt', status: 'queued', attempts: 0, subject: subject.normalize('NFC') });
    expect(queued!.to).toEqual(['"Nguyễn Văn A" <a@tinh.gov.vn>', 'b@tinh.gov.vn']);
    expect(sink.received).toHaveLength(0);

    expect(await queue.drain()).toBe(1);
    expect(sink.received).toHaveLength(1);
    const { mail: message, envelope } = sink.received[0]!;
    expect(message.subject).toBe(subject.normalize('NFC'));
    expect(message.from?.value).toEqual([{ name: 'Cổng thông tin tỉnh', address: 'noreply@tinh.gov.vn' }]);
    expect(message.text).toContain('Lịch tiếp công dân tuần này.');
    expect(message.html).toContain('<p>Xin chào</p>');
    expect(message.messageId).toBe(`<${id}@tinh.gov.vn>`);
    expect(message.headers.get('bcc')).toBeUndefined();
    expect(envelope.from).toBe('noreply@tinh.gov.vn');
    expect(envelope.to.sort()).toEqual(['a@tinh.gov.vn', 'audit@tinh.gov.vn', 'b@tinh.gov.vn', 'tiepdan@tinh.gov.vn']);

    const sent = await mail.readOutbox(id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, lastError: null, messageId: `<${id}@tinh.gov.vn>`, text: 'Xin chào,\nLịch tiếp công dân tuần này.' });
    expect(sent!.sentAt?.getTime()).toBe(START);
  });

  it('holds the message in the outbox and sends nothing without SMTP', async () => {
    const held = makeService({ smtp: false });
    try {
      const id = await held.mail.forPlugin('hello').send({ to: 'a@tinh.gov.vn', subject: 'Giữ lại', text: 'x' });
      expect(await count('core_jobs')).toBe(0);
      expect(await held.queue.drain()).toBe(0);
      expect(sink.received).toHaveLength(0);
      const page = await held.mail.listOutbox({ status: 'held', limit: 10 });
      expect(page).toMatchObject({ total: 1, items: [{ id, status: 'held', subject: 'Giữ lại' }] });
      expect(await held.mail.readOutbox(id)).toMatchObject({ text: 'x', html: null });
    } finally {
      await held.mail.close();
    }
  });

  it('refuses anything but one plain mailbox per address, and line breaks in any header, storing nothing', async () => {
    const service = mail.forPlugin('hello');
    const base = { to: 'a@tinh.gov.vn', subject: 'S', text: 'T' };
    const refused: [string, Record<string, unknown>, string][] = [
      ['to', { to: '"a@evil.com x"@tinh.gov.vn' }, 'to'],
      ['to', { to: 'u@good.vn(x)evil.com' }, 'to'],
      ['bcc injection', { to: 'a@b.vn\r\nBcc: x@y.vn' }, 'to'],
      ['bcc injection in a list', { to: ['ok@tinh.gov.vn', 'a@b.vn\nBcc: x@y.vn'] }, 'to[1]'],
      ['two in one entry', { to: 'a@tinh.gov.vn, b@tinh.gov.vn' }, 'to'],
      ['group', { cc: 'nhom: a@tinh.gov.vn, b@tinh.gov.vn;' }, 'cc'],
      ['free text before the address', { cc: ['a@evil.com <b@tinh.gov.vn>'] }, 'cc[0]'],
      ['comment', { bcc: 'u@tinh.gov.vn (ghi chú)' }, 'bcc'],
      ['quoted local part', { to: '"x"@tinh.gov.vn' }, 'to'],
      ['domain literal', { to: 'x@[127.0.0.1]' }, 'to'],
      ['no domain', { to: 'admin' }, 'to'],
      ['empty list', { to: [] }, 'to'],
      ['reply-to injection', { replyTo: 'r@tinh.gov.vn\r\nX-Evil: 1' }, 'replyTo'],
      ['from', { from: 'Kẻ giả mạo <a@b.vn>, c@d.vn' }, 'from'],
      ['not a string', { to: [42] }, 'to[0]'],
    ];
    for (const [label, override, field] of refused) {
      const error = await service.send({ ...base, ...override } as never).catch((e: unknown) => e);
      expect(error, label).toMatchObject({ code: 'CONG_ERR_MAIL_ADDRESS', status: 400 });
      expect((error as Error).message, label).toContain(`Invalid e-mail address in ${field}`);
    }
    for (const subject of ['Hello\r\nBcc: x@y.vn', 'a\nb', 'a\rb', 'a\u2028b']) {
      await expect(service.send({ ...base, subject })).rejects.toMatchObject({ code: 'CONG_ERR_MAIL_HEADER', message: expect.stringContaining('subject') });
    }
    expect(await count('core_mail_outbox')).toBe(0);
    expect(await count('core_jobs')).toBe(0);

    // The accepted shapes.
    await service.send({ ...base, to: ['Nguyễn Văn A <a@tinh.gov.vn>', '<b@tinh.gov.vn>', '"Trần \\"Ba\\"" <c@tinh.gov.vn>', 'd.e+f@sub.tinh.gov.vn'] });
    const [entry] = (await mail.listOutbox({ limit: 1 })).items;
    expect(entry!.to).toEqual(['"Nguyễn Văn A" <a@tinh.gov.vn>', 'b@tinh.gov.vn', '"Trần \\"Ba\\"" <c@tinh.gov.vn>', 'd.e+f@sub.tinh.gov.vn']);
  });

  it('retries after a 451 reply and then delivers', async () => {
    let refusals = 1;
    sink.onRcpt = () => (refusals-- > 0 ? smtpError(451, 'Greylisted, try again later') : undefined);
    const id = await mail.forPlugin('hello').send({ to: 'a@tinh.gov.vn', subject: 'Thử lại', text: 'x' });

    expect(await queue.drain()).toBe(1);
    expect(sink.received).toHaveLength(0);
    const afterFirst = await mail.readOutbox(id);
    expect(afterFirst).toMatchObject({ status: 'queued', attempts: 1 });
    expect(afterFirst!.lastError).toMatch(/451/);

    // Not before the backoff.
    expect(await queue.drain()).toBe(0);
    clock += 1000;
    expect(await queue.drain()).toBe(1);
    expect(sink.received).toHaveLength(1);
    expect(await mail.readOutbox(id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('marks the message failed after a 550 reply, without retrying', async () => {
    sink.onRcpt = () => smtpError(550, 'No such user here');
    const id = await mail.forPlugin('hello').send({ to: 'ghost@tinh.gov.vn', subject: 'Không tồn tại', text: 'x' });

    expect(await queue.drain()).toBe(1);
    const failed = await mail.readOutbox(id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed!.lastError).toMatch(/550/);
    const job = await db.kysely.selectFrom('core_jobs').select(['id', 'status', 'attempts']).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'dead' });
    expect(Number(job.attempts)).toBe(1);

    clock += 24 * 3_600_000;
    expect(await queue.drain()).toBe(0);
    expect(sink.received).toHaveLength(0);
  });

  it('marks the message failed when the last attempt fails transiently', async () => {
    sink.onRcpt = () => smtpError(421, 'Service not available');
    const id = await mail.forPlugin('hello').send({ to: 'a@tinh.gov.vn', subject: 'S', text: 'x' });
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await queue.drain()).toBe(1);
      clock += 10_000;
    }
    expect(await mail.readOutbox(id)).toMatchObject({ status: 'failed', attempts: 3 });
    expect(sink.received).toHaveLength(0);
  });

  it('never delivers a message twice when its delivery job runs again', async () => {
    const id = await mail.forPlugin('hello').send({ to: 'a@tinh.gov.vn', subject: 'Một lần', text: 'x' });
    expect(await queue.drain()).toBe(1);
    expect(sink.received).toHaveLength(1);

    // A second delivery job for the same row (a rerun after a lost acknowledgement, a manual retry).
    await queue.enqueue('core', MAIL_DELIVERY_JOB, { outboxId: id });
    expect(await queue.drain()).toBe(1);
    expect(sink.received).toHaveLength(1);
    expect(await mail.readOutbox(id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('stores message and delivery job in the caller’s transaction, or neither', async () => {
    const service = mail.forPlugin('hello');
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await service.send({ to: 'a@tinh.gov.vn', subject: 'S', text: 'x' }, { trx });
        throw new Error('the business change failed');
      }),
    ).rejects.toThrow('the business change failed');
    expect(await count('core_mail_outbox')).toBe(0);
    expect(await count('core_jobs')).toBe(0);

    const id = await db.kysely.transaction().execute((trx) => service.send({ to: 'a@tinh.gov.vn', subject: 'S', text: 'x' }, { trx }));
    expect(await count('core_jobs')).toBe(1);
    expect(await queue.drain()).toBe(1);
    expect(await mail.readOutbox(id)).toMatchObject({ status: 'sent' });
  });

  it('lists the outbox newest first, by page and status, with the total', async () => {
    const held = makeService({ smtp: false });
    try {
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        clock = START + i * 1000;
        ids.push(await held.mail.forPlugin('hello').send({ to: 'a@tinh.gov.vn', subject: `Thư ${i}`, text: 'x' }));
      }
      await mail.forPlugin('hello').send({ to: 'a@tinh.gov.vn', subject: 'queued', text: 'x' });

      const first = await held.mail.listOutbox({ status: 'held', limit: 2 });
      expect(first.total).toBe(3);
      expect(first.items.map((m) => m.id)).toEqual([ids[2], ids[1]]);
      const second = await held.mail.listOutbox({ status: 'held', limit: 2, offset: 2 });
      expect(second).toMatchObject({ total: 3, items: [{ id: ids[0] }] });
      expect((await held.mail.listOutbox({ limit: 100 })).total).toBe(4);
      await expect(held.mail.listOutbox({ limit: 0 })).rejects.toMatchObject({ code: 'CONG_ERR_VALIDATION' });
      await expect(held.mail.listOutbox({ limit: 101 })).rejects.toMatchObject({ code: 'CONG_ERR_VALIDATION' });
    } finally {
      await held.mail.close();
    }
  });

  it('refuses an invalid platform sender at construction', () => {
    expect(() => new DefaultMailService({ db, queue, logger: quietLogger(), from: 'noreply@tinh.gov.vn\r\nBcc: x@y.vn' })).toThrowError(
      expect.objectContaining({ code: 'CONG_ERR_CONFIG_INVALID' }),
    );
  });
});
