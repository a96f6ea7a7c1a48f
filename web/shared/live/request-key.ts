import { newOpId } from './outbox.js';

/**
 * The Idempotency-Key of a one-off request sent outside the outbox (the operator starting
 * a session): the same request asked again before it got an answer (a second click after
 * the network failed) goes with the same key, so the server applies it once and answers
 * the retry with the first answer; once answered, the next request gets a new key, so
 * starting a second session for the same school on purpose starts one.
 */
export class RequestKey {
  private pending: { request: string; key: string } | null = null;

  /** The key to send `request` with. */
  for(request: unknown): string {
    // The page builds a request's body the same way each time, so its JSON names it.
    const asked = JSON.stringify(request);
    if (this.pending?.request !== asked) this.pending = { request: asked, key: newOpId() };
    return this.pending.key;
  }

  /** The server answered (yes or no): that request is done. */
  answered(): void {
    this.pending = null;
  }
}
