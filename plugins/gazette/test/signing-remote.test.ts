// RemoteSigner against a real HTTP server on localhost that plays a CA's remote-signing service: it
// receives only a digest and answers a detached CMS made with the test certificate's key by node-forge.
// No real CA can be reached from tests; this proves the contract and the embedding end to end.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildDetachedCms, RemoteSigner, verifyPdfSignature, type RemoteSignerOptions, type SignatureDetails } from '../src/signing/index.js';
import { makeIssuePdf, testPki, TEST_ORGANISATION_NAME, type TestPki } from './fixtures/test-certificate.js';

type Behaviour = 'sign' | 'unavailable' | 'hang' | 'unauthorised' | 'wrong-digest' | 'other-key';

interface RecordedRequest {
  readonly method: string | undefined;
  readonly authorization: string | undefined;
  readonly contentType: string | undefined;
  readonly body: Record<string, unknown>;
}

const TOKEN = 'dGh1LXRva2Vu.123-abc_~';
let pki: TestPki;
let unsigned: Uint8Array;
let server: Server;
let url: string;
let behaviours: Behaviour[] = [];
let requests: RecordedRequest[] = [];

function details(): SignatureDetails {
  return { reason: 'Phát hành Công báo tỉnh Quảng Trị số 244', location: 'Đông Hà, Quảng Trị', name: TEST_ORGANISATION_NAME, signedAt: new Date() };
}

function signer(options: Partial<RemoteSignerOptions> = {}): RemoteSigner {
  return new RemoteSigner({ url, keyId: 'vp-ubnd-quangtri', token: TOKEN, certificate: pki.organisation.certificatePem, retryDelayMs: 10, ...options });
}

/** The service's side: sign the digest's signed attributes with forge (RSASSA-PKCS1-v1_5, SHA-256). */
async function signDigest(digest: Uint8Array, keyPem: string, certificatePem: string): Promise<Uint8Array> {
  const key = forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey;
  return buildDetachedCms({
    digest,
    certificate: new X509Certificate(certificatePem),
    chain: [new X509Certificate(pki.rootPem)],
    profile: 'cades',
    signSignedAttributes: (der) => {
      const md = forge.md.sha256.create();
      md.update(Buffer.from(der).toString('binary'));
      return new Uint8Array(Buffer.from(key.sign(md), 'binary'));
    },
  });
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
  requests.push({ method: request.method, authorization: request.headers.authorization, contentType: request.headers['content-type'], body });
  const behaviour = behaviours.shift() ?? 'sign';
  const json = (status: number, value: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(value));
  };
  switch (behaviour) {
    case 'hang':
      return; // never answers
    case 'unavailable':
      return json(503, { error: 'Hệ thống ký số đang bảo trì' });
    case 'unauthorised':
      return json(401, { error: 'invalid token' });
    case 'wrong-digest': {
      const cms = await signDigest(new Uint8Array(32).fill(7), pki.organisation.privateKeyPem, pki.organisation.certificatePem);
      return json(200, { signature: Buffer.from(cms).toString('base64') });
    }
    case 'other-key': {
      // A correct signature, but with the expired certificate (same key, another certificate).
      const cms = await signDigest(new Uint8Array(Buffer.from(String(body.digest), 'base64')), pki.expired.privateKeyPem, pki.expired.certificatePem);
      return json(200, { signature: Buffer.from(cms).toString('base64') });
    }
    case 'sign': {
      const cms = await signDigest(new Uint8Array(Buffer.from(String(body.digest), 'base64')), pki.organisation.privateKeyPem, pki.organisation.certificatePem);
      return json(200, { signature: Buffer.from(cms).toString('base64') });
    }
  }
}

beforeAll(async () => {
  pki = testPki();
  unsigned = await makeIssuePdf();
  server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/sign-hash`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  behaviours = [];
  requests = [];
});

describe('RemoteSigner', () => {
  it('sends only the digest with the bearer token, and embeds the returned CMS into a PDF that verifies', async () => {
    const signed = await signer().sign(unsigned, details());
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request!.method).toBe('POST');
    expect(request!.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request!.contentType).toBe('application/json');
    expect(Object.keys(request!.body).sort()).toEqual(['algorithm', 'digest', 'keyId']);
    expect(request!.body).toMatchObject({ algorithm: 'sha256', keyId: 'vp-ubnd-quangtri' });
    expect(Buffer.from(String(request!.body.digest), 'base64')).toHaveLength(32);

    const result = await verifyPdfSignature(signed, { trustedRoots: [pki.rootPem] });
    expect(result.signatures).toHaveLength(1);
    expect(result.signatures[0]).toMatchObject({
      valid: true,
      coversWholeDocument: true,
      trusted: true,
      subFilter: 'ETSI.CAdES.detached',
      reason: 'Phát hành Công báo tỉnh Quảng Trị số 244',
      problems: [],
    });
    expect(result.signatures[0]!.signer?.commonName).toBe(TEST_ORGANISATION_NAME);
  });

  it('describes the configured certificate', async () => {
    expect((await signer().describe()).commonName).toBe(TEST_ORGANISATION_NAME);
    expect(signer().id).toBe(`remote:${url}#vp-ubnd-quangtri`);
  });

  it('retries once after a 503 and then succeeds', async () => {
    behaviours = ['unavailable', 'sign'];
    const signed = await signer({ retries: 1 }).sign(unsigned, details());
    expect(requests).toHaveLength(2);
    expect(requests[0]!.body.digest).toBe(requests[1]!.body.digest);
    expect((await verifyPdfSignature(signed)).signatures[0]!.valid).toBe(true);
  });

  it('gives up after the configured retries with the last status', async () => {
    behaviours = ['unavailable', 'unavailable'];
    const error = await signer({ retries: 1 }).sign(unsigned, details()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'GAZETTE_ERR_SIGNING_REMOTE_FAILED' });
    expect((error as Error).message).toContain('HTTP 503');
    expect((error as Error).message).toContain('after 2 attempts');
    expect(requests).toHaveLength(2);
  });

  it('does not retry a 401', async () => {
    behaviours = ['unauthorised'];
    await expect(signer({ retries: 2 }).sign(unsigned, details())).rejects.toMatchObject({
      code: 'GAZETTE_ERR_SIGNING_REMOTE_FAILED',
      message: expect.stringContaining('HTTP 401'),
    });
    expect(requests).toHaveLength(1);
  });

  it('times out with a clear error', async () => {
    behaviours = ['hang'];
    const error = await signer({ timeoutMs: 300 }).sign(unsigned, details()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'GAZETTE_ERR_SIGNING_REMOTE_TIMEOUT' });
    expect((error as Error).message).toBe(`The remote signing service ${url} did not answer within 300 ms (attempt 1 of 3)`);
  });

  it('refuses a returned signature over another digest', async () => {
    behaviours = ['wrong-digest'];
    await expect(signer().sign(unsigned, details())).rejects.toMatchObject({
      code: 'GAZETTE_ERR_SIGNING_REMOTE_FAILED',
      message: expect.stringContaining('the digest does not match'),
    });
  });

  it('refuses a returned signature made with another certificate than the configured one', async () => {
    behaviours = ['other-key'];
    await expect(signer().sign(unsigned, details())).rejects.toMatchObject({
      code: 'GAZETTE_ERR_SIGNING_REMOTE_FAILED',
      message: expect.stringContaining('another certificate'),
    });
  });

  it('refuses a token that cannot travel in an Authorization header', () => {
    expect(() => signer({ token: 'mã-thử 123' })).toThrow(expect.objectContaining({ code: 'GAZETTE_ERR_SIGNING_CONFIG' }));
  });

  it('reports a connection failure after its retries', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await signer({ url: `http://127.0.0.1:${port}/sign`, retries: 1 }).sign(unsigned, details()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'GAZETTE_ERR_SIGNING_REMOTE_FAILED' });
    expect((error as Error).message).toMatch(/connection failed .*ECONNREFUSED.* after 2 attempts/);
  });

  it('refuses to ask for a signature with an expired certificate', async () => {
    await expect(signer({ certificate: pki.expired.certificatePem }).sign(unsigned, details())).rejects.toMatchObject({
      code: 'GAZETTE_ERR_SIGNING_CERTIFICATE_EXPIRED',
    });
    expect(requests).toHaveLength(0);
  });
});
