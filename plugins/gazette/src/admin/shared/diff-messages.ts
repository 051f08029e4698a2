import { localized } from '@cong/sdk/admin';

/** The comparison's texts, for the office's view and the issuer's returned round alike. */
export const diffMessages = {
  vi: {
    deleted: 'bị xóa',
    inserted: 'được thêm',
    deletedEnd: 'hết phần bị xóa',
    insertedEnd: 'hết phần được thêm',
    original: 'Bản gốc đã ký',
    electronic: 'Bản điện tử',
    methods: { 'pdf-text': 'lớp chữ của PDF', 'docx-text': 'nội dung DOCX', ocr: 'nhận dạng chữ (OCR)', none: 'không đọc được nội dung' } as Record<string, string>,
    legend: 'Chữ gạch ngang nền đỏ: có trong bản gốc nhưng thiếu trong bản điện tử. Chữ gạch dưới nền xanh: có trong bản điện tử nhưng không có trong bản gốc.',
    discrepancies: 'Các điểm sai khác',
    noDiscrepancy: 'Không có sai khác về chữ.',
    originalSays: 'Bản gốc',
    electronicSays: 'Bản điện tử',
    missing: '(không có)',
    context: 'Ngữ cảnh',
    summary: (similarity: number, count: number) => `Mức giống nhau ${Math.round(similarity * 1000) / 10}%; ${count} điểm sai khác.`,
    identical: 'Hai bản trùng khớp về chữ.',
  },
  en: {
    deleted: 'deleted',
    inserted: 'added',
    deletedEnd: 'end of deletion',
    insertedEnd: 'end of addition',
    original: 'Signed original',
    electronic: 'Electronic copy',
    methods: { 'pdf-text': 'PDF text layer', 'docx-text': 'DOCX text', ocr: 'OCR', none: 'no text could be read' } as Record<string, string>,
    legend: 'Struck through on red: in the original but missing from the electronic copy. Underlined on green: in the electronic copy but not in the original.',
    discrepancies: 'Discrepancies',
    noDiscrepancy: 'No difference in the words.',
    originalSays: 'Original',
    electronicSays: 'Electronic copy',
    missing: '(nothing)',
    context: 'Context',
    summary: (similarity: number, count: number) => `Similarity ${Math.round(similarity * 1000) / 10}%; ${count} discrepanc${count === 1 ? 'y' : 'ies'}.`,
    identical: 'The two copies have the same words.',
  },
};

export type DiffTexts = typeof diffMessages.vi;
export const diffTexts = (): DiffTexts => localized(diffMessages);
