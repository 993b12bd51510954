/**
 * A per-user rate limit: at most `limit` commands in any `windowMs`. Memory stays bounded: a user's entry is
 * dropped as soon as their window is empty, and a sweep removes the rest now and then.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Parses `5/10s` (5 commands in 10 seconds); `0` or `off` disables the limit. */
  static parse(spec: string | undefined): RateLimiter | undefined {
    if (!spec || /^(0|off)$/iu.test(spec)) return undefined;
    const m = /^(\d+)\s*\/\s*(\d+)\s*(ms|s|m)?$/iu.exec(spec.trim());
    if (!m) throw new Error(`RATE_LIMIT must look like 5/10s, not ${JSON.stringify(spec)}`);
    const unit = (m[3] ?? 's').toLowerCase();
    return new RateLimiter(Number(m[1]), Number(m[2]) * (unit === 'ms' ? 1 : unit === 'm' ? 60_000 : 1000));
  }

  /** True if the user may run one more command now (and counts it); false if they must wait. */
  allow(user: string, now = Date.now()): boolean {
    this.sweep(now);
    const recent = (this.hits.get(user) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(user, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(user, recent);
    return true;
  }

  /** Seconds until the user may run a command again. */
  retryAfter(user: string, now = Date.now()): number {
    const oldest = this.hits.get(user)?.[0];
    return oldest === undefined ? 0 : Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }

  get trackedUsers(): number {
    return this.hits.size;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [user, times] of this.hits) if (times.every((t) => now - t >= this.windowMs)) this.hits.delete(user);
  }
}
