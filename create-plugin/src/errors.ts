// The scaffolder's error codes. docs/reference/errors.md lists them with the other packages' (a test
// keeps both in sync). Each message is Vietnamese then English on one line: `cong` prints only the
// first line of a failure (`cong: <CODE>: <reason>`).

/** An error the scaffolder refuses with: a stable code, an HTTP-like status, a one-line message. */
export class ScaffoldError extends Error {
  constructor(
    readonly code: string,
    message: string,
    // The status makes the core's CLI print `cong: <CODE>: <message>` like its own errors (CongError.is).
    readonly status: number,
  ) {
    super(message);
    this.name = 'ScaffoldError';
  }
}

/** A registered code: its template and a factory, in the shape of the sdk's `createErrorCode`. */
export interface ScaffoldErrorCode {
  readonly code: string;
  readonly status: number;
  readonly template: string;
  create(params?: Readonly<Record<string, string>>): ScaffoldError;
  is(value: unknown): value is ScaffoldError;
}

// The scaffolder cannot depend on @cong/sdk (it runs before a project has one), so it mirrors
// createErrorCode here: same shape, same `{name}` templates.
function createScaffoldErrorCode(code: string, template: string, status: number): ScaffoldErrorCode {
  return Object.freeze({
    code,
    status,
    template,
    create: (params: Readonly<Record<string, string>> = {}) =>
      new ScaffoldError(code, template.replace(/\{(\w+)\}/g, (whole, key: string) => params[key] ?? whole), status),
    is: (value: unknown): value is ScaffoldError => value instanceof ScaffoldError && value.code === code,
  });
}

export const SCAFFOLD_ERR_ID_REQUIRED = createScaffoldErrorCode(
  'SCAFFOLD_ERR_ID_REQUIRED',
  'Thiếu mã plugin: cong create-plugin <id> (hoặc chạy trong terminal để được hỏi) / The plugin id is missing: cong create-plugin <id> (or run it in a terminal to be asked)',
  400,
);
export const SCAFFOLD_ERR_ID_INVALID = createScaffoldErrorCode(
  'SCAFFOLD_ERR_ID_INVALID',
  'Mã plugin "{id}" không hợp lệ: {reasonVi} / Plugin id "{id}" is invalid: {reasonEn}',
  400,
);
export const SCAFFOLD_ERR_ID_RESERVED = createScaffoldErrorCode(
  'SCAFFOLD_ERR_ID_RESERVED',
  'Mã plugin "{id}" được dành riêng ({whyVi}); hãy chọn mã khác / Plugin id "{id}" is reserved ({whyEn}); choose another one',
  409,
);
export const SCAFFOLD_ERR_ID_TAKEN = createScaffoldErrorCode(
  'SCAFFOLD_ERR_ID_TAKEN',
  'Mã plugin "{id}" đã được dùng bởi {owner}; hãy chọn mã khác / Plugin id "{id}" is already used by {owner}; choose another one',
  409,
);
export const SCAFFOLD_ERR_TARGET_EXISTS = createScaffoldErrorCode(
  'SCAFFOLD_ERR_TARGET_EXISTS',
  'Thư mục {dir} đã tồn tại và không rỗng; không ghi đè / The folder {dir} already exists and is not empty; nothing was overwritten',
  409,
);
export const SCAFFOLD_ERR_OPTION_INVALID = createScaffoldErrorCode(
  'SCAFFOLD_ERR_OPTION_INVALID',
  'Tuỳ chọn {option} không hợp lệ: {reasonVi} / Option {option} is invalid: {reasonEn}',
  400,
);
export const SCAFFOLD_ERR_CANCELLED = createScaffoldErrorCode('SCAFFOLD_ERR_CANCELLED', 'Đã huỷ, không tạo gì / Cancelled, nothing was created', 400);
