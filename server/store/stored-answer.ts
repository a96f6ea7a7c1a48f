/**
 * How both stores keep an operation's answer: `@` + the request's digest (22 characters) +
 * the answer's JSON, in one text column (`response`): one column, so digest and answer are
 * written atomically with the events, and data folders from before digests need no
 * migration. JSON never starts with `@`, so an older answer (bare JSON) is told apart
 * without a doubt.
 */
const DIGEST = /^@[A-Za-z0-9_-]{22}/;

/** An answer found for a key: what was answered, and the digest of the request it answered (null: stored before digests). */
export interface FoundAnswer {
  response: unknown;
  digest: string | null;
}

export function writeAnswer(digest: string, response: unknown): string {
  if (digest.length !== 22) throw new Error('a request digest is 22 base64url characters');
  return `@${digest}${JSON.stringify(response ?? null)}`;
}

/** The stored answer, or 'lost' when it cannot be read (a damaged row): the operation was applied, but its answer cannot be given again. */
export function readAnswer(stored: string | null): FoundAnswer | 'lost' {
  if (typeof stored !== 'string') return 'lost';
  const hasDigest = stored.startsWith('@');
  if (hasDigest && !DIGEST.test(stored)) return 'lost';
  try {
    return hasDigest ? { digest: stored.slice(1, 23), response: JSON.parse(stored.slice(23)) } : { digest: null, response: JSON.parse(stored) };
  } catch {
    return 'lost';
  }
}
