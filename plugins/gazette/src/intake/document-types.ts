import type { LocalizedText } from '@cong/sdk';

/**
 * Kinds of document a provincial gazette publishes (GAZ-02): the legal documents of the provincial
 * People's Council and People's Committee and of communes, decisions annulling or suspending them,
 * notices of expired documents, and others the issuer decides to publish.
 */
export const DOCUMENT_TYPES: Readonly<Record<string, LocalizedText>> = {
  'nghi-quyet': { vi: 'Nghị quyết', en: 'Resolution' },
  'quyet-dinh': { vi: 'Quyết định', en: 'Decision' },
  'chi-thi': { vi: 'Chỉ thị', en: 'Directive' },
  'thong-bao': { vi: 'Thông báo', en: 'Notice' },
  'van-ban-khac': { vi: 'Văn bản khác', en: 'Other document' },
};
export const DOCUMENT_TYPE_CODES = Object.keys(DOCUMENT_TYPES);

/**
 * How the document reached the office (GAZ-17 "source channel"): through this portal, the document
 * management system (liên thông văn bản), e-mail, post, by hand, or otherwise.
 */
export const SOURCE_CHANNELS = ['portal', 'document-system', 'email', 'post', 'hand-delivery', 'other'] as const;
export type SourceChannel = (typeof SOURCE_CHANNELS)[number];
