import { cancel, confirm, intro, isCancel, text } from '@clack/prompts';
import { SCAFFOLD_ERR_CANCELLED } from './errors.js';
import type { CreatePluginOptions } from './create-plugin.js';
import { pluginIdProblem, RESERVED_PLUGIN_IDS } from './plugin-id.js';

/**
 * Whether to ask questions: only on a terminal (stdin and stdout are TTYs), never under CI, never
 * with `--yes`. Everything else takes flags and defaults.
 */
export function shouldPrompt(options: { readonly yes?: boolean | undefined }, env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI.toLowerCase() !== 'false';
  return options.yes !== true && !ci && process.stdin.isTTY === true && process.stdout.isTTY === true;
}

/** Asks (with @clack/prompts) for what the options leave out; flags given are not asked again. */
export async function promptForOptions(options: CreatePluginOptions & { readonly adminGiven?: boolean; readonly widgetsGiven?: boolean }): Promise<CreatePluginOptions> {
  intro('Tạo plugin Cổng / Create a Cổng plugin');
  const id =
    options.id ??
    answer(
      await text({
        message: 'Mã plugin / Plugin id (a-z, 0-9, -)',
        placeholder: 'thong-bao',
        validate: (value) => {
          const problem = pluginIdProblem(value ?? '');
          if (problem) return `${problem.vi} / ${problem.en}`;
          const reserved = RESERVED_PLUGIN_IDS.get(value ?? '');
          return reserved ? `${reserved.vi} / ${reserved.en}` : undefined;
        },
      }),
    );
  const nameVi = options.nameVi ?? answer(await text({ message: 'Tên tiếng Việt / Vietnamese name', placeholder: 'Thông báo', validate: required }));
  const nameEn = options.nameEn ?? answer(await text({ message: 'Tên tiếng Anh / English name', placeholder: 'Notices', defaultValue: nameVi }));
  const description = options.description ?? answer(await text({ message: 'Mô tả một dòng / One-line description', placeholder: '(tuỳ chọn / optional)', defaultValue: '' }));
  const admin = options.adminGiven ? options.admin : answer(await confirm({ message: 'Trang quản trị và tiện ích bảng điều khiển? / Admin page and dashboard widget?', initialValue: true }));
  const widgets = options.widgetsGiven ? options.widgets : answer(await confirm({ message: 'Tiện ích nhúng công khai? / Public embeddable widget?', initialValue: true }));
  return { ...options, id, nameVi, nameEn, description: description || undefined, admin, widgets };
}

/** The answer, or SCAFFOLD_ERR_CANCELLED when the user pressed Ctrl+C or Esc. */
function answer<T>(value: T): Exclude<T, symbol> {
  if (isCancel(value)) {
    cancel('Đã huỷ / Cancelled');
    throw SCAFFOLD_ERR_CANCELLED.create();
  }
  return value as Exclude<T, symbol>;
}

function required(value: string | undefined): string | undefined {
  return value && value.trim() ? undefined : 'Bắt buộc / Required';
}
