/**
 * A session's log that cannot be replayed: an event row whose stored JSON does not parse,
 * or an event the reducers refuse. The message says which event and why, in words an
 * operator can act on; it never quotes the row's content (it may hold a person's words).
 */
export class DamagedLogError extends Error {
  constructor(
    readonly seq: number,
    reason: string,
  ) {
    super(`event ${seq} ${reason}`);
    this.name = 'DamagedLogError';
  }
}
