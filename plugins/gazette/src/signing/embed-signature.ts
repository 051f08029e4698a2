import { SignPdf, Signer } from '@signpdf/signpdf';
import { CongError } from '@cong/sdk';
import { GAZETTE_ERR_SIGNING_ALREADY_SIGNED, GAZETTE_ERR_SIGNING_FAILED, GAZETTE_ERR_SIGNING_PLACEHOLDER_TOO_SMALL } from '../errors.js';
import { addSignaturePlaceholder, DEFAULT_SIGNATURE_SIZE, type SignaturePlaceholderOptions } from './signature-placeholder.js';
import type { SignatureDetails } from './pdf-signer.js';
import { findSignatures } from './pdf-signature-scanner.js';

/** Makes the DER CMS for the bytes a PDF signature covers (the file minus the /Contents value). */
export type CmsProducer = (signedContent: Uint8Array) => Promise<Uint8Array>;

/**
 * The placeholder → byte ranges → CMS → embed pipeline every {@link PdfSigner} shares. `@signpdf/signpdf`
 * computes the byte ranges and writes the hex signature; the CMS comes from `produceCms`.
 */
export async function signPdfWithCms(
  pdf: Uint8Array,
  details: SignatureDetails,
  placeholder: SignaturePlaceholderOptions,
  produceCms: CmsProducer,
): Promise<Uint8Array> {
  // Adding the placeholder rewrites the whole file, which would silently break an earlier signature.
  const existing = findSignatures(pdf).length;
  if (existing > 0) throw GAZETTE_ERR_SIGNING_ALREADY_SIGNED.create({ count: existing });

  let prepared: Uint8Array;
  try {
    prepared = await addSignaturePlaceholder(pdf, details, placeholder);
  } catch (cause) {
    throw GAZETTE_ERR_SIGNING_FAILED.create({ reason: `the PDF cannot be read (${messageOf(cause)})` }, { cause });
  }

  const room = placeholder.signatureSize ?? DEFAULT_SIGNATURE_SIZE;
  const signer = new (class extends Signer {
    override async sign(content: Buffer): Promise<Buffer> {
      const cms = await produceCms(new Uint8Array(content.buffer, content.byteOffset, content.byteLength));
      if (cms.length > room) throw GAZETTE_ERR_SIGNING_PLACEHOLDER_TOO_SMALL.create({ size: cms.length, placeholder: room });
      return Buffer.from(cms);
    }
  })();

  try {
    const signed = await new SignPdf().sign(Buffer.from(prepared), signer, details.signedAt);
    return new Uint8Array(signed.buffer, signed.byteOffset, signed.byteLength);
  } catch (error) {
    if (CongError.is(error)) throw error;
    throw GAZETTE_ERR_SIGNING_FAILED.create({ reason: messageOf(error) }, { cause: error });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
