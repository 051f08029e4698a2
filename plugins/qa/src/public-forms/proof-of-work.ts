import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Fewest and most leading zero bits a form may ask for (`questions.proofOfWorkBits`). */
export const PROOF_BITS_MIN = 8;
export const PROOF_BITS_MAX = 24;

/** What a form carries when proof-of-work is on: solve `challenge` to `bits` before `expiresAt`. */
export interface ProofChallenge {
  /** `<bits>.<expires ms>.<salt>.<HMAC-SHA256>`: stateless, signed with the form's key. */
  readonly challenge: string;
  readonly bits: number;
  /** ISO time after which the server refuses the challenge. */
  readonly expiresAt: string;
}

/** Why a proof was refused; `missing` is told apart (the sender has no script), the rest are "invalid". */
export type ProofFailure = 'missing' | 'malformed' | 'forged' | 'expired' | 'too-easy' | 'unsolved' | 'used';

/** A proof that holds: the challenge it solved, to be claimed once (see `UsedChallenges`). */
export interface ProofAccepted {
  readonly challenge: string;
  readonly expiresAt: number;
}

export type ProofVerdict = ({ readonly ok: true } & ProofAccepted) | { readonly ok: false; readonly reason: ProofFailure };

const CHALLENGE = /^(\d{1,2})\.(\d{13})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;
const PROOF = /^([^:]{1,120}):(\d{1,16})$/;

const mac = (key: string, tenantId: string, bits: number, expiresAt: number, salt: string) =>
  createHmac('sha256', key).update(`proof|${tenantId}|${bits}|${expiresAt}|${salt}`).digest('base64url');

/**
 * A fresh challenge for `tenantId`'s form: 16 random bytes, the difficulty and the expiry, signed with
 * `key` (so the server keeps nothing until a solution comes back).
 */
export function issueProofChallenge(key: string, tenantId: string, bits: number, expiresAt: number): ProofChallenge {
  const salt = randomBytes(16).toString('base64url');
  return { challenge: `${bits}.${expiresAt}.${salt}.${mac(key, tenantId, bits, expiresAt, salt)}`, bits, expiresAt: new Date(expiresAt).toISOString() };
}

/** How many zero bits `digest` starts with. */
export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/**
 * Checks a solution `<challenge>:<nonce>` (the nonce decimal): the challenge is this unit's, signed
 * with `key`, not expired, asks at least `minBits`, and SHA-256 of the whole string (UTF-8) starts
 * with that many zero bits. `isUsed` says whether a challenge was spent already (one challenge, one
 * submission). Cheap: one HMAC and one hash.
 */
export function checkProof(key: string, tenantId: string, proof: string | undefined, minBits: number, now: number, isUsed: (challenge: string) => boolean = () => false): ProofVerdict {
  if (proof === undefined || proof === '') return { ok: false, reason: 'missing' };
  const solution = PROOF.exec(proof);
  const parts = solution ? CHALLENGE.exec(solution[1]!) : null;
  if (!solution || !parts) return { ok: false, reason: 'malformed' };
  const [challenge, bitsText, expiresText, salt, signature] = parts as unknown as [string, string, string, string, string];
  const bits = Number(bitsText);
  const expiresAt = Number(expiresText);
  const expected = Buffer.from(mac(key, tenantId, bits, expiresAt, salt));
  const offered = Buffer.from(signature);
  if (expected.length !== offered.length || !timingSafeEqual(expected, offered)) return { ok: false, reason: 'forged' };
  if (expiresAt <= now) return { ok: false, reason: 'expired' };
  if (bits < minBits) return { ok: false, reason: 'too-easy' };
  if (leadingZeroBits(createHash('sha256').update(proof, 'utf8').digest()) < bits) return { ok: false, reason: 'unsolved' };
  if (isUsed(challenge)) return { ok: false, reason: 'used' };
  return { ok: true, challenge, expiresAt };
}
