/** A document's number and symbol (số, ký hiệu) as its parts: `41/2026/QĐ-UBND` → 41, 2026, `QĐ-UBND`. */
export interface NumberSymbol {
  readonly number: string;
  /** The year part, present on legal documents since 2016 (`41/2026/QĐ-UBND`), absent on others (`15/CT-UBND`). */
  readonly year: number | null;
  readonly symbol: string;
}

// Number: digits, optionally a letter (`12a`); year: four digits; symbol: letters (Vietnamese too) and
// digits in parts joined by `-` or `.` (`QĐ-UBND`, `NQ-HĐND`, `TB-VP.UBND`).
const PATTERN = /^(\d{1,6}[a-zA-Z]?)\/(?:(\d{4})\/)?([\p{L}\p{N}]+(?:[-.][\p{L}\p{N}]+)*)$/u;

/** The parts of `value`, or undefined when it does not read as a number and symbol. */
export function parseNumberSymbol(value: string): NumberSymbol | undefined {
  const match = PATTERN.exec(value.normalize('NFC').replace(/\s+/g, ''));
  if (!match) return undefined;
  return { number: match[1]!.replace(/^0+(?=\d)/, ''), year: match[2] === undefined ? null : Number(match[2]), symbol: match[3]!.toUpperCase() };
}

/** The form two numbers are compared in: `41/2026/QĐ-UBND` and `041 / 2026 / qđ-ubnd` are the same document. */
export function numberKey(value: string): string {
  const parsed = parseNumberSymbol(value);
  if (parsed) return `${parsed.number}/${parsed.year ?? ''}/${parsed.symbol}`.toUpperCase();
  return value.normalize('NFC').replace(/\s+/g, '').toUpperCase();
}
