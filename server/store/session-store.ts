import type { Actor, DomainEvent, NewEvent } from '../domain/events.js';
import type { StartRequest } from '../domain/start-request.js';
import type { FoundAnswer } from './stored-answer.js';

export interface SessionRow {
  id: string;
  code: string;
  deckId: string;
  createdAt: number;
  /**
   * Who started the session: `operator:<fingerprint of the operator key>` for sessions
   * started with this server's operator key, '' for sessions from versions that did not
   * record it. Only sessions marked with the current operator are ever printed at start.
   */
  startedBy: string;
}

/**
 * The session an operator's start with an Idempotency-Key made, as its row keeps it: the
 * key (unique among the sessions) and the digest of the request, so a retry that reaches
 * any instance finds the session, and another request with the key is told apart.
 */
export interface KeyedStart extends StartRequest {
  sessionId: string;
  code: string;
}

/**
 * The session a start key made was deleted between the creation that found the key taken
 * and the look-up of its session: nothing was created, and nothing can be answered. Not
 * a 4xx: the start may simply be sent again.
 */
export function keyedStartGone(): never {
  throw new Error('The session this Idempotency-Key started was deleted a moment ago; nothing was created. Send the start again.');
}

/** Called when a commit fails; the server decides what happens next. */
export type CommitFailureListener = (error: Error) => void;

/** A value now (the embedded store) or later (a database across the network). */
export type Awaitable<T> = T | Promise<T>;

/**
 * An operation's client-made key, the digest of the request (route, caller, body) and the
 * answer it got, stored atomically with its events.
 */
export interface StoredOp {
  key: string;
  digest: string;
  response: unknown;
}

/**
 * Where the sessions' logs are kept. Two implementations, one contract
 * (server/store/store-contract.test.ts runs the same cases against both):
 *
 * - `EventStore`: SQLite in the data folder, the default: one server, no setup.
 * - `PostgresStore`: a Postgres database shared by several instances, each session
 *   owned by one instance at a time (see server/store/postgres-store.ts).
 *
 * The write path is the same for both, and synchronous: a command is decided against the
 * projection in memory and its rows go into the current turn's batch at once (`append`),
 * so two racing requests are decided one after the other. The batch is committed once per
 * turn of the event loop (one transaction), and every answer waits for that commit
 * (`committed`). A retried request finds its earlier answer in memory (`findAnswer`).
 *
 * Reading and managing sessions answers at once from SQLite and later from Postgres;
 * callers await the result either way.
 */
export interface SessionStore {
  readonly kind: 'sqlite' | 'postgres';
  /**
   * The answer stored for an operation already applied, with the digest of the request it
   * answered; undefined if the key is new; 'lost' if the stored answer cannot be read. For a
   * session whose log this store read (readEvents) or that it created.
   */
  findAnswer(sessionId: string, opKey: string): FoundAnswer | 'lost' | undefined;
  /** Appends events (numbered from `firstSeq`) and the op's answer to this turn's batch, atomically. */
  append(sessionId: string, firstSeq: number, actor: Actor, events: NewEvent[], at: number, op?: StoredOp): DomainEvent[];
  /** Resolves when the writes made so far are committed; rejects if they were not. */
  committed(): Promise<void>;
  /**
   * The commit the writes made so far wait for, or null when nothing waits: the API envelope
   * awaits it (through the session registry) before any answer leaves.
   */
  pendingCommit(): Promise<void> | null;
  /** Listens for a failed commit; the store never stops the process itself. */
  onCommitFailure(listener: CommitFailureListener): () => void;
  listSessions(): Awaitable<SessionRow[]>;
  /** A session's log in order, every event in its current shape. Throws DamagedLogError at the first row that cannot be read. */
  readEvents(sessionId: string): Awaitable<DomainEvent[]>;
  /**
   * Creates a session's row; with `request` (an operator's start with an Idempotency-Key),
   * the row keeps its key and digest. Null once created. A key that already started a
   * session (on this instance or, a moment ago, on another) creates nothing: the answer is
   * that session's start. The key is unique in the store, so of two instances starting
   * with one key at the same moment, one creates the session and the other gets it.
   */
  createSession(row: SessionRow, request?: StartRequest): Awaitable<KeyedStart | null>;
  /** The session the start with this Idempotency-Key made, whichever instance made it; undefined if none (or it was deleted). */
  startedWith(key: string): Awaitable<KeyedStart | undefined>;
  codeTaken(code: string): Awaitable<boolean>;
  /** Erases a session for good: its log, its answers and its row. */
  deleteSession(sessionId: string): Awaitable<void>;
  /** Commits what is pending and lets go of the database. */
  close(): Awaitable<void>;
}

/**
 * Writes for a session this instance no longer owns (another instance took it over) were
 * refused by the database. Nothing of them was stored and no answer says they were: they
 * are answered 503 with Retry-After, and the clients retry, reaching the new owner.
 */
export class SessionMoved extends Error {
  constructor(readonly sessionIds: string[]) {
    super(`${sessionIds.length === 1 ? 'A session' : `${sessionIds.length} sessions`} moved to another instance; the writes for ${sessionIds.length === 1 ? 'it' : 'them'} were not stored.`);
    this.name = 'SessionMoved';
  }
}

/** One event of a program's log (a school's run of a series), as stored. */
export interface StoredProgramEvent {
  seq: number;
  type: string;
  data: unknown;
  at: number;
}

/**
 * The programs' logs. Only the embedded store keeps them for now (EventStore): with a
 * shared Postgres database a program would need an owner among the instances, as sessions
 * have, so a server on DATABASE_URL runs single sessions and refuses to start a program.
 */
export interface ProgramLog {
  /** Appends a program's events to this turn's batch, committed with the sessions' writes. */
  appendProgram(programId: string, firstSeq: number, actor: Actor, events: { type: string; data: unknown }[], at: number): StoredProgramEvent[];
  /** Every program's log, in order. */
  readPrograms(): { programId: string; events: StoredProgramEvent[] }[];
}
