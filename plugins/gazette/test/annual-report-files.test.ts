import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from '../src/reports/annual-report.routes.js';
import { reportPeriod } from '../src/reports/report-period.js';
import { xlsxWorkbook } from '../src/reports/xlsx-workbook.js';
import { parseXmlInChromium } from './public-support.js';

// The hand-written XLSX writer with hostile text, the report period's edges and the download name:
// no database, no server.

describe('the XLSX writer', () => {
  it('escapes text, drops characters XML forbids, keeps numbers numeric, and makes sheet names valid and unique', async () => {
    const hostile = 'Sở <Tư pháp> & "Nội vụ" \u0007 \ud800 ✔';
    const book = unzipSync(
      xlsxWorkbook(
        [
          { name: 'Đính chính theo nguyên nhân / lý do: [tổng hợp]?', header: ['Nguyên nhân', 'Số'], rows: [[hostile, 3], ['  khoảng trắng  ', 0.5]] },
          { name: 'Đính chính theo nguyên nhân / lý do: [tổng hợp]?', header: ['A'], rows: [] },
          { name: '', header: ['B'], rows: [[Number.NaN]] },
        ],
        'Báo cáo & thử',
      ),
    );
    const parts = Object.values(book).map((bytes) => strFromU8(bytes));
    for (const parsed of await parseXmlInChromium(parts)) expect(parsed.error).toBeNull();
    const names = [...strFromU8(book['xl/workbook.xml']!).matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual(['Đính chính theo nguyên nhân lý', 'Đính chính theo nguyên nhân l 2', 'Sheet3']);
    expect(names.every((n) => n!.length <= 31)).toBe(true);
    const sheet = strFromU8(book['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('<t xml:space="preserve">Sở &lt;Tư pháp&gt; &amp; &quot;Nội vụ&quot;   ✔</t>');
    expect(sheet).toContain('<c r="B2"><v>3</v></c>');
    expect(sheet).toContain('<c r="B3"><v>0.5</v></c>');
    expect(sheet).toContain('<t xml:space="preserve">  khoảng trắng  </t>');
    // NaN is not a number a spreadsheet can hold: written as text.
    expect(strFromU8(book['xl/worksheets/sheet3.xml']!)).toContain('<c r="A2" t="inlineStr"><is><t xml:space="preserve">NaN</t></is></c>');
  });
});

describe('the report period', () => {
  it('defaults to the year in Vietnam time and bounds it in epoch ms', () => {
    const p = reportPeriod(2026);
    expect(p).toMatchObject({ year: 2026, from: '2026-01-01', to: '2026-12-31' });
    expect(new Date(p.startMs).toISOString()).toBe('2025-12-31T17:00:00.000Z');
    expect(new Date(p.endMs).toISOString()).toBe('2026-12-31T17:00:00.000Z');
    expect(reportPeriod(2026, '2026-03-01')).toMatchObject({ from: '2026-03-01', to: '2026-12-31' });
  });

  it('names the field of a day that does not exist, a reversed range or one over ten years', () => {
    const pointer = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return (error as { errors?: { pointer: string }[] }).errors?.[0]?.pointer ?? JSON.stringify(error);
      }
      return 'no error';
    };
    expect(pointer(() => reportPeriod(2026, '2026-02-29'))).toBe('/from');
    expect(pointer(() => reportPeriod(2026, undefined, '2026-13-01'))).toBe('/to');
    expect(pointer(() => reportPeriod(2026, '2026-05-01', '2026-04-30'))).toBe('/to');
    expect(pointer(() => reportPeriod(2026, '2000-01-01', '2026-01-01'))).toBe('/to');
    expect(reportPeriod(2024, '2024-02-29', '2024-02-29')).toMatchObject({ from: '2024-02-29', to: '2024-02-29' });
  });
});

describe('the download name', () => {
  it('gives an ASCII fallback and the Vietnamese name percent-encoded (RFC 6266)', () => {
    const value = attachmentDisposition('bao-cao-cong-tac-cong-bao-2026.docx', "Báo cáo công tác Công báo năm 2026 (bản 'nháp').docx");
    expect(value).toBe(`attachment; filename="bao-cao-cong-tac-cong-bao-2026.docx"; filename*=UTF-8''${encodeURIComponent("Báo cáo công tác Công báo năm 2026 (bản 'nháp').docx").replace(/'/g, '%27').replace(/\(/g, '%28').replace(/\)/g, '%29')}`);
    expect(decodeURIComponent(value.split("UTF-8''")[1]!)).toBe("Báo cáo công tác Công báo năm 2026 (bản 'nháp').docx");
  });
});
