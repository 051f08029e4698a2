// Signing a gazette issue with a PKCS#12 certificate and verifying it (GAZ-05, GAZ-23): real PDFs, real
// RSA keys and certificates from a throwaway CA, no mocks. pdfsig (poppler, NSS) checks the result
// independently where it is installed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { P12Signer as LibraryP12Signer } from '@signpdf/signer-p12';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHash, createPrivateKey, sign as signWithKey, X509Certificate } from 'node:crypto';
import { chromium } from 'playwright-core';
import { buildDetachedCms, P12Signer, verifyPdfSignature, type SignatureDetails } from '../src/signing/index.js';
import { signPdfWithCms } from '../src/signing/embed-signature.js';
import { ISSUE_LINE, ISSUE_TITLE, makeIssuePdf, testPki, TEST_ORGANISATION_NAME, type TestPki } from './fixtures/test-certificate.js';

const PDFSIG = '/usr/bin/pdfsig';
const OPENSSL = '/usr/bin/openssl';
const CHROMIUM = process.env.CONG_CHROMIUM ?? '/usr/bin/chromium';
const REASON = 'Phát hành Công báo tỉnh Quảng Trị số 243';

function details(overrides: Partial<SignatureDetails> = {}): SignatureDetails {
  return {
    reason: REASON,
    location: 'Đông Hà, Quảng Trị',
    contactInfo: 'congbao@quangtri.gov.vn',
    name: TEST_ORGANISATION_NAME,
    signedAt: new Date(),
    ...overrides,
  };
}

function p12Signer(pki: TestPki, options: { aes?: boolean; subFilter?: 'ETSI.CAdES.detached' | 'adbe.pkcs7.detached' } = {}): P12Signer {
  return new P12Signer({
    p12: options.aes ? pki.organisation.p12Aes : pki.organisation.p12,
    passphrase: pki.organisation.passphrase,
    source: 'test.p12',
    passphraseVariable: 'CONG_TEST_P12_PASSPHRASE',
    subFilter: options.subFilter,
  });
}

async function pdfjsText(pdf: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const parts: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const content = await (await document.getPage(number)).getTextContent();
      parts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
    }
    return parts.join('\n');
  } finally {
    await document.destroy();
  }
}

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  return Buffer.from(haystack).indexOf(Buffer.from(needle));
}

function utf16be(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf16le').swap16());
}

let pki: TestPki;
let unsigned: Uint8Array;
let signed: Uint8Array;

beforeAll(async () => {
  pki = testPki();
  unsigned = await makeIssuePdf();
  signed = await p12Signer(pki).sign(unsigned, details());
});

describe('P12Signer + verifyPdfSignature', () => {
  it('signs a real issue PDF; the signature is valid, covers the whole file and reads back in Vietnamese', async () => {
    const result = await verifyPdfSignature(signed, { trustedRoots: [pki.rootPem] });
    expect(result.signed).toBe(true);
    expect(result.signatures).toHaveLength(1);
    const [signature] = result.signatures;
    expect(signature).toMatchObject({
      valid: true,
      coversWholeDocument: true,
      trusted: true,
      reason: REASON,
      location: 'Đông Hà, Quảng Trị',
      contactInfo: 'congbao@quangtri.gov.vn',
      name: TEST_ORGANISATION_NAME,
      subFilter: 'ETSI.CAdES.detached',
      bytesAppendedAfter: 0,
      problems: [],
    });
    expect(signature!.signer).toMatchObject({
      commonName: TEST_ORGANISATION_NAME,
      organisation: 'Ủy ban nhân dân tỉnh Quảng Trị',
      issuerCommonName: 'Cổng Test Root CA',
      serialNumber: '1A2B3C4D',
    });
    expect(signature!.signedAt).not.toBeNull();
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('describes the signer before signing', async () => {
    const identity = await p12Signer(pki).describe();
    expect(identity.commonName).toBe(TEST_ORGANISATION_NAME);
    expect(identity.subject).toContain('ST=Quảng Trị');
    expect(Date.parse(identity.validTo)).toBeGreaterThan(Date.now());
  });

  it('writes the signing time given in the details', async () => {
    const signedAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);
    const result = await verifyPdfSignature(await p12Signer(pki).sign(unsigned, details({ signedAt })));
    expect(result.signatures[0]!.signedAt).toBe(signedAt.toISOString());
  });

  it('is trusted only with the right root', async () => {
    const without = (await verifyPdfSignature(signed)).signatures[0]!;
    expect(without.valid).toBe(true);
    expect(without.trusted).toBe(false);
    expect(without.problems.map((p) => p.en)).toContain('The signer’s certificate does not chain to a trusted root.');
    const other = (await verifyPdfSignature(signed, { trustedRoots: [pki.otherRootPem] })).signatures[0]!;
    expect(other.trusted).toBe(false);
    const bundle = (await verifyPdfSignature(signed, { trustedRoots: [pki.otherRootPem + pki.rootPem] })).signatures[0]!;
    expect(bundle.trusted).toBe(true);
  });

  it('detects one changed byte of content', async () => {
    const tampered = new Uint8Array(signed);
    const stream = indexOfBytes(tampered, new TextEncoder().encode('stream\n'));
    expect(stream).toBeGreaterThan(0);
    tampered[stream + 20] = tampered[stream + 20]! ^ 0x01;
    const signature = (await verifyPdfSignature(tampered, { trustedRoots: [pki.rootPem] })).signatures[0]!;
    expect(signature.valid).toBe(false);
    expect(signature.trusted).toBe(false);
    expect(signature.problems.map((p) => p.en)).toContain('The file was changed after signing (the digest does not match).');
  });

  it('detects an edited reason ("số 243" made "số 244")', async () => {
    const tampered = new Uint8Array(signed);
    const at = indexOfBytes(tampered, utf16be('243'));
    expect(at).toBeGreaterThan(0);
    tampered.set(utf16be('244'), at);
    const signature = (await verifyPdfSignature(tampered)).signatures[0]!;
    expect(signature.reason).toBe('Phát hành Công báo tỉnh Quảng Trị số 244');
    expect(signature.valid).toBe(false);
  });

  it('reports an incremental update appended after signing, and the signed revision stays valid', async () => {
    const updated = appendIncrementalUpdate(signed);
    // The update is a well-formed PDF revision: pdf-lib reads its new title.
    const document = await PDFDocument.load(updated, { updateMetadata: false });
    expect(document.getTitle()).toBe('Sua doi sau khi ky');

    const signature = (await verifyPdfSignature(updated, { trustedRoots: [pki.rootPem] })).signatures[0]!;
    expect(signature.valid).toBe(true);
    expect(signature.coversWholeDocument).toBe(false);
    expect(signature.bytesAppendedAfter).toBe(updated.length - signed.length);
    expect(signature.problems.map((p) => p.vi).join(' ')).toContain('được ghi sau khi ký');
  });

  it('answers signed: false for an unsigned PDF', async () => {
    const result = await verifyPdfSignature(unsigned);
    expect(result).toMatchObject({ signed: false, signatures: [] });
  });

  it('never throws on garbage, truncated or hostile input', async () => {
    const inputs: Uint8Array[] = [
      new Uint8Array(),
      new Uint8Array(4096).map((_, i) => (i * 7919) % 256),
      signed.subarray(0, Math.floor(signed.length / 2)),
      signed.subarray(0, signed.length - 600),
      new TextEncoder().encode('%PDF-1.7\n/ByteRange [0 /********** /********** /**********]'),
      new TextEncoder().encode('%PDF-1.7\n/ByteRange [0 10 20 99999999999]\n'),
      new TextEncoder().encode(`%PDF-1.7\n1 0 obj\n${'<<'.repeat(5000)}/ByteRange [0 1 3 1]`),
      contentsWithGarbageDer(),
    ];
    for (const input of inputs) {
      const result = await verifyPdfSignature(input);
      expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
      for (const signature of result.signatures) {
        expect(signature.valid).toBe(false);
        expect(signature.problems.length).toBeGreaterThan(0);
      }
    }
    expect((await verifyPdfSignature(contentsWithGarbageDer())).signatures[0]!.problems[0]!.en).toBe(
      'The signature value is not a valid CMS/PKCS#7 structure.',
    );
  });

  it('refuses a huge /Contents without decoding it', async () => {
    const result = await verifyPdfSignature(fakeSignature('0'.repeat(3 * 1024 * 1024)));
    expect(result.signed).toBe(true);
    expect(result.signatures[0]!.valid).toBe(false);
    expect(result.signatures[0]!.problems[0]!.en).toMatch(/too large/);
  });

  it('flags an unsigned gap that is not only the /Contents hex string', async () => {
    const result = await verifyPdfSignature(fakeSignature('00ff', ' /Extra (not signed) '));
    expect(result.signatures[0]!.valid).toBe(false);
    expect(result.signatures[0]!.problems.map((p) => p.en)).toContain('The unsigned part of the file is not a single hex string <…>.');
  });

  it('refuses an expired certificate, naming its dates', async () => {
    const signer = new P12Signer({ p12: pki.expired.p12, passphrase: pki.expired.passphrase, source: 'expired.p12', passphraseVariable: 'X' });
    const identity = await signer.describe();
    const error = await signer.sign(unsigned, details()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'GAZETTE_ERR_SIGNING_CERTIFICATE_EXPIRED' });
    expect((error as Error).message).toContain(`expired on ${identity.validTo}`);
    expect((error as Error).message).toContain(identity.validFrom);
    expect((error as Error).message).toContain(TEST_ORGANISATION_NAME);
  });

  it('refuses a certificate that is not valid yet', async () => {
    const signer = new P12Signer({ p12: pki.notYetValid.p12, passphrase: pki.notYetValid.passphrase, source: 'future.p12', passphraseVariable: 'X' });
    const error = await signer.sign(unsigned, details()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'GAZETTE_ERR_SIGNING_CERTIFICATE_NOT_YET_VALID' });
    expect((error as Error).message).toContain((await signer.describe()).validFrom);
  });

  it('refuses a wrong passphrase with the named error', () => {
    expect(
      () => new P12Signer({ p12: pki.organisation.p12, passphrase: 'sai mật khẩu', source: '/etc/cong/ubnd.p12', passphraseVariable: 'CONG_GAZETTE_P12_PASSPHRASE' }),
    ).toThrow(expect.objectContaining({ code: 'GAZETTE_ERR_SIGNING_PASSPHRASE_WRONG', message: expect.stringContaining('CONG_GAZETTE_P12_PASSPHRASE') }));
  });

  it('refuses to re-sign an already signed PDF (rewriting would break the first signature)', async () => {
    await expect(p12Signer(pki).sign(signed, details())).rejects.toMatchObject({ code: 'GAZETTE_ERR_SIGNING_ALREADY_SIGNED' });
  });

  it('says when the reserved space is too small for the signature', async () => {
    const signer = new P12Signer({ ...p12Options(pki), signatureSize: 1024 });
    await expect(signer.sign(unsigned, details())).rejects.toMatchObject({ code: 'GAZETTE_ERR_SIGNING_PLACEHOLDER_TOO_SMALL' });
  });

  it('reads a PKCS#12 encrypted with AES-256 (PBES2)', async () => {
    const result = await verifyPdfSignature(await p12Signer(pki, { aes: true }).sign(unsigned, details()), { trustedRoots: [pki.rootPem] });
    expect(result.signatures[0]).toMatchObject({ valid: true, trusted: true });
  });

  it('signs in the classic adbe.pkcs7.detached format on request', async () => {
    const signedAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    const pkcs7 = await p12Signer(pki, { subFilter: 'adbe.pkcs7.detached' }).sign(unsigned, details({ signedAt }));
    const signature = (await verifyPdfSignature(pkcs7, { trustedRoots: [pki.rootPem] })).signatures[0]!;
    // The signing time now comes from the CMS signing-time attribute.
    expect(signature).toMatchObject({ valid: true, trusted: true, subFilter: 'adbe.pkcs7.detached', signedAt: signedAt.toISOString() });
  });

  it('verifies a signature made by @signpdf/signer-p12 (CMS from another implementation)', async () => {
    const document = await PDFDocument.load(unsigned);
    pdflibAddPlaceholder({ pdfDoc: document, reason: 'Library test', contactInfo: '', name: 'Test', location: 'Test' });
    const prepared = Buffer.from(await document.save({ useObjectStreams: false }));
    const librarySigned = await new SignPdf().sign(prepared, new LibraryP12Signer(Buffer.from(pki.organisation.p12), { passphrase: pki.organisation.passphrase }));
    const signature = (await verifyPdfSignature(librarySigned, { trustedRoots: [pki.rootPem] })).signatures[0]!;
    expect(signature.problems).toEqual([]);
    expect(signature).toMatchObject({ valid: true, coversWholeDocument: true, trusted: true, reason: 'Library test', subFilter: 'adbe.pkcs7.detached' });
  });

  it('keeps the signed PDF readable by pdf-lib and pdf.js, text included', async () => {
    const document = await PDFDocument.load(signed);
    expect(document.getPageCount()).toBe(2);
    const text = await pdfjsText(signed);
    expect(text).toContain(ISSUE_TITLE);
    expect(text).toContain(ISSUE_LINE);
  });

  it.skipIf(!existsSync(PDFSIG))('is valid for poppler’s pdfsig (NSS), an independent verifier', () => {
    const directory = mkdtempSync(join(tmpdir(), 'cong-signing-'));
    const file = join(directory, 'signed.pdf');
    writeFileSync(file, signed);
    const report = execFileSync(PDFSIG, [file], { encoding: 'utf8' });
    expect(report).toContain('Signature is Valid.');
    expect(report).toContain('Total document signed');
    expect(report).toContain('ETSI.CAdES.detached');
    expect(report).toContain(`Common Name: ${TEST_ORGANISATION_NAME}`);
  });
});

describe('other producers and key types', () => {
  it.skipIf(!existsSync(CHROMIUM))('signs a PDF printed by Chromium (how issues are rendered)', async () => {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    let printed: Uint8Array;
    try {
      const page = await browser.newPage();
      try {
        await page.setContent(`<html lang="vi"><body style="font-family: 'Liberation Serif'"><h1>${ISSUE_TITLE}</h1><p>${ISSUE_LINE}</p></body></html>`);
        printed = new Uint8Array(await page.pdf({ format: 'A4' }));
      } finally {
        await page.close();
      }
    } finally {
      await browser.close();
    }
    const signedPrint = await p12Signer(pki).sign(printed, details());
    expect((await verifyPdfSignature(signedPrint, { trustedRoots: [pki.rootPem] })).signatures[0]).toMatchObject({ valid: true, coversWholeDocument: true, trusted: true });
    expect(await pdfjsText(signedPrint)).toContain(ISSUE_LINE);
  });

  it.skipIf(!existsSync(OPENSSL))('verifies an ECDSA P-256 signature (certificate made by openssl)', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'cong-signing-ec-'));
    execFileSync(OPENSSL, [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-utf8', '-days', '2',
      '-subj', `/CN=${TEST_ORGANISATION_NAME}/O=Ủy ban nhân dân tỉnh Quảng Trị/C=VN`,
      '-keyout', join(directory, 'key.pem'), '-out', join(directory, 'cert.pem'),
    ], { stdio: 'ignore' });
    const certificatePem = readFileSync(join(directory, 'cert.pem'), 'utf8');
    const key = createPrivateKey(readFileSync(join(directory, 'key.pem')));
    const certificate = new X509Certificate(certificatePem);
    const ecSigned = await signPdfWithCms(unsigned, details(), { subFilter: 'ETSI.CAdES.detached' }, (content) =>
      buildDetachedCms({
        digest: new Uint8Array(createHash('sha256').update(content).digest()),
        certificate,
        profile: 'cades',
        signSignedAttributes: (der) => new Uint8Array(signWithKey('sha256', der, key)),
      }),
    );
    const signature = (await verifyPdfSignature(ecSigned, { trustedRoots: [certificatePem] })).signatures[0]!;
    expect(signature).toMatchObject({ valid: true, coversWholeDocument: true, trusted: true, problems: [] });
    expect(signature.signer?.commonName).toBe(TEST_ORGANISATION_NAME);

    const tampered = new Uint8Array(ecSigned);
    tampered[100] = tampered[100]! ^ 0x01;
    expect((await verifyPdfSignature(tampered)).signatures[0]!.valid).toBe(false);
  });
});

function p12Options(pki: TestPki) {
  return { p12: pki.organisation.p12, passphrase: pki.organisation.passphrase, source: 'test.p12', passphraseVariable: 'X' };
}

/** Appends a real incremental update (a new Info dictionary, an xref section and a trailer). */
function appendIncrementalUpdate(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1]);
  // The signed file ends with a cross-reference stream whose dictionary holds /Size and /Root.
  const trailer = text.slice(startxref);
  const size = Number(/\/Size (\d+)/.exec(trailer)![1]);
  const root = /\/Root (\d+ \d+ R)/.exec(trailer)![1];
  const objectOffset = pdf.length + 1;
  const object = `\n${size} 0 obj\n<< /Title (Sua doi sau khi ky) >>\nendobj\n`;
  const xrefOffset = pdf.length + object.length;
  const xref = `xref\n${size} 1\n${String(objectOffset).padStart(10, '0')} 00000 n\r\ntrailer\n<< /Size ${size + 1} /Root ${root} /Info ${size} 0 R /Prev ${startxref} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return new Uint8Array(Buffer.concat([Buffer.from(pdf), Buffer.from(object + xref, 'latin1')]));
}

/** A minimal file with one signature dictionary whose gap holds `hex` (and `extra` bytes after it). */
function fakeSignature(hex: string, extra = ''): Uint8Array {
  const head = '%PDF-1.7\n1 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [';
  const placeholder = '0000000000 0000000000 0000000000 0000000000';
  const middle = '] /Contents ';
  const tail = ' >>\nendobj\n%%EOF\n';
  const gapStart = head.length + placeholder.length + middle.length;
  const gapEnd = gapStart + hex.length + 2 + extra.length;
  const total = gapEnd + tail.length;
  const range = [0, gapStart, gapEnd, total - gapEnd].map((n) => String(n).padStart(10, '0')).join(' ');
  return new TextEncoder().encode(`${head}${range}${middle}<${hex}>${extra}${tail}`);
}

function contentsWithGarbageDer(): Uint8Array {
  return fakeSignature('3082ffff0102030405060708090a0b0c0d0e0f' + '00'.repeat(64));
}
