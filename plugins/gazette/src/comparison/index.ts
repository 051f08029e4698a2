// The gazette's text extraction and comparison library (GAZ-11, GAZ-12, GAZ-14): pure functions over
// file bytes and strings, no database and no HTTP. The submission workflow builds on these.
export type { DocumentFile, DocumentFormat, ExtractedText, ExtractionMethod, LocalizedText } from './extracted-text.js';
export { extractText } from './extract-text.js';
export type { ExtractTextOptions } from './extract-text.js';
export { detectOcr, tesseractOcr } from './ocr.js';
export type { OcrAvailability, OcrEngine, OcrRunOptions, TesseractOcrOptions } from './ocr.js';
export { detectLegacyEncoding, isLegacyVietnameseFont } from './legacy-encoding.js';
export type { LegacyEncoding, LegacyEncodingDetection } from './legacy-encoding.js';
export { normalizeForComparison, normalizeWord, tokenizeForComparison } from './normalize-text.js';
export type { TextToken } from './normalize-text.js';
export { compareTexts } from './word-diff.js';
export type { CompareTextsOptions, DiffSegment, Discrepancy, TextComparison, TextSpan } from './word-diff.js';
export { checkSubmissionTexts } from './intake-checks.js';
export type { IntakeFlag, IntakeFlagCode, SubmissionTexts } from './intake-checks.js';
