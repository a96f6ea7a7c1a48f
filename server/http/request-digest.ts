import { hash } from 'node:crypto';
import type { Context } from 'hono';
import { matchedRoutes } from 'hono/route';

/**
 * A digest of what a write asks, stored with its Idempotency-Key's answer: the method, the
 * route's pattern (not the URL: the session code is already the store's scope and may be
 * typed in any case) with its other path parameters (which card, which slide), the caller,
 * and the validated body in a canonical form (keys sorted), so the same request always
 * gives the same digest and a different one never does. 22 base64url characters (132 bits).
 *
 * Read when the handler runs, after the validators, so the body is the validated one.
 */
export function requestDigest(c: Context, caller: string): string {
  const route = matchedRoutes(c).findLast((r) => r.method !== 'ALL');
  const params = c.req.param() as Record<string, string>;
  const named = Object.keys(params)
    .filter((name) => name !== 'code')
    .sort()
    .map((name) => `${name}=${params[name]}`)
    .join('&');
  const body = (c.req as unknown as { valid(target: string): unknown }).valid('json');
  const request = [c.req.method, route?.path ?? new URL(c.req.url).pathname, named, caller, body === undefined ? '' : canonicalJson(body)].join('\n');
  // One-shot hashing: on every write, a hash object per call cost more than the hashing.
  return hash('sha256', request, 'base64url').slice(0, 22);
}

/** JSON with every object's keys in sorted order (and undefined members left out, as JSON does). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
