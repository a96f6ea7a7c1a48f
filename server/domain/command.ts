import { randomInt } from 'node:crypto';
import { nanoid } from 'nanoid';
import type { NewEvent } from './events.js';

/**
 * A command decides: from the session's state, its input and this context, it returns the
 * events to commit and the answer to give (or throws a DomainError). It reads no clock and
 * makes no id or random choice of its own: the runtime hands it `now`, `newId` and
 * `random`, so the same state, input and context always give the same events. A test
 * passes a seeded context and knows exactly what comes out.
 */
export interface CommandContext {
  /** The server's time for this command (ms since 1970); its events carry the same time. */
  readonly now: number;
  /** A fresh id for a record the command creates (a card, a sticker, a participant). */
  newId(): string;
  /** A whole number from 0 to n − 1, for a choice the guide leaves to chance. */
  random(n: number): number;
}

export interface Decision<R> {
  events: NewEvent[];
  response: R;
  /**
   * What else taking this decision does, outside the log (the in-memory birthday box):
   * run once the decision is recorded, never for a replayed request or a refusal.
   */
  afterCommit?: () => void;
}

// Made once, not per command: the server runs through tsx, which wraps every named function
// made at run time to keep its name, and that wrapping was 0.6 % of a district walk's time.
const liveId = (): string => nanoid(12);
const liveRandom = (n: number): number => (n <= 1 ? 0 : randomInt(n));

/** What the runtime hands a command in a live session: ids and chance from the system's secure sources. */
export function liveContext(now = Date.now()): CommandContext {
  return { now, newId: liveId, random: liveRandom };
}

/** nanoid's alphabet, so a seeded id has the shape of a live one. */
const ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-';

/**
 * A context that gives the same ids and the same chances for the same seed (a small
 * xorshift generator), for tests that check exactly what a command decides.
 */
export function seededContext(seed: number, now = 0): CommandContext {
  let s = seed >>> 0 || 0x9e3779b9;
  const next = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
  return {
    now,
    newId: () => Array.from({ length: 12 }, () => ID_ALPHABET[next() % ID_ALPHABET.length]).join(''),
    random: (n) => (n <= 1 ? 0 : next() % n),
  };
}
