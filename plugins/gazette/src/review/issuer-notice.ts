import type { SubmissionRow } from '../intake/gazette-database.js';
import type { DiscrepancyView } from './comparison.schema.js';

/** The e-mail that tells an issuer its electronic copy does not match the signed original (GAZ-14). */
export interface IssuerNotice {
  readonly subject: string;
  readonly text: string;
}

const quote = (words: string) => (words === '' ? '(không có / nothing)' : `"${words}"`);

/**
 * Vietnamese first, English second. Lists every discrepancy with its context and the reviewer's notes,
 * and asks for the corrected copy within the day, so the publication deadline can still be met.
 */
export function issuerNotice(row: SubmissionRow, round: number, discrepancies: readonly DiscrepancyView[], notes: readonly string[], officeName: string, link: string): IssuerNotice {
  const register = row.register_number === null ? '' : ` (số đăng ký ${row.register_number}/${row.register_year})`;
  const lines = discrepancies.map(
    (d, i) => `${i + 1}. … ${d.before} [bản gốc / original: ${quote(d.original)} — bản điện tử / electronic copy: ${quote(d.electronic)}] ${d.after} …`,
  );
  const noteLines = notes.map((note, i) => `${lines.length + i + 1}. ${note}`);
  const text = [
    `Kính gửi đơn vị ban hành ${row.issuing_agency},`,
    '',
    `${officeName} đã đối chiếu bản điện tử với bản gốc của văn bản ${row.number_symbol}${register} "${row.summary}" (lần đối chiếu thứ ${round}) và phát hiện nội dung chưa khớp:`,
    '',
    ...lines,
    ...noteLines,
    '',
    'Đề nghị đơn vị gửi lại bản điện tử (hoặc bản gốc) đúng ngay trong ngày để bảo đảm thời hạn đăng Công báo.',
    `Xem chi tiết: ${link}`,
    '',
    '—',
    '',
    `The gazette office compared the electronic copy of ${row.number_symbol} with its signed original (round ${round}) and found ${lines.length + noteLines.length} discrepanc${lines.length + noteLines.length === 1 ? 'y' : 'ies'} (listed above).`,
    'Please send the corrected copy today, so the document can still be published on time.',
    `Details: ${link}`,
  ].join('\n');
  return {
    subject: `[Công báo] Văn bản ${row.number_symbol} chưa khớp với bản gốc / Discrepancies in ${row.number_symbol}`,
    text,
  };
}
