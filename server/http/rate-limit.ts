import { createMiddleware } from 'hono/factory';
import type { Context } from 'hono';
import type { AppEnv } from './app-env.js';
import { errorBody } from './errors.js';

export interface RateLimitOptions {
  /** Sustained requests per second allowed for one key. */
  perSecond: number;
  /** How many may come at once before the rate applies. */
  burst: number;
  /** Whose budget a request spends; null means no limit for it. */
  key: (c: Context<AppEnv>) => string | null;
  name: string;
}

/** A token bucket per key: answers 429 with Retry-After when a caller goes too fast. */
export function rateLimit(options: RateLimitOptions) {
  const refusal = tokenBuckets(options);
  return createMiddleware<AppEnv>(async (c, next) => refusal(c) ?? next());
}

/**
 * The same check without a layer of its own, for a gate that makes several checks in one
 * step (participant-write.ts): the caller's refusal (429), or undefined when it may go on.
 */
export function tokenBuckets(options: RateLimitOptions): (c: Context<AppEnv>) => Response | undefined {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const sweep = setInterval(() => {
    const idle = performance.now() - (options.burst / options.perSecond) * 1000;
    for (const [key, bucket] of buckets) if (bucket.at < idle) buckets.delete(key);
  }, 60_000);
  sweep.unref();
  return (c) => {
    const key = options.key(c);
    if (key === null) return undefined;
    // The monotonic clock: a wall clock set back must not drain or refill anyone's budget.
    const now = performance.now();
    const bucket = buckets.get(key) ?? { tokens: options.burst, at: now };
    bucket.tokens = Math.min(options.burst, bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * options.perSecond);
    bucket.at = now;
    buckets.set(key, bucket);
    if (bucket.tokens < 1) {
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / options.perSecond));
      c.header('Retry-After', String(retryAfter));
      return c.json(errorBody('too_fast', `Too many requests (${options.name}). Try again in ${retryAfter} s.`), 429);
    }
    bucket.tokens -= 1;
    return undefined;
  };
}
