import type { TallyFields } from './interval-tally.js';

/**
 * Every line the server writes to its JSON log, by its `event` field, with the fields it
 * carries. The names are stable: an operator's scripts and alerts match on them. Fields
 * hold codes, counts, paths and reasons only: never a key, a token, an Authorization
 * header, the operator link or anything a participant wrote (the types here are the
 * checklist for that; README's "Logs" section lists the same).
 */
export interface OpsEvents {
  /** The server listens. */
  'server.started': { port: number; host: string; dataDir: string; publicUrl: string; version: string; node: string };
  /** The sessions in the data folder were loaded at start. */
  'server.resumed': { resumed: number; setAside: number };
  /** The server cannot start (a bad setting, a data folder in use, a file it cannot open). */
  'server.cannot_start': Record<string, never>;
  /** SQLite's quick check at start found damage. */
  'database.damaged': { problems: string[] };
  'session.started': { code: string; deckId: string };
  /** Loaded from the log at start. */
  'session.resumed': { code: string; deckId: string; events: number };
  /** Not loaded at start: its log cannot be replayed, or its deck is gone. */
  'session.set_aside': { code: string; problem: string; seq: number | null; reason: string };
  'session.deleted': { code: string };
  /** Several instances: this instance took the session over and replayed its log. */
  'session.taken_over': { code: string; deckId: string; events: number };
  /** Several instances: another instance owns the session now; this one let it go. */
  'session.released': { code: string; why: string };
  /** A write could not be committed; the server stops (exit code 70). */
  'commit.failed': { error: string };
  /** An answer of 500 from an error nobody expected: the first per route in an interval (the rest are counted). */
  'request.failed': { method: string; route: string; error: string; at: string | undefined };
  /** Answers of 429 and 5xx in the interval, by route and status. */
  'http.refusals': TallyFields;
  /** API requests whose client hung up before its answer was sent, by route. */
  'http.client_aborts': TallyFields;
  /** Streams dropped for falling too far behind, by session and role. */
  'streams.dropped': TallyFields;
  /** SIGINT or SIGTERM: the server stops accepting and finishes what it has. */
  'shutdown.started': { signal: string };
  /** A second signal during shutdown: the server stops at once. */
  'shutdown.forced': { signal: string };
  /** As the server stops: the heap's high-water mark against its limit, and the requests shed by reason (load-shedder.ts). */
  'server.load': { heapPeakMb: number; heapLimitMb: number; refused: { busy: number; memory: number; queue: number } };
  /** A clean stop: everything committed, the store closed. */
  shutdown: { signal: string; sessions: number; streamsClosed: number; connectionsCut: number; ms: number };
}

export type OpsEvent = keyof OpsEvents;

export type OpsLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug';

/** How serious each event is; LOG_LEVEL filters on it. */
export const EVENT_LEVELS: Record<OpsEvent, OpsLevel> = {
  'server.started': 'info',
  'server.resumed': 'info',
  'server.cannot_start': 'fatal',
  'database.damaged': 'error',
  'session.started': 'info',
  'session.resumed': 'info',
  'session.set_aside': 'warn',
  'session.deleted': 'info',
  'session.taken_over': 'info',
  'session.released': 'warn',
  'commit.failed': 'fatal',
  'request.failed': 'error',
  'http.refusals': 'warn',
  'http.client_aborts': 'info',
  'streams.dropped': 'info',
  'shutdown.started': 'info',
  'shutdown.forced': 'warn',
  'server.load': 'info',
  shutdown: 'info',
};
