import { DomainError } from './domain-error.js';

/**
 * The Idempotency-Key an operator sent to start something (a session, a program), scoped
 * to its caller, and the digest of what the request asked. It is kept in the first event
 * of what it started, so a retry finds it again after a restart too.
 */
export interface StartRequest {
  key: string;
  digest: string;
}

/** The refusal of a key already used for another request, the same on every route. */
export function keyReused(): DomainError {
  return new DomainError(
    422,
    'idempotency_key_reused',
    'This Idempotency-Key was already used for a different request (another route, caller or body). Nothing was changed: send a new request with a new key.',
  );
}

/** Throws `keyReused` unless `request` asks what the earlier request with its key asked. */
export function sameRequest(earlier: StartRequest, request: StartRequest): void {
  if (earlier.digest !== request.digest) throw keyReused();
}
