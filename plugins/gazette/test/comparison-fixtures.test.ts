import { describe, expect, it } from 'vitest';
import { gazetteDocumentLayout, gazetteDocumentText, makeDocx, makeTextPdf } from './fixtures/gazette-documents.js';

const latin1 = (bytes: Uint8Array, length: number) => Buffer.from(bytes.subarray(0, length)).toString('latin1');

describe('gazette document fixtures', () => {
  it('write a real DOCX (ZIP) and a PDF with exactly the pages asked for', async () => {
    expect(latin1(await makeDocx(gazetteDocumentLayout()), 2)).toBe('PK');
    const pdf = await makeTextPdf(gazetteDocumentText(), { pages: 3 });
    expect(latin1(pdf, 5)).toBe('%PDF-');
    expect(Buffer.from(pdf).toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(3);
    // Fewer paragraphs than pages: blank pages at the end.
    const blanks = await makeTextPdf(['Một trang chữ.'], { pages: 2 });
    expect(Buffer.from(blanks).toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(2);
  });

  it('vary the decision text as asked', () => {
    const full = gazetteDocumentText();
    expect(full).toContain('VĂN BẢN GỬI ĐĂNG CÔNG BÁO ĐIỆN TỬ');
    expect(full).toContain('- Công báo tỉnh;');
    expect(full.join('\n')).toMatch(/Số: 41\/2026\/QĐ-UBND[\s\S]*Điều 1\.[\s\S]*Nơi nhận:/u);
    expect(gazetteDocumentText({ marker: false })).not.toContain('VĂN BẢN GỬI ĐĂNG CÔNG BÁO ĐIỆN TỬ');
    expect(gazetteDocumentText({ recipientsWithGazette: false })).not.toContain('- Công báo tỉnh;');
    const changed = gazetteDocumentText({ discrepancy: true });
    expect(changed.filter((paragraph, index) => paragraph !== full[index])).toEqual([expect.stringContaining('chậm nhất sau 10 ngày làm việc')]);
  });
});
