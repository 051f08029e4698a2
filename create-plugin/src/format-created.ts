import { relative } from 'node:path';
import type { CreatedPlugin } from './create-plugin.js';

/** The report both CLIs print after a plugin was created: where, what, and the next steps. */
export function formatCreated(created: CreatedPlugin, cwd: string = process.cwd()): string {
  const where = relative(cwd, created.dir) || '.';
  const lines = [
    `Đã tạo / Created ${created.packageName} (plugin "${created.id}") in ${where}: ${created.files.length} files.`,
    ...(created.changeset ? [`  changeset: ${relative(cwd, created.changeset)}`] : []),
    ...(created.addedTo ? [`  ${relative(cwd, created.addedTo) || 'package.json'}: devDependencies += "${created.packageName}": "workspace:*" (cong start nạp nó / loads it)`] : []),
    '',
    'Tiếp theo / Next steps:',
    ...created.nextSteps.map((step) => `  ${step}`),
  ];
  return `${lines.join('\n')}\n`;
}
