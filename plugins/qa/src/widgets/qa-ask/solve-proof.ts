/** How many hashes are asked of Web Crypto at once: large enough to keep it busy, small enough to yield often. */
const BATCH = 2048;

/** How many zero bits `bytes` starts with. */
function leadingZeroBits(bytes: Uint8Array): number {
  let bits = 0;
  for (const byte of bytes) {
    if (byte !== 0) return bits + Math.clz32(byte) - 24;
    bits += 8;
  }
  return bits;
}

/**
 * Solves a form's proof-of-work challenge (`GET /api/qa/public/form` → `proof`): the first decimal
 * nonce such that SHA-256 of `<challenge>:<nonce>` starts with `bits` zero bits, returned as the
 * `<challenge>:<nonce>` the server takes in `proof`. Web Crypto, in batches (the page stays
 * responsive); rejects when `signal` aborts or Web Crypto is missing (an insecure context).
 */
export async function solveProof(challenge: string, bits: number, signal?: AbortSignal): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('Web Crypto is not available (the page is not a secure context)');
  const encoder = new TextEncoder();
  for (let base = 0; base < Number.MAX_SAFE_INTEGER; base += BATCH) {
    signal?.throwIfAborted();
    const jobs: Promise<ArrayBuffer>[] = [];
    for (let i = 0; i < BATCH; i++) jobs.push(subtle.digest('SHA-256', encoder.encode(`${challenge}:${base + i}`)));
    const digests = await Promise.all(jobs);
    for (let i = 0; i < BATCH; i++) if (leadingZeroBits(new Uint8Array(digests[i]!)) >= bits) return `${challenge}:${base + i}`;
  }
  throw new Error('No nonce found');
}
