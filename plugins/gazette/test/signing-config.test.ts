// signerFromConfig and the `signing` section of config.schema.json, compiled by the host's own schema
// compiler (ajv 2020-12, strict) the way the platform validates plugin configuration.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { schemaCompiler } from '../../../core/src/validation/schema-compiler.js';
import { P12Signer, RemoteSigner, signerFromConfig, trustedRootsFromConfig, verifyPdfSignature, type SigningConfig } from '../src/signing/index.js';
import { makeIssuePdf, testPki, TEST_ORGANISATION_NAME, type TestPki } from './fixtures/test-certificate.js';

const PASSPHRASE_ENV = 'CONG_GAZETTE_P12_PASSPHRASE';
let pki: TestPki;
let directory: string;
let p12File: string;
let rootFile: string;
let certificateFile: string;

beforeAll(() => {
  pki = testPki();
  directory = mkdtempSync(join(tmpdir(), 'cong-signing-config-'));
  p12File = join(directory, 'vp-ubnd.p12');
  rootFile = join(directory, 'root.pem');
  certificateFile = join(directory, 'signer.pem');
  writeFileSync(p12File, pki.organisation.p12);
  writeFileSync(rootFile, pki.rootPem);
  writeFileSync(certificateFile, pki.organisation.certificatePem);
});

describe('signerFromConfig', () => {
  it('builds no signer for mode none (the default)', async () => {
    expect(await signerFromConfig({}, {})).toBeNull();
    expect(await signerFromConfig({ mode: 'none' }, {})).toBeNull();
  });

  it('builds a P12Signer from a file and the passphrase variable, which then signs', async () => {
    const signer = await signerFromConfig({ mode: 'p12', p12: { file: p12File, passphraseEnv: PASSPHRASE_ENV } }, { [PASSPHRASE_ENV]: pki.organisation.passphrase });
    expect(signer).toBeInstanceOf(P12Signer);
    expect(signer!.id).toBe(`p12:${p12File}`);
    const signed = await signer!.sign(await makeIssuePdf(), {
      reason: 'Phát hành Công báo tỉnh Quảng Trị số 245',
      location: 'Đông Hà',
      name: TEST_ORGANISATION_NAME,
      signedAt: new Date(),
    });
    const roots = await trustedRootsFromConfig({ trustedRootFiles: [rootFile] });
    expect((await verifyPdfSignature(signed, { trustedRoots: roots })).signatures[0]).toMatchObject({ valid: true, trusted: true });
  });

  it('builds a P12Signer from base64', async () => {
    const config: SigningConfig = { mode: 'p12', p12: { base64: Buffer.from(pki.organisation.p12).toString('base64'), passphraseEnv: PASSPHRASE_ENV } };
    const signer = await signerFromConfig(config, { [PASSPHRASE_ENV]: pki.organisation.passphrase });
    expect((await signer!.describe()).commonName).toBe(TEST_ORGANISATION_NAME);
  });

  it('names a missing certificate file', async () => {
    const missing = join(directory, 'khong-co.p12');
    await expect(signerFromConfig({ mode: 'p12', p12: { file: missing, passphraseEnv: PASSPHRASE_ENV } }, { [PASSPHRASE_ENV]: 'x' })).rejects.toMatchObject({
      code: 'GAZETTE_ERR_SIGNING_CERTIFICATE_UNREADABLE',
      message: `The signing certificate ${missing} cannot be read: the file does not exist`,
    });
  });

  it('names a file that is not PKCS#12', async () => {
    await expect(signerFromConfig({ mode: 'p12', p12: { file: rootFile, passphraseEnv: PASSPHRASE_ENV } }, { [PASSPHRASE_ENV]: 'x' })).rejects.toMatchObject({
      code: 'GAZETTE_ERR_SIGNING_CERTIFICATE_UNREADABLE',
    });
  });

  it('refuses a wrong passphrase, naming the variable and never the passphrase', async () => {
    const error = await signerFromConfig({ mode: 'p12', p12: { file: p12File, passphraseEnv: PASSPHRASE_ENV } }, { [PASSPHRASE_ENV]: 'mat-khau-sai' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'GAZETTE_ERR_SIGNING_PASSPHRASE_WRONG' });
    expect((error as Error).message).toBe(`The signing certificate ${p12File} does not open with the passphrase in environment variable ${PASSPHRASE_ENV}`);
  });

  it('says which environment variable is not set', async () => {
    await expect(signerFromConfig({ mode: 'p12', p12: { file: p12File, passphraseEnv: PASSPHRASE_ENV } }, {})).rejects.toMatchObject({
      code: 'GAZETTE_ERR_SIGNING_CONFIG',
      message: expect.stringContaining(`environment variable ${PASSPHRASE_ENV}`),
    });
  });

  it('refuses incomplete or ambiguous sections', async () => {
    await expect(signerFromConfig({ mode: 'p12' }, {})).rejects.toMatchObject({ code: 'GAZETTE_ERR_SIGNING_CONFIG' });
    await expect(signerFromConfig({ mode: 'p12', p12: { file: p12File, base64: 'AAAA', passphraseEnv: 'X' } }, { X: '' })).rejects.toMatchObject({
      code: 'GAZETTE_ERR_SIGNING_CONFIG',
    });
    await expect(signerFromConfig({ mode: 'remote' }, {})).rejects.toMatchObject({ code: 'GAZETTE_ERR_SIGNING_CONFIG' });
    await expect(signerFromConfig({ mode: 'remote', remote: { url: 'https://ca.example/sign', keyId: 'k' } }, {})).rejects.toMatchObject({
      code: 'GAZETTE_ERR_SIGNING_CONFIG',
    });
  });

  it('builds a RemoteSigner with the certificate file and the token variable', async () => {
    const config: SigningConfig = {
      mode: 'remote',
      remote: { url: 'https://ky-so.example.vn/api/v1/sign-hash', keyId: 'vp-ubnd', tokenEnv: 'CONG_GAZETTE_SIGNING_TOKEN', certificateFile },
    };
    await expect(signerFromConfig(config, {})).rejects.toMatchObject({ code: 'GAZETTE_ERR_SIGNING_CONFIG', message: expect.stringContaining('CONG_GAZETTE_SIGNING_TOKEN') });
    const signer = await signerFromConfig(config, { CONG_GAZETTE_SIGNING_TOKEN: 'abc.def' });
    expect(signer).toBeInstanceOf(RemoteSigner);
    expect((await signer!.describe()).commonName).toBe(TEST_ORGANISATION_NAME);
  });
});

describe('config.schema.json signing', () => {
  const schema = JSON.parse(readFileSync(new URL('../config.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  const validate = schemaCompiler.compile(schema);

  it('accepts the documented shapes and fills defaults', () => {
    const config = { signing: { mode: 'p12', p12: { file: '/etc/cong/vp-ubnd-quangtri.p12', passphraseEnv: PASSPHRASE_ENV } } };
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    expect(config.signing).toMatchObject({ subFilter: 'ETSI.CAdES.detached' });
    const remote = {
      signing: {
        mode: 'remote',
        remote: { url: 'https://ky-so.example.vn/api/v1/sign-hash', keyId: 'vp-ubnd', tokenEnv: 'CONG_GAZETTE_SIGNING_TOKEN', certificateFile: '/etc/cong/signer.pem' },
        trustedRootFiles: ['/etc/cong/trust/rootca-vn.pem'],
      },
    };
    expect(validate(remote), JSON.stringify(validate.errors)).toBe(true);
  });

  it('refuses a passphrase written into the file, a missing section and unknown modes', () => {
    expect(validate({ signing: { mode: 'p12', p12: { file: '/x.p12', passphraseEnv: 'P', passphrase: 'secret' } } })).toBe(false);
    expect(validate({ signing: { mode: 'p12' } })).toBe(false);
    expect(validate({ signing: { mode: 'remote', remote: { url: 'ftp://ca.example', keyId: 'k' } } })).toBe(false);
    expect(validate({ signing: { mode: 'hsm' } })).toBe(false);
  });
});
