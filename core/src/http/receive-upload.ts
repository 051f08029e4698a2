import busboy, { type Busboy } from 'busboy';
import type { Context } from 'koa';
import type { Readable } from 'node:stream';
import {
  CONG_ERR_FILE_TOO_LARGE,
  CONG_ERR_FILE_TYPE,
  CONG_ERR_MALFORMED_BODY,
  CONG_ERR_PAYLOAD_TOO_LARGE,
  CONG_ERR_UNSUPPORTED_MEDIA_TYPE,
  CONG_ERR_VALIDATION,
  CongError,
  type FieldIssue,
  type FileService,
  type RouteSchemas,
  type StoredFile,
} from '@cong/sdk';

/** A route's upload declaration (`schema.upload`). */
export type UploadDeclaration = NonNullable<RouteSchemas['upload']>;

/** STACK.md "Body parsing with limits": one file, a form's worth of fields, nothing more. */
export const UPLOAD_LIMITS = Object.freeze({ files: 1, fields: 20, parts: 25 });

/** What a multipart request carried: the stored file (if one came) and the other fields as text. */
export interface ReceivedUpload {
  readonly file: StoredFile | undefined;
  /** Field name → value; a field sent more than once is an array. Null prototype. */
  readonly fields: Record<string, string | string[]>;
}

export interface ReceiveUploadOptions {
  readonly files: FileService;
  readonly tenantId: string | undefined;
  /** Largest value of one text field, in bytes (the route's body limit). */
  readonly fieldBytes: number;
}

/** Thrown when the client went away mid-request; nobody reads the answer, the log does. */
const clientGone = () => CONG_ERR_MALFORMED_BODY.create({ format: 'multipart/form-data' }, { detail: 'The client closed the connection during the upload' });

/**
 * Reads a `multipart/form-data` request with busboy, streaming its one file straight into the plugin's
 * {@link FileService} (which sniffs the type and stops at the size limit as it writes) and collecting
 * the text fields. Nothing is buffered beyond a field's value, and nothing is written but the file.
 *
 * On any failure — a limit passed, a second file, a file under another name, malformed multipart, the
 * client gone — reading stops at once, the file being written is abandoned (the store removes its
 * partial content) or, if it was already stored, removed, and the error names the field. The caller
 * owns the returned file: it must remove it if the request fails later.
 */
export async function receiveUpload(ctx: Context, upload: UploadDeclaration, options: ReceiveUploadOptions): Promise<ReceivedUpload> {
  if (ctx.request.type !== 'multipart/form-data') {
    throw CONG_ERR_UNSUPPORTED_MEDIA_TYPE.create({ type: ctx.request.type || '(none)' }, { detail: `This route takes multipart/form-data with the file in field "${upload.field}"` });
  }
  const pointer = `/${upload.field}`;
  let parser: Busboy;
  try {
    parser = busboy({
      headers: ctx.req.headers,
      // Browsers send UTF-8 names without RFC 5987 encoding; busboy's default (latin1) would garble "Ảnh đẹp.jpg".
      defParamCharset: 'utf8',
      limits: {
        ...UPLOAD_LIMITS,
        // One byte over the route's limit reaches the store, which then refuses with the limit named.
        fileSize: upload.maxBytes === undefined ? Infinity : upload.maxBytes + 1,
        fieldSize: options.fieldBytes,
        fieldNameSize: 100,
      },
    });
  } catch (cause) {
    throw CONG_ERR_MALFORMED_BODY.create({ format: 'multipart/form-data' }, { detail: `The multipart request is malformed: ${(cause as Error).message}`, cause });
  }

  const fields = Object.create(null) as Record<string, string | string[]>;
  let fileStream: Readable | undefined;
  let saving: Promise<StoredFile> | undefined;

  const parsed = new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      ctx.req.unpipe(parser);
      if (!ctx.req.complete) {
        // The rest of the body is unread: discard it until the answer is out, then drop the
        // connection, which would otherwise read the leftover bytes as the next request.
        ctx.set('connection', 'close');
        ctx.req.resume();
      }
      fileStream?.destroy(error instanceof Error ? error : new Error(String(error)));
      parser.destroy();
      reject(error);
    };
    const invalid = (issuePointer: string, message: string, keyword: string) =>
      fail(CONG_ERR_VALIDATION.create({}, { detail: `body ${issuePointer || '(whole)'} ${message}`, errors: [{ in: 'body', pointer: issuePointer, message, keyword }] }));

    parser.on('file', (name, stream, info) => {
      // Errors of a file stream reach the client through the save's rejection or `fail`.
      stream.on('error', () => undefined);
      if (name !== upload.field) {
        stream.resume();
        invalid(`/${name}`, `is not allowed: this route takes its file in field "${upload.field}"`, 'additionalProperties');
        return;
      }
      // The store reads one byte past the route's limit (fileSize above), so it, not busboy's silent
      // truncation, decides "too large".
      fileStream = stream;
      saving = options.files.save(stream, {
        originalName: info.filename ?? 'file',
        tenantId: options.tenantId ?? null,
        ...(upload.maxBytes !== undefined ? { maxBytes: upload.maxBytes } : {}),
        ...(upload.allowedTypes !== undefined ? { allowedTypes: upload.allowedTypes } : {}),
      });
      saving.catch(fail);
    });
    parser.on('field', (name, value, info) => {
      if (info.nameTruncated || info.valueTruncated) {
        fail(CONG_ERR_PAYLOAD_TOO_LARGE.create({ limit: `${options.fieldBytes} bytes` }, { errors: [{ in: 'body', pointer: `/${name}`, message: `is longer than ${options.fieldBytes} bytes`, keyword: 'maxLength' }] }));
        return;
      }
      const previous = fields[name];
      fields[name] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
    });
    parser.on('filesLimit', () => invalid(pointer, 'takes one file only', 'maxItems'));
    parser.on('fieldsLimit', () => invalid('', `has more than ${UPLOAD_LIMITS.fields} fields`, 'maxProperties'));
    parser.on('partsLimit', () => invalid('', `has more than ${UPLOAD_LIMITS.parts} parts`, 'maxProperties'));
    parser.on('error', (cause: Error) =>
      fail(CONG_ERR_MALFORMED_BODY.create({ format: 'multipart/form-data' }, { detail: `The multipart request is malformed: ${cause.message}`, cause })),
    );
    parser.on('close', () => {
      if (!failed) resolve();
    });
    // `aborted` fires only when the body was cut short; `close` after a complete body is normal.
    ctx.req.once('close', () => {
      if (!ctx.req.complete) fail(clientGone());
    });
    ctx.req.once('error', (cause) => fail(Object.assign(clientGone(), { cause })));
    ctx.req.pipe(parser);
  });

  try {
    await parsed;
    return { file: saving ? await saving : undefined, fields };
  } catch (error) {
    // The store removes a file it could not finish; one it finished before the failure goes here.
    const stored = await saving?.catch(() => undefined);
    if (stored) await options.files.remove(stored.id).catch(() => undefined);
    throw nameTheField(error, pointer);
  }
}

/** The store's size and type errors, with the upload field named for the client. */
function nameTheField(error: unknown, pointer: string): unknown {
  if (!CongError.is(error) || error.errors.length > 0) return error;
  const stored: CongError = error;
  const issue = (message: string, keyword: string): FieldIssue[] => [{ in: 'body', pointer, message, keyword }];
  if (stored.code === CONG_ERR_FILE_TOO_LARGE.code) {
    return CONG_ERR_FILE_TOO_LARGE.create({}, { detail: stored.message, errors: issue(stored.message.replace(/^The file /, ''), 'maxBytes'), cause: stored });
  }
  if (stored.code === CONG_ERR_FILE_TYPE.code) {
    const message = stored.message.replace(/^Files of type (.*) are not accepted$/, 'is of type $1, which is not accepted');
    return CONG_ERR_FILE_TYPE.create({}, { detail: stored.message, errors: issue(message, 'contentMediaType'), cause: stored });
  }
  return stored;
}
