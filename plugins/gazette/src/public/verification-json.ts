import { defineSchema } from '@cong/sdk';
import type { VerifiedSignature } from '../signing/index.js';
import { certificateValidAtSigning, matched, type FileVerification } from './file-verification.js';

const bi = (vi: string, en: string) => `${vi} / ${en}`;
const sha256 = { type: 'string', pattern: '^[0-9a-fA-F]{64}$' } as const;
const nullableString = { type: ['string', 'null'] } as const;
const localized = { type: 'object', additionalProperties: false, required: ['vi', 'en'], properties: { vi: { type: 'string' }, en: { type: 'string' } } } as const;

export const verifyQuery = defineSchema<{ sha256: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['sha256'],
  properties: { sha256: { ...sha256, description: bi('Mã băm SHA-256 của tệp (64 ký tự hex)', 'The file\'s SHA-256 (64 hex characters)') } },
});

export interface SignatureJson {
  readonly valid: boolean;
  readonly coversWholeDocument: boolean;
  readonly trusted: boolean;
  readonly certificateValidAtSigning: boolean | null;
  readonly signer: {
    readonly commonName: string | null;
    readonly organisation: string | null;
    readonly subject: string;
    readonly issuer: string;
    readonly issuerCommonName: string | null;
    readonly serialNumber: string;
    readonly validFrom: string;
    readonly validTo: string;
    readonly fingerprintSha256: string;
  } | null;
  readonly signedAt: string | null;
  readonly reason: string | null;
  readonly location: string | null;
  readonly subFilter: string | null;
  readonly bytesAppendedAfter: number;
  readonly problems: readonly { readonly vi: string; readonly en: string }[];
}

export interface VerificationJson {
  readonly sha256: string;
  readonly matched: boolean;
  readonly issues: readonly { readonly year: number; readonly numbers: string; readonly publicationDate: string; readonly url: string; readonly pdfUrl: string }[];
  readonly documents: readonly { readonly id: string; readonly documentType: string; readonly numberSymbol: string; readonly summary: string; readonly file: 'original' | 'electronic'; readonly url: string }[];
  readonly signature: { readonly signed: boolean; readonly signatures: readonly SignatureJson[] } | null;
}

export const verificationSchema = defineSchema<VerificationJson>({
  type: 'object',
  additionalProperties: false,
  required: ['sha256', 'matched', 'issues', 'documents', 'signature'],
  properties: {
    sha256: { ...sha256, description: bi('Mã băm SHA-256 của tệp', 'The file\'s SHA-256') },
    matched: { type: 'boolean', description: bi('Tệp là một tệp đã phát hành của Công báo này', 'The file is a published file of this gazette') },
    issues: {
      type: 'array',
      description: bi('Số Công báo có tệp PDF đã ký trùng mã băm', 'Issues whose signed PDF has this hash'),
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['year', 'numbers', 'publicationDate', 'url', 'pdfUrl'],
        properties: { year: { type: 'integer' }, numbers: { type: 'string' }, publicationDate: { type: 'string' }, url: { type: 'string' }, pdfUrl: { type: 'string' } },
      },
    },
    documents: {
      type: 'array',
      description: bi('Văn bản đã đăng có tệp trùng mã băm (bản gốc đã ký hoặc bản điện tử)', 'Published documents with a file of this hash (signed original or electronic copy)'),
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'documentType', 'numberSymbol', 'summary', 'file', 'url'],
        properties: { id: { type: 'string' }, documentType: { type: 'string' }, numberSymbol: { type: 'string' }, summary: { type: 'string' }, file: { type: 'string', enum: ['original', 'electronic'] }, url: { type: 'string' } },
      },
    },
    signature: {
      description: bi('Kết quả kiểm tra chữ ký số; null khi chỉ tra cứu mã băm', 'The signature check; null for a hash look-up'),
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          additionalProperties: false,
          required: ['signed', 'signatures'],
          properties: {
            signed: { type: 'boolean' },
            signatures: {
              type: 'array',
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['valid', 'coversWholeDocument', 'trusted', 'certificateValidAtSigning', 'signer', 'signedAt', 'reason', 'location', 'subFilter', 'bytesAppendedAfter', 'problems'],
                properties: {
                  valid: { type: 'boolean', description: bi('Nội dung được ký không đổi, chữ ký khớp chứng thư, chứng thư có hiệu lực khi ký', 'Signed bytes unchanged, signature verifies, certificate valid at signing') },
                  coversWholeDocument: { type: 'boolean', description: bi('Chữ ký bao trùm toàn bộ tệp', 'The signature covers the whole file') },
                  trusted: { type: 'boolean', description: bi('Chứng thư dẫn đến chứng thư gốc tin cậy đã cấu hình', 'The certificate chains to a configured trusted root') },
                  certificateValidAtSigning: { type: ['boolean', 'null'] },
                  signer: {
                    anyOf: [
                      { type: 'null' },
                      {
                        type: 'object',
                        additionalProperties: false,
                        required: ['commonName', 'organisation', 'subject', 'issuer', 'issuerCommonName', 'serialNumber', 'validFrom', 'validTo', 'fingerprintSha256'],
                        properties: {
                          commonName: nullableString,
                          organisation: nullableString,
                          subject: { type: 'string' },
                          issuer: { type: 'string' },
                          issuerCommonName: nullableString,
                          serialNumber: { type: 'string' },
                          validFrom: { type: 'string' },
                          validTo: { type: 'string' },
                          fingerprintSha256: { type: 'string' },
                        },
                      },
                    ],
                  },
                  signedAt: nullableString,
                  reason: nullableString,
                  location: nullableString,
                  subFilter: nullableString,
                  bytesAppendedAfter: { type: 'integer' },
                  problems: { type: 'array', items: localized },
                },
              },
            },
          },
        },
      ],
    },
  },
});

function signatureJson(s: VerifiedSignature): SignatureJson {
  return {
    valid: s.valid,
    coversWholeDocument: s.coversWholeDocument,
    trusted: s.trusted,
    certificateValidAtSigning: certificateValidAtSigning(s),
    signer: s.signer
      ? {
          commonName: s.signer.commonName,
          organisation: s.signer.organisation,
          subject: s.signer.subject,
          issuer: s.signer.issuer,
          issuerCommonName: s.signer.issuerCommonName,
          serialNumber: s.signer.serialNumber,
          validFrom: s.signer.validFrom,
          validTo: s.signer.validTo,
          fingerprintSha256: s.signer.fingerprintSha256,
        }
      : null,
    signedAt: s.signedAt,
    reason: s.reason,
    location: s.location,
    subFilter: s.subFilter,
    bytesAppendedAfter: s.bytesAppendedAfter,
    problems: s.problems.map((p) => ({ vi: p.vi, en: p.en })),
  };
}

export interface VerificationLinks {
  issuePath(year: number, number: number): string;
  pdfUrl(issueId: string): string;
  url(sitePath: string): string;
}

/** The verification as the public API answers it, with absolute links on the request's site. */
export function verificationJson(v: FileVerification, links: VerificationLinks): VerificationJson {
  return {
    sha256: v.sha256,
    matched: matched(v),
    issues: v.issues.map((i) => ({ year: i.year, numbers: i.numbers, publicationDate: i.publicationDate, url: links.issuePath(i.year, i.numberFrom), pdfUrl: links.pdfUrl(i.id) })),
    documents: v.documents.map((d) => ({ id: d.id, documentType: d.documentType, numberSymbol: d.numberSymbol, summary: d.summary, file: d.file, url: links.url(d.eliPath) })),
    signature: v.signature ? { signed: v.signature.signed, signatures: v.signature.signatures.map(signatureJson) } : null,
  };
}
