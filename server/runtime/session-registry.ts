import { customAlphabet, nanoid } from 'nanoid';
import type { Deck } from '../deck/deck-schema.js';
import { event, type DomainEvent } from '../domain/events.js';
import type { OpsLog } from '../ops/ops-log.js';
import type { KeyedStart, SessionRow, SessionStore } from '../store/session-store.js';
import { DamagedLogError, type LogDamage } from '../store/damaged-log.js';
import { SessionRuntime } from './session-runtime.js';
import { SessionHub } from './session-hub.js';
import { birthdayBox } from '../features/lineup/birthday-box.js';
import { sameRequest, type StartRequest } from '../domain/start-request.js';

/** Join codes avoid look-alikes (0/O, 1/I/L) so they can be read off a projector and typed on a phone. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const newJoinCode = customAlphabet(JOIN_CODE_ALPHABET, 6);

export interface LiveSession {
  runtime: SessionRuntime;
  hub: SessionHub;
}

/** The session a start gave: served here, or (a retry of a start made on another instance) served there. Its keys follow from its id. */
export interface StartedSession {
  id: string;
  code: string;
}

/** A start whose Idempotency-Key another instance used a moment before: nothing was created; `earlier` is that start. */
export class KeyTaken extends Error {
  constructor(readonly earlier: KeyedStart) {
    super('This Idempotency-Key started a session on another instance a moment ago.');
    this.name = 'KeyTaken';
  }
}

/** A session that could not be loaded at start, and why. */
export interface SetAsideSession extends SessionRow {
  /** What kind of damage, for a screen to say in its reader's language. */
  problem: LogDamage | 'file_unreadable' | 'deck_missing';
  /** The event at which the replay stopped, when known. */
  seq: number | null;
  /** The same in English words for the operator's terminal, with the technical detail. */
  reason: string;
}

/**
 * Every session the server knows, loaded from the log at start and kept in memory.
 *
 * A session whose log cannot be replayed (a row that does not parse, an event the
 * reducers refuse, a page SQLite cannot read, a deck no longer in slides/) is set aside:
 * it is not served, its data stays untouched in the file, and the operator is told which
 * session and why. Every other session loads and is served as usual: one bad byte costs
 * one session, not the room next door.
 */
export class SessionRegistry {
  private readonly byCode = new Map<string, LiveSession>();
  /** Every session's row, loaded or set aside, by code. */
  private readonly rows = new Map<string, SessionRow>();
  private readonly setAsideByCode = new Map<string, SetAsideSession>();
  /** Sessions being started with an Idempotency-Key, by key, until they are made. */
  private readonly starting = new Map<string, { request: StartRequest; started: Promise<StartedSession> }>();

  /**
   * With the embedded store, every session is loaded here, at start. With a shared
   * database (`loadAtStart: false`), sessions are loaded one by one as this instance takes
   * them over (`adopt`), and let go when another instance takes them (`release`).
   */
  constructor(
    private readonly store: SessionStore,
    private readonly decks: Map<string, Deck>,
    private readonly log: OpsLog,
    options: { loadAtStart?: boolean } = {},
  ) {
    if (options.loadAtStart === false) return;
    const rows = store.listSessions();
    if (rows instanceof Promise) throw new Error('Sessions in a shared database are loaded as they are taken over (loadAtStart: false).');
    for (const row of rows) {
      const history = (() => {
        try {
          return store.readEvents(row.id);
        } catch (error) {
          return error as Error;
        }
      })();
      if (history instanceof Promise) throw new Error('Sessions in a shared database are loaded as they are taken over (loadAtStart: false).');
      this.load(row, history, 'session.resumed');
    }
  }

  /** Serves a session from its log (or sets it aside if the log cannot be replayed); null when set aside. */
  private load(row: SessionRow, history: DomainEvent[] | Error, logged: 'session.resumed' | 'session.taken_over'): LiveSession | null {
    this.rows.set(row.code, row);
    const deck = this.decks.get(row.deckId);
    if (!deck) {
      this.putAside({ ...row, problem: 'deck_missing', seq: null, reason: `its deck "${row.deckId}" is no longer in the slides folder` });
      return null;
    }
    try {
      if (history instanceof Error) throw history;
      const live = this.add(new SessionRuntime(row.id, row.code, deck, this.store, history));
      this.log.event(logged, { code: row.code, deckId: row.deckId, events: live.runtime.state.seq });
      return live;
    } catch (error) {
      this.putAside({ ...row, ...whyNotReplayed(error as Error) });
      return null;
    }
  }

  /**
   * A session this instance has just taken over from the shared database, with its log
   * (or the error reading it). Replaces whatever this instance held of it before.
   */
  adopt(row: SessionRow, history: DomainEvent[] | Error): LiveSession | null {
    this.release(row.code);
    this.setAsideByCode.delete(row.code);
    return this.load(row, history, 'session.taken_over');
  }

  /**
   * Lets go of a session another instance now owns: its streams are closed (their clients
   * reconnect and reach the new owner) and it is no longer served from here. Its data is
   * untouched. False if it was not here.
   */
  release(code: string): boolean {
    const key = code.toUpperCase();
    const row = this.rows.get(key);
    const live = this.byCode.get(key);
    live?.hub.closeAll();
    this.byCode.delete(key);
    this.rows.delete(key);
    this.setAsideByCode.delete(key);
    if (row) birthdayBox.clear(row.id);
    return live !== undefined;
  }

  /** The code of a session served here, by its id. */
  codeOf(sessionId: string): string | undefined {
    for (const row of this.rows.values()) if (row.id === sessionId) return row.code;
    return undefined;
  }

  /** Keeps a session that cannot be loaded out of service, and tells the operator which and why. */
  private putAside(aside: SetAsideSession): void {
    this.setAsideByCode.set(aside.code, aside);
    this.log.problem(
      'session.set_aside',
      `Session ${aside.code} is set aside and not served: ${aside.reason}. Its data is left as it is in the file; the operator's start page lists it, and can delete it.`,
      { code: aside.code, problem: aside.problem, seq: aside.seq, reason: aside.reason },
    );
  }

  /** Sessions found at start that are not served, oldest first. */
  setAside(): SetAsideSession[] {
    return [...this.setAsideByCode.values()];
  }

  /** The stored row of a session, loaded or set aside. */
  row(code: string): SessionRow | undefined {
    return this.rows.get(code.toUpperCase());
  }

  get(code: string): LiveSession | undefined {
    return this.byCode.get(code.toUpperCase());
  }

  /**
   * Starts a session once per Idempotency-Key: `start` makes it (given the request, to
   * keep in its first event and its row) unless the key already started one, or is
   * starting one this moment (a double tap: the second request waits for the first), in
   * which case that session is the answer; a key that started a session for another
   * request is refused (422). Without a key (`request` undefined), every call starts a
   * session.
   *
   * The store is asked too, and its unique key settles a race: with several instances on
   * one database, a retry that a proxy sent to another instance (the first answer got
   * lost), or sent to two at once, finds the session the first one started.
   */
  async startOnce(request: StartRequest | undefined, start: (request: StartRequest | undefined) => Promise<LiveSession>): Promise<StartedSession> {
    if (!request) return startedSession(await start(undefined));
    const starting = this.starting.get(request.key);
    if (starting) {
      sameRequest(starting.request, request);
      return starting.started;
    }
    const here = this.all().find(({ runtime }) => runtime.state.startRequest?.key === request.key);
    if (here) {
      sameRequest(here.runtime.state.startRequest!, request);
      return startedSession(here);
    }
    // Registered before anything is awaited, so a double tap here waits for this one.
    const started = this.startFirst(request, start);
    this.starting.set(request.key, { request, started });
    const done = () => this.starting.delete(request.key);
    started.then(done, done);
    return started;
  }

  /** Starts a session for a key this instance has not seen, unless the store knows it (from another instance, or a session set aside here). */
  private async startFirst(request: StartRequest, start: (request: StartRequest) => Promise<LiveSession>): Promise<StartedSession> {
    const earlier = (await this.store.startedWith(request.key)) ?? (await startedOrTaken(start, request));
    if ('runtime' in earlier) return startedSession(earlier);
    sameRequest(earlier, request);
    return { id: earlier.sessionId, code: earlier.code };
  }

  /**
   * Starts a session; `startedBy` records who (the operator key's mark), `request` the
   * operator's request when it had an Idempotency-Key. Throws KeyTaken, creating nothing,
   * when another instance started a session with that key a moment before.
   */
  async create(deck: Deck, schoolName: string, startedBy: string, request?: StartRequest): Promise<LiveSession> {
    let code = newJoinCode();
    while (await this.store.codeTaken(code)) code = newJoinCode();
    const id = nanoid();
    const row = { id, code, deckId: deck.id, createdAt: Date.now(), startedBy };
    const taken = await this.store.createSession(row, request);
    if (taken) throw new KeyTaken(taken);
    this.rows.set(code, row);
    const live = this.add(new SessionRuntime(id, code, deck, this.store));
    live.runtime.execute({ role: 'lead' }, undefined, () => ({
      events: [event('session.started', request ? { deckId: deck.id, schoolName, request } : { deckId: deck.id, schoolName })],
      response: null,
    }));
    this.log.event('session.started', { code, deckId: deck.id });
    return live;
  }

  /** Deletes a session and all its data, a set-aside one too; false if there is none. */
  async delete(code: string): Promise<boolean> {
    const row = this.row(code);
    if (!row) return false;
    await this.store.deleteSession(row.id);
    const live = this.byCode.get(row.code);
    live?.hub.closeAll();
    birthdayBox.clear(row.id);
    this.byCode.delete(row.code);
    this.setAsideByCode.delete(row.code);
    this.rows.delete(row.code);
    this.log.event('session.deleted', { code: row.code });
    return true;
  }

  all(): LiveSession[] {
    return [...this.byCode.values()];
  }

  /**
   * The commit that the writes made so far wait for, or null when they are all on disk.
   * Every session writes to one store, which commits a turn's writes together.
   */
  committed(): Promise<void> | null {
    return this.store.pendingCommit();
  }

  private add(runtime: SessionRuntime): LiveSession {
    const live = { runtime, hub: new SessionHub(runtime, (role) => this.log.countStreamDrop(runtime.code, role)) };
    this.byCode.set(runtime.code, live);
    return live;
  }
}

function startedSession(live: LiveSession): StartedSession {
  return { id: live.runtime.id, code: live.runtime.code };
}

/** What `start` made, or the start that beat it to the key (KeyTaken). */
async function startedOrTaken(start: (request: StartRequest) => Promise<LiveSession>, request: StartRequest): Promise<LiveSession | KeyedStart> {
  try {
    return await start(request);
  } catch (error) {
    if (error instanceof KeyTaken) return error.earlier;
    throw error;
  }
}

function whyNotReplayed(error: Error): Pick<SetAsideSession, 'problem' | 'seq' | 'reason'> {
  if (error instanceof DamagedLogError) return { problem: error.damage, seq: error.seq, reason: `its log cannot be replayed: ${error.message}` };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('SQLITE_'))
    return { problem: 'file_unreadable', seq: null, reason: `its log cannot be read from the database file (${error.message})` };
  return { problem: 'event_rejected', seq: null, reason: `its log cannot be replayed (${error.message})` };
}
