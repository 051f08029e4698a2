import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { PDFDocument } from 'pdf-lib';
import type { SignatureDetails } from './pdf-signer.js';
import { encodePdfTextString } from './pdf-text-string.js';

/** The two signature formats a PDF names in /SubFilter. */
export type SignatureSubFilter = 'ETSI.CAdES.detached' | 'adbe.pkcs7.detached';

/**
 * Bytes reserved for the DER signature by default. A CMS with an RSA-2048 signer, a three-certificate
 * Vietnamese CA chain and the signed attributes is about 5 KB; 16 KB leaves room for RSA-4096 chains
 * and for a timestamp token added later (PAdES B-T).
 */
export const DEFAULT_SIGNATURE_SIZE = 16_384;

/** Options of {@link addSignaturePlaceholder}. */
export interface SignaturePlaceholderOptions {
  readonly subFilter: SignatureSubFilter;
  /** Bytes reserved for the DER signature. Default {@link DEFAULT_SIGNATURE_SIZE}. */
  readonly signatureSize?: number;
  /** Written as /Prop_Build /App /Name (ASCII). Default `Cong.Gazette`. */
  readonly appName?: string;
}

/**
 * Rewrites the PDF with an invisible signature field on page 1 whose /Contents is zero-filled and whose
 * /ByteRange is a placeholder, ready for `@signpdf/signpdf` to fill. Object streams stay off so the
 * signature dictionary is written in clear where the byte ranges can be computed.
 */
export async function addSignaturePlaceholder(
  pdf: Uint8Array,
  details: SignatureDetails,
  options: SignaturePlaceholderOptions,
): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  pdflibAddPlaceholder({
    pdfDoc: document,
    reason: encodePdfTextString(details.reason),
    location: encodePdfTextString(details.location),
    contactInfo: encodePdfTextString(details.contactInfo ?? ''),
    name: encodePdfTextString(details.name),
    signingTime: details.signedAt,
    signatureLength: options.signatureSize ?? DEFAULT_SIGNATURE_SIZE,
    subFilter: options.subFilter,
    // pdf-lib writes the application name as a PDF name object, so it stays ASCII.
    appName: options.appName ?? 'Cong.Gazette',
  });
  return document.save({ useObjectStreams: true });
}
