import type { Finding } from './finding.js';

/**
 * Findings for a terminal: one block each, `file:line  severity  rule`, the problem in Vietnamese
 * then English, and the fix; a closing count line.
 */
export function formatFindings(dir: string, findings: readonly Finding[]): string {
  const blocks = findings.map((f) =>
    [
      `${f.file}${f.line !== undefined ? `:${f.line}` : ''}  ${f.severity === 'error' ? 'lỗi/error' : 'cảnh báo/warning'}  [${f.rule}]`,
      `  ${f.message.vi}`,
      `  ${f.message.en}`,
      `  → Cách sửa: ${f.fix.vi}`,
      `  → Fix: ${f.fix.en}`,
    ].join('\n'),
  );
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const summary =
    findings.length === 0
      ? `${dir}: không có vấn đề nào / no findings.`
      : `${dir}: ${errors} lỗi, ${warnings} cảnh báo / ${errors} error(s), ${warnings} warning(s).`;
  return `${[...blocks, summary].join('\n\n')}\n`;
}
