import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Actor, DomainEvent, NewEvent } from '../domain/events.js';
import { lockDataFolder } from './data-folder-lock.js';
import { EVENT_VERSIONS, type EventVersions } from '../domain/event-versions.js';
import { eventsFromRows, type EventRow } from './event-rows.js';
import { migrate } from './migrations.js';
import { readAnswer, writeAnswer, type FoundAnswer } from './stored-answer.js';
import type { StartRequest } from '../domain/start-request.js';
import {
  type CommitFailureListener,
  keyedStartGone,
  type KeyedStart,
  type ProgramLog,
  type SessionRow,
  type SessionStore,
  type StoredOp,
} from './session-store.js';

export type { CommitFailureListener, SessionRow } from './session-store.js';

/** Marks a batch row as a program's event rather than a session's. */
const PROGRAM_ROW = Symbol('program row');

/**
 * The sessions' append-only logs in one SQLite file (WAL). A command's idempotency record
 * (its client-made key and the answer it got) is stored on the command's last event row,
 * so the two are written atomically and a retried request either finds its earlier answer
 * or is applied for the first time — never twice. A command that changes nothing but was
 * given a key keeps its answer in the `ops` table instead. With the answer goes a digest of
 * the request it answered, so a key reused for another request is told apart from a retry.
 *
 * Idempotency answers are looked up in memory (loaded from disk once per session): with a
 * separate table, every write inserted into a second b-tree at a random place, and the
 * commits that wrote those scattered pages were most of a sticker's cost under load.
 *
 * synchronous=NORMAL in WAL mode survives a killed process (the design's crash case);
 * only a power cut can lose the last transactions.
 *
 * Group commit: on a laptop's disk one commit costs a few hundred microseconds of writes,
 * more than the rest of a request. So a turn of the event loop collects its commands' rows
 * and writes them in one transaction at its end (setImmediate: after this turn's requests,
 * before any timer, so before any stream flush), and every HTTP answer waits for that
 * commit (`pendingCommit`, awaited by the API envelope through the session registry).
 * Nothing is answered before it is on disk; under load, one commit covers every write of
 * that turn. Inserting the rows
 * together, in one tight loop, also costs a fraction of inserting each amid its request's
 * work. A retry in the same turn finds its answer in memory.
 */
export class EventStore implements SessionStore, ProgramLog {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  private readonly begin: Database.Statement;
  private readonly commit: Database.Statement;
  private batch: { promise: Promise<void>; resolve: () => void; reject: (error: Error) => void; rows: unknown[][] } | null = null;
  private readonly insertEvent: Database.Statement;
  private readonly insertOp: Database.Statement;
  private readonly insertProgramEvent: Database.Statement;
  private readonly readOps: Database.Statement;
  /** Per session: each applied operation's key and its answer as JSON. */
  private readonly answers = new Map<string, Map<string, string | null>>();
  private readonly commitFailureListeners = new Set<CommitFailureListener>();
  /** Set once a commit has failed: memory is then ahead of the disk and nothing more is written. */
  private failure: Error | null = null;

  /**
   * `eventVersions` is the version written on new events and the upcasters that bring older
   * ones to the current shape on replay; only tests pass their own.
   */
  constructor(
    dataDir: string,
    private readonly eventVersions: EventVersions = EVENT_VERSIONS,
  ) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'partnerdeck.sqlite'));
    // Before anything else touches the file: one server per data folder (and WAL on).
    lockDataFolder(this.db, dataDir);
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('secure_delete = ON');
    // The schema is built and upgraded by numbered steps; a folder from a newer version is
    // refused here, before anything is written to it.
    try {
      migrate(this.db, join(dataDir, 'partnerdeck.sqlite'));
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.begin = this.db.prepare('BEGIN');
    this.commit = this.db.prepare('COMMIT');
    // The event version is part of the statement: the write path does nothing more per event.
    this.insertEvent = this.db.prepare(
      `INSERT INTO events (session_id, seq, type, actor, data, at, op_key, response, v) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ${Math.trunc(this.eventVersions.current)})`,
    );
    this.insertOp = this.db.prepare('INSERT INTO ops (session_id, op_key, response) VALUES (?, ?, ?)');
    this.insertProgramEvent = this.db.prepare('INSERT INTO program_events (program_id, seq, type, actor, data, at) VALUES (?, ?, ?, ?, ?, ?)');
    this.readOps = this.db.prepare(
      'SELECT op_key AS key, response FROM events WHERE session_id = ? AND op_key IS NOT NULL UNION ALL SELECT op_key AS key, response FROM ops WHERE session_id = ?',
    );
  }

  createSession(row: SessionRow, request?: StartRequest): KeyedStart | null {
    this.assertWritable();
    const created = this.db
      .prepare(
        'INSERT INTO sessions (id, code, deck_id, created_at, started_by, start_key, start_digest) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (start_key) DO NOTHING',
      )
      .run(row.id, row.code, row.deckId, row.createdAt, row.startedBy, request?.key ?? null, request?.digest ?? null);
    if (created.changes === 1 || !request) return null;
    return this.startedWith(request.key) ?? keyedStartGone();
  }

  startedWith(key: string): KeyedStart | undefined {
    return this.db.prepare('SELECT id AS sessionId, code, start_key AS key, start_digest AS digest FROM sessions WHERE start_key = ?').get(key) as
      KeyedStart | undefined;
  }

  codeTaken(code: string): boolean {
    return this.db.prepare('SELECT 1 FROM sessions WHERE code = ?').get(code) !== undefined;
  }

  listSessions(): SessionRow[] {
    return this.db
      .prepare('SELECT id, code, deck_id AS deckId, created_at AS createdAt, started_by AS startedBy FROM sessions ORDER BY created_at')
      .all() as SessionRow[];
  }

  /**
   * A session's log in order, every event in its current shape (older events upcast).
   * Throws DamagedLogError naming the first row that cannot be read.
   */
  readEvents(sessionId: string): DomainEvent[] {
    const rows = this.db.prepare('SELECT seq, type, actor, data, at, v FROM events WHERE session_id = ? ORDER BY seq').all(sessionId) as EventRow[];
    return eventsFromRows(rows, this.eventVersions);
  }

  /**
   * SQLite's quick check of the whole file (page structure, free lists, record formats):
   * the problems it found, or an empty list when the file is sound. It reads every page
   * once, so it runs at start, not while a room is writing.
   */
  quickCheck(): string[] {
    try {
      const rows = this.db.pragma('quick_check(20)', { simple: false }) as { quick_check: string }[];
      const problems = rows.map((r) => r.quick_check).filter((line) => line !== 'ok');
      return problems;
    } catch (error) {
      return [(error as Error).message];
    }
  }

  /**
   * Listens for a failed commit. The store does not stop the process itself; whoever runs
   * it decides (the server stops, so that a restart replays what the disk has).
   */
  onCommitFailure(listener: CommitFailureListener): () => void {
    this.commitFailureListeners.add(listener);
    return () => this.commitFailureListeners.delete(listener);
  }

  /**
   * The answer stored for an operation already applied, with the digest of the request it
   * answered (null for answers stored before digests were kept); undefined if the key is
   * new; 'lost' if the stored answer cannot be read (a damaged row): the operation was
   * applied, but its answer cannot be given again.
   */
  findAnswer(sessionId: string, opKey: string): FoundAnswer | 'lost' | undefined {
    const stored = this.answersOf(sessionId).get(opKey);
    return stored === undefined ? undefined : readAnswer(stored);
  }

  /** Appends events (numbered from `firstSeq`) and the op's answer atomically. */
  append(sessionId: string, firstSeq: number, actor: Actor, events: NewEvent[], at: number, op?: StoredOp): DomainEvent[] {
    const committed: DomainEvent[] = events.map((e, i) => ({ ...e, seq: firstSeq + i, at, actor }));
    const actorJson = JSON.stringify(actor);
    const answer = op ? writeAnswer(op.digest, op.response) : null;
    const last = committed.length - 1;
    const rows = this.openBatch();
    committed.forEach((e, i) => {
      const carriesOp = i === last && op !== undefined;
      rows.push([sessionId, e.seq, e.type, actorJson, JSON.stringify(e.data), at, carriesOp ? op.key : null, carriesOp ? answer : null]);
    });
    // A command that changed nothing keeps its answer in the ops table (marked by a null seq).
    if (op && committed.length === 0) rows.push([sessionId, null, null, null, null, null, op.key, answer]);
    if (op) this.answersOf(sessionId).set(op.key, answer);
    return committed;
  }

  /**
   * Appends events to a program's log (a school's run of a series), in the same turn's
   * transaction as the sessions' writes: a returning code issued to a phone is committed
   * together with the session's record of it, and answered after both are on disk.
   */
  appendProgram(
    programId: string,
    firstSeq: number,
    actor: Actor,
    events: { type: string; data: unknown }[],
    at: number,
  ): { seq: number; type: string; data: unknown; at: number }[] {
    const rows = this.openBatch();
    const actorJson = JSON.stringify(actor);
    return events.map((e, i) => {
      const seq = firstSeq + i;
      rows.push([programId, seq, e.type, actorJson, JSON.stringify(e.data), at, PROGRAM_ROW]);
      return { seq, type: e.type, data: e.data, at };
    });
  }

  /** Every program's log, in order. */
  readPrograms(): { programId: string; events: { seq: number; type: string; data: unknown; at: number }[] }[] {
    const rows = this.db.prepare('SELECT program_id AS programId, seq, type, data, at FROM program_events ORDER BY program_id, seq').all() as {
      programId: string;
      seq: number;
      type: string;
      data: string;
      at: number;
    }[];
    const byProgram = new Map<string, { seq: number; type: string; data: unknown; at: number }[]>();
    for (const r of rows) {
      let list = byProgram.get(r.programId);
      if (!list) byProgram.set(r.programId, (list = []));
      list.push({ seq: r.seq, type: r.type, data: JSON.parse(r.data), at: r.at });
    }
    return [...byProgram].map(([programId, events]) => ({ programId, events }));
  }

  private answersOf(sessionId: string): Map<string, string | null> {
    let answers = this.answers.get(sessionId);
    if (!answers) {
      const rows = this.readOps.all(sessionId, sessionId) as { key: string; response: string | null }[];
      this.answers.set(sessionId, (answers = new Map(rows.map((r) => [r.key, r.response]))));
    }
    return answers;
  }

  private assertWritable(): void {
    if (this.failure) throw new Error(`The event log takes no more writes after a failed commit (${this.failure.message}).`);
  }

  /** Resolves when the writes made so far are committed to disk. */
  committed(): Promise<void> {
    return this.batch?.promise ?? Promise.resolve();
  }

  /** The commit the writes made so far wait for, or null when every write is on disk (nothing to wait for). */
  pendingCommit(): Promise<void> | null {
    return this.batch?.promise ?? null;
  }

  /** The rows of the turn's transaction, opened on the first write of the turn. */
  private openBatch(): unknown[][] {
    this.assertWritable();
    if (this.batch) return this.batch.rows;
    let resolve!: () => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
    promise.catch(() => {});
    this.batch = { promise, resolve, reject, rows: [] };
    setImmediate(() => this.commitBatch());
    return this.batch.rows;
  }

  private commitBatch(): void {
    const batch = this.batch;
    if (!batch) return;
    this.batch = null;
    try {
      this.begin.run();
      for (const row of batch.rows) {
        if (row[6] === PROGRAM_ROW) this.insertProgramEvent.run(...row.slice(0, 6));
        else if (row[1] === null) this.insertOp.run(row[0], row[6], row[7]);
        else this.insertEvent.run(...row);
      }
      this.commit.run();
      batch.resolve();
    } catch (error) {
      if (this.db.open && this.db.inTransaction) this.db.exec('ROLLBACK');
      // The projection in memory already holds these writes and the disk does not: the only
      // safe way on is to stop and let a restart replay what the disk has. No answer for
      // them has left the server (every answer waits for this commit), so every client
      // retries. The store refuses further writes and tells its listeners; the server
      // stops. The listeners run before the waiting answers resume, so none of them is sent.
      this.failure = error as Error;
      for (const listener of this.commitFailureListeners) listener(this.failure);
      batch.reject(this.failure);
    }
  }

  /**
   * Erases a session for good: its log, its idempotency records and its row. secure_delete
   * overwrites the freed pages, and the checkpoint empties the write-ahead log, so no copy
   * of the deleted text stays behind in the files.
   */
  deleteSession(sessionId: string): void {
    this.commitBatch();
    this.assertWritable();
    this.db.transaction(() => {
      for (const table of ['events', 'ops']) this.db.prepare(`DELETE FROM ${table} WHERE session_id = ?`).run(sessionId);
      this.db.prepare('DELETE FROM sessions WHERE id = ?').run(sessionId);
    })();
    this.answers.delete(sessionId);
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  close(): void {
    this.commitBatch();
    this.db.close();
  }
}
