/** What is wrong with a log: a row that does not parse, an event the reducers refuse, a row missing from the sequence. */
export type LogDamage = 'event_unreadable' | 'event_rejected' | 'event_missing';

/**
 * A session's log that cannot be replayed. The message says which event and why, in words
 * an operator can act on; it never quotes the row's content (it may hold a person's words).
 */
export class DamagedLogError extends Error {
  constructor(
    readonly damage: LogDamage,
    readonly seq: number,
    reason: string,
  ) {
    super(`event ${seq} ${reason}`);
    this.name = 'DamagedLogError';
  }
}
