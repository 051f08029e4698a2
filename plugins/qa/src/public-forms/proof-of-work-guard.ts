import { coreServices, type PluginContext, type RouteRequest } from '@cong/sdk';
import { QA_ERR_PROOF_INVALID, QA_ERR_PROOF_REQUIRED } from '../errors.js';
import { formKey } from './form-key.js';
import { checkProof, issueProofChallenge, type ProofAccepted, type ProofChallenge, type ProofFailure } from './proof-of-work.js';
import { UsedChallenges } from './used-challenges.js';

/** A form's proof-of-work settings: off, or on at `bits` for challenges living `lifetimeMs`. */
export interface ProofOfWorkSettings {
  readonly enabled: boolean;
  readonly bits: number;
  readonly lifetimeMs: number;
}

const spent = new WeakMap<PluginContext, Map<string, UsedChallenges>>();

const MESSAGES: Readonly<Record<Exclude<ProofFailure, 'missing'>, string>> = {
  malformed: 'is not <challenge>:<nonce>',
  forged: 'was not issued by this form',
  expired: 'has expired: reload the form',
  'too-easy': 'asks fewer bits than the form now needs: reload the form',
  unsolved: 'does not hash to enough leading zero bits',
  used: 'was used already: reload the form',
};

/**
 * Optional proof-of-work on a public form (issue 8): the form carries a signed challenge (`challenge`),
 * its page script or widget finds a nonce, and `check` refuses a submission without a valid solution
 * (400 `QA_ERR_PROOF_REQUIRED` / `QA_ERR_PROOF_INVALID`, naming `/proof`) before anything is written.
 * `claim` spends the challenge when the submission is stored, so a solution is used once. A request
 * with a benchmark bypass key is not asked for one, as it is not rate-limited.
 *
 * `name` keeps each form's key and spent challenges apart (`question-proof`, …).
 */
export class ProofOfWorkGuard {
  constructor(
    private readonly ctx: PluginContext,
    private readonly name: string,
    readonly settings: ProofOfWorkSettings,
  ) {}

  /** A fresh challenge for the unit's form, or null when proof-of-work is off. */
  async challenge(tenantId: string, now = Date.now()): Promise<ProofChallenge | null> {
    if (!this.settings.enabled) return null;
    return issueProofChallenge(await this.#key(), tenantId, this.settings.bits, now + this.settings.lifetimeMs);
  }

  /**
   * The solution's verdict: null when there is nothing to claim (off, or lifted by a bypass key), the
   * accepted challenge otherwise; refuses with the problem naming `/proof`.
   */
  async check(req: RouteRequest, proof: string | undefined, now = Date.now()): Promise<ProofAccepted | null> {
    if (!this.settings.enabled) return null;
    const verdict = checkProof(await this.#key(), req.tenantId ?? '', proof, this.settings.bits, now, (c) => this.#spent().has(c, now));
    if (verdict.ok) return { challenge: verdict.challenge, expiresAt: verdict.expiresAt };
    if (this.ctx.get(coreServices.rateLimits).exempts(req)) return null;
    if (verdict.reason === 'missing') {
      throw QA_ERR_PROOF_REQUIRED.create({}, { errors: [{ in: 'body', pointer: '/proof', message: 'is required while the form’s proof-of-work is on: its script solves the challenge', keyword: 'required' }] });
    }
    throw QA_ERR_PROOF_INVALID.create({ reason: verdict.reason }, { errors: [{ in: 'body', pointer: '/proof', message: MESSAGES[verdict.reason], keyword: 'format' }] });
  }

  /** Spends an accepted challenge; refuses when another submission spent it meanwhile. */
  claim(accepted: ProofAccepted | null, now = Date.now()): void {
    if (accepted === null || this.#spent().claim(accepted.challenge, accepted.expiresAt, now)) return;
    throw QA_ERR_PROOF_INVALID.create({ reason: 'used' }, { errors: [{ in: 'body', pointer: '/proof', message: MESSAGES.used, keyword: 'format' }] });
  }

  #key(): Promise<string> {
    return formKey(this.ctx, `${this.name}-key`);
  }

  #spent(): UsedChallenges {
    let forContext = spent.get(this.ctx);
    if (!forContext) spent.set(this.ctx, (forContext = new Map()));
    let used = forContext.get(this.name);
    if (!used) forContext.set(this.name, (used = new UsedChallenges()));
    return used;
  }
}
