/**
 * The proof-of-work challenges already spent, until they expire: one challenge, one submission. Kept in
 * this process's memory (a platform of several processes accepts a solved challenge at most once per
 * process), bounded by `capacity`: when full, expired entries go first, then the oldest claims.
 */
export class UsedChallenges {
  /** Challenge → its expiry (ms), in the order claimed. */
  readonly #until = new Map<string, number>();

  constructor(readonly capacity = 50_000) {}

  get size(): number {
    return this.#until.size;
  }

  has(challenge: string, now: number): boolean {
    const until = this.#until.get(challenge);
    return until !== undefined && until > now;
  }

  /** Spends `challenge`; false when it was spent already (and has not expired). */
  claim(challenge: string, expiresAt: number, now: number): boolean {
    if (this.has(challenge, now)) return false;
    this.#until.delete(challenge);
    if (this.#until.size >= this.capacity) this.#sweep(now);
    this.#until.set(challenge, expiresAt);
    return true;
  }

  #sweep(now: number): void {
    for (const [challenge, until] of this.#until) if (until <= now) this.#until.delete(challenge);
    // Still full: the oldest claims go (a replay of one of them needs that many solved submissions in between).
    for (const challenge of this.#until.keys()) {
      if (this.#until.size < this.capacity) break;
      this.#until.delete(challenge);
    }
  }
}
