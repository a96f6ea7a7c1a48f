import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import pg from 'pg';
import type { Actor, DomainEvent, NewEvent } from '../domain/events.js';
import { EVENT_VERSIONS, type EventVersions } from '../domain/event-versions.js';
import { eventsFromRows } from './event-rows.js';
import { migratePostgres } from './postgres-migrations.js';
import { readAnswer, writeAnswer, type FoundAnswer } from './stored-answer.js';
import type { StartRequest } from '../domain/start-request.js';
import {
  SessionMoved,
  type CommitFailureListener,
  keyedStartGone,
  type KeyedStart,
  type SessionRow,
  type SessionStore,
  type StoredOp,
} from './session-store.js';

export { SessionMoved } from './session-store.js';

/** How long a session stays with its owner without a renewal; the owner renews it every LEASE_MS / 3. */
export const LEASE_MS = 5_000;


/** Where a session is: its row, and who holds it now (owner null: nobody ever took it). */
export interface SessionLocation {
  row: SessionRow;
  owner: string | null;
  ownerUrl: string | null;
  /** Whether the owner's lease still runs. */
  live: boolean;
}

export type SessionsLostListener = (sessionIds: string[], why: 'taken' | 'lease_lost') => void;

export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  /** How this process is named as an owner; unique per start unless given (tests). */
  instanceId?: string;
  leaseMs?: number;
  /** The version written on new events and the upcasters for older ones; only tests pass their own. */
  eventVersions?: EventVersions;
  /** Connections besides the writer's: reads at load, lease renewals, session admin. */
  poolSize?: number;
}

interface Batch {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: Error) => void;
  /** Per session in the batch: the epoch it was written under, and its first event's seq (null: answers only). */
  sessions: Map<string, { epoch: number; first: number | null }>;
  eSession: string[];
  eSeq: number[];
  eType: string[];
  eActor: string[];
  eData: string[];
  eAt: number[];
  eOpKey: (string | null)[];
  eResponse: (string | null)[];
  oSession: string[];
  oKey: string[];
  oResponse: string[];
}

const COMMIT_SQL =
  'SELECT partnerdeck_commit($1, $2::text[], $3::bigint[], $4::integer[], $5, $6::text[], $7::integer[], $8::text[], $9::text[], $10::text[], $11::bigint[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[]) AS refused';

/**
 * The sessions' logs in a Postgres database that several instances share. Each session is
 * owned by one instance at a time, and only its owner writes to it:
 *
 * - **Taking a session** (`claim`) is one statement on `session_owners`: it succeeds when
 *   nobody holds the session or the holder's lease has run out, and raises the session's
 *   *epoch* by one. The new owner then reads the log and replays it.
 * - **The lease** runs LEASE_MS from the database's own clock (`now()`, so the instances'
 *   clocks do not matter) and the owner renews all its sessions at once (`renewLeases`).
 * - **Fencing.** Every commit goes through `partnerdeck_commit`, which writes a session's
 *   rows only if its owner row still names this instance at the epoch it took, and the log
 *   continues where the batch says. An owner that was paused, cut off or slow past its
 *   lease, and whose sessions were taken meanwhile, can never write again: its commit is
 *   refused (SessionMoved), no answer says "saved", and it drops those sessions.
 *   The owner rows are share-locked by the commit, so a taking waits for a commit already
 *   under way and then replays a log that contains it: no acknowledged write is missed.
 *
 * The write path is the embedded store's: `append` adds rows to the current batch at once
 * and the answers wait for `committed()`. The batch is sent when the event loop turns, one
 * statement and one round trip, while the next batch collects: with one commit in flight
 * at a time, a busy instance sends fewer, larger commits. Idempotency answers are kept in
 * memory per owned session, loaded with its log.
 */
export class PostgresStore implements SessionStore {
  readonly kind = 'postgres';
  readonly instanceId: string;
  /** Where the other instances reach this one (set once the server listens). */
  instanceUrl = '';
  readonly leaseMs: number;
  /** The epoch this instance holds, per session it owns. */
  private readonly epochs = new Map<string, number>();
  /** Per owned session: each applied operation's key and its answer as JSON. */
  private readonly answers = new Map<string, Map<string, string | null>>();
  private open: Batch | null = null;
  private inFlight: Batch | null = null;
  private failure: Error | null = null;
  private closed = false;
  private readonly commitFailureListeners = new Set<CommitFailureListener>();
  private readonly lostListeners = new Set<SessionsLostListener>();

  private constructor(
    private readonly pool: pg.Pool,
    /** One connection for the commits, so they reach the database in order. */
    private readonly writer: pg.PoolClient,
    /** host:port/database, for messages (never the password). */
    readonly where: string,
    options: PostgresStoreOptions,
    private readonly eventVersions: EventVersions,
  ) {
    this.instanceId = options.instanceId ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
    this.leaseMs = options.leaseMs ?? LEASE_MS;
    writer.on('error', (error) => this.fail(error));
  }

  /** Connects, and builds or upgrades the schema (a database from a newer version is refused). */
  static async open(options: PostgresStoreOptions): Promise<PostgresStore> {
    const where = describeUrl(options.url);
    const pool = new pg.Pool({ connectionString: options.url, max: (options.poolSize ?? 4) + 1, application_name: 'partnerdeck' });
    // An idle connection that breaks is replaced by the pool; without a listener it would end the process.
    pool.on('error', () => {});
    let writer: pg.PoolClient | undefined;
    try {
      writer = await pool.connect();
      await migratePostgres(writer, where);
    } catch (error) {
      writer?.release();
      await pool.end();
      throw error;
    }
    return new PostgresStore(pool, writer, where, options, options.eventVersions ?? EVENT_VERSIONS);
  }

  // --- the write path ------------------------------------------------------------------

  findAnswer(sessionId: string, opKey: string): FoundAnswer | 'lost' | undefined {
    const stored = this.answers.get(sessionId)?.get(opKey);
    return stored === undefined ? undefined : readAnswer(stored);
  }

  append(sessionId: string, firstSeq: number, actor: Actor, events: NewEvent[], at: number, op?: StoredOp): DomainEvent[] {
    const epoch = this.epochs.get(sessionId);
    if (epoch === undefined) throw new SessionMoved([sessionId]);
    const batch = this.openBatch();
    const committed: DomainEvent[] = events.map((e, i) => ({ ...e, seq: firstSeq + i, at, actor }));
    const actorJson = JSON.stringify(actor);
    const answer = op ? writeAnswer(op.digest, op.response) : null;
    const last = committed.length - 1;
    committed.forEach((e, i) => {
      const carriesOp = i === last && op !== undefined;
      batch.eSession.push(sessionId);
      batch.eSeq.push(e.seq);
      batch.eType.push(e.type);
      batch.eActor.push(actorJson);
      batch.eData.push(JSON.stringify(e.data));
      batch.eAt.push(at);
      batch.eOpKey.push(carriesOp ? op.key : null);
      batch.eResponse.push(carriesOp ? answer : null);
    });
    if (op && committed.length === 0) {
      batch.oSession.push(sessionId);
      batch.oKey.push(op.key);
      batch.oResponse.push(answer!);
    }
    const entry = batch.sessions.get(sessionId);
    if (!entry) batch.sessions.set(sessionId, { epoch, first: committed.length > 0 ? firstSeq : null });
    else if (entry.first === null && committed.length > 0) entry.first = firstSeq;
    if (op) this.answersOf(sessionId).set(op.key, answer);
    return committed;
  }

  committed(): Promise<void> {
    return this.pendingCommit() ?? Promise.resolve();
  }

  pendingCommit(): Promise<void> | null {
    // The open batch is sent only after the one in flight, and fails if that one fails.
    return (this.open ?? this.inFlight)?.promise ?? null;
  }

  onCommitFailure(listener: CommitFailureListener): () => void {
    this.commitFailureListeners.add(listener);
    return () => this.commitFailureListeners.delete(listener);
  }

  /** Listens for sessions this instance lost: taken by another instance, or its lease not renewed in time. */
  onSessionsLost(listener: SessionsLostListener): () => void {
    this.lostListeners.add(listener);
    return () => this.lostListeners.delete(listener);
  }

  private answersOf(sessionId: string): Map<string, string | null> {
    let answers = this.answers.get(sessionId);
    if (!answers) this.answers.set(sessionId, (answers = new Map()));
    return answers;
  }

  private assertWritable(): void {
    if (this.failure) throw new Error(`The event log takes no more writes after a failed commit (${this.failure.message}).`);
    if (this.closed) throw new Error('The event log is closed.');
  }

  private openBatch(): Batch {
    this.assertWritable();
    if (this.open) return this.open;
    let resolve!: () => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
    promise.catch(() => {});
    this.open = {
      promise,
      resolve,
      reject,
      sessions: new Map(),
      eSession: [],
      eSeq: [],
      eType: [],
      eActor: [],
      eData: [],
      eAt: [],
      eOpKey: [],
      eResponse: [],
      oSession: [],
      oKey: [],
      oResponse: [],
    };
    // Sent when this turn's requests are done; if a commit is under way, right after it.
    if (!this.inFlight) setImmediate(() => this.send());
    return this.open;
  }

  private send(): void {
    const batch = this.open;
    if (!batch || this.inFlight || this.failure) return;
    this.open = null;
    this.inFlight = batch;
    const sessions = [...batch.sessions];
    const params = [
      this.instanceId,
      sessions.map(([id]) => id),
      sessions.map(([, s]) => s.epoch),
      sessions.map(([, s]) => s.first),
      Math.trunc(this.eventVersions.current),
      batch.eSession,
      batch.eSeq,
      batch.eType,
      batch.eActor,
      batch.eData,
      batch.eAt,
      batch.eOpKey,
      batch.eResponse,
      batch.oSession,
      batch.oKey,
      batch.oResponse,
    ];
    this.writer.query<{ refused: string[] }>(COMMIT_SQL, params).then(
      (result) => {
        this.inFlight = null;
        const refused = result.rows[0].refused;
        if (refused.length === 0) batch.resolve();
        else {
          // Taken by another instance: what this one holds in memory is not the log any more.
          this.drop(refused);
          for (const listener of this.lostListeners) listener(refused, 'taken');
          batch.reject(new SessionMoved(refused));
        }
        this.afterCommit();
      },
      (error: Error) => {
        this.inFlight = null;
        this.fail(error);
        batch.reject(error);
      },
    );
  }

  private afterCommit(): void {
    if (this.open) this.send();
  }

  /**
   * A commit that failed (the database is gone, the connection broke): whether it was
   * stored is unknown, so nothing waiting is answered as saved, and nothing more is written.
   * The listeners decide what happens (the server stops; the sessions move to other instances).
   */
  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const listener of this.commitFailureListeners) listener(error);
    this.open?.reject(error);
    this.open = null;
  }

  // --- sessions --------------------------------------------------------------------------

  async listSessions(): Promise<SessionRow[]> {
    const { rows } = await this.pool.query('SELECT id, code, deck_id, created_at, started_by FROM sessions ORDER BY created_at');
    return rows.map(toSessionRow);
  }

  /** Every session with the school name it was started with (from its first event), for the operator's list. */
  async listSessionsWithSchools(): Promise<(SessionRow & { schoolName: string })[]> {
    const { rows } = await this.pool.query(
      `SELECT s.id, s.code, s.deck_id, s.created_at, s.started_by, e.data AS first
         FROM sessions s LEFT JOIN events e ON e.session_id = s.id AND e.seq = 1 ORDER BY s.created_at`,
    );
    return rows.map((r) => ({ ...toSessionRow(r), schoolName: schoolNameIn(r.first) }));
  }

  async codeTaken(code: string): Promise<boolean> {
    return (await this.pool.query('SELECT 1 FROM sessions WHERE code = $1', [code])).rowCount! > 0;
  }

  /**
   * Creates a session owned by this instance (epoch 1), in one statement. With a start key
   * another instance already used (or is using this moment: the unique index makes this
   * statement wait for that one's), nothing is created and that session's start is the answer.
   */
  async createSession(row: SessionRow, request?: StartRequest): Promise<KeyedStart | null> {
    this.assertWritable();
    const created = await this.pool.query(
      `WITH s AS (
         INSERT INTO sessions (id, code, deck_id, created_at, started_by, start_key, start_digest) VALUES ($1, $2, $3, $4, $5, $9, $10)
         ON CONFLICT (start_key) DO NOTHING RETURNING id)
       INSERT INTO session_owners (session_id, owner, owner_url, epoch, expires_at) SELECT id, $6, $7, 1, now() + $8 * interval '1 millisecond' FROM s`,
      [
        row.id,
        row.code,
        row.deckId,
        row.createdAt,
        row.startedBy,
        this.instanceId,
        this.instanceUrl,
        this.leaseMs,
        request?.key ?? null,
        request?.digest ?? null,
      ],
    );
    if (created.rowCount === 1 || !request) {
      this.epochs.set(row.id, 1);
      this.answers.set(row.id, new Map());
      return null;
    }
    // Read in a statement of its own: it sees the other instance's row, committed by now.
    return (await this.startedWith(request.key)) ?? keyedStartGone();
  }

  async startedWith(key: string): Promise<KeyedStart | undefined> {
    const { rows } = await this.pool.query<{ id: string; code: string; start_key: string; start_digest: string }>(
      'SELECT id, code, start_key, start_digest FROM sessions WHERE start_key = $1',
      [key],
    );
    const r = rows[0];
    return r && { sessionId: r.id, code: r.code, key: r.start_key, digest: r.start_digest };
  }

  /**
   * A session's log, and the answers stored with it (kept in memory for retries). Read by
   * the owner right after taking it; the owner's epoch keeps anyone else from adding to it.
   */
  async readEvents(sessionId: string): Promise<DomainEvent[]> {
    const [events, ops] = await Promise.all([
      this.pool.query({ text: 'SELECT seq, type, actor, data, at, v, op_key, response FROM events WHERE session_id = $1 ORDER BY seq', values: [sessionId], rowMode: 'array' }),
      this.pool.query({ text: 'SELECT op_key, response FROM ops WHERE session_id = $1', values: [sessionId], rowMode: 'array' }),
    ]);
    const answers = new Map<string, string | null>();
    for (const [key, response] of ops.rows as [string, string][]) answers.set(key, response);
    const rows = (events.rows as [number, string, string, string, string, number, string | null, string | null][]).map(([seq, type, actor, data, at, v, opKey, response]) => {
      // A key whose answer is missing was applied all the same: findAnswer says 'lost'.
      if (opKey !== null) answers.set(opKey, response);
      return { seq, type, actor, data, at: Number(at), v };
    });
    this.answers.set(sessionId, answers);
    return eventsFromRows(rows, this.eventVersions);
  }

  /**
   * Erases a session, its log, its answers and its owner row, in one transaction, if this
   * instance owns it (or nobody ever did). Postgres keeps the deleted rows' space until it
   * vacuums the tables (autovacuum does, soon after).
   */
  async deleteSession(sessionId: string): Promise<void> {
    await this.committed().catch(() => {});
    this.assertWritable();
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const owner = await client.query<{ owner: string; epoch: string }>('SELECT owner, epoch FROM session_owners WHERE session_id = $1 FOR UPDATE', [sessionId]);
      const held = owner.rows[0];
      if (held && (held.owner !== this.instanceId || Number(held.epoch) !== this.epochs.get(sessionId))) throw new SessionMoved([sessionId]);
      await client.query('DELETE FROM events WHERE session_id = $1', [sessionId]);
      await client.query('DELETE FROM ops WHERE session_id = $1', [sessionId]);
      await client.query('DELETE FROM sessions WHERE id = $1', [sessionId]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
    this.drop([sessionId]);
  }

  // --- ownership -------------------------------------------------------------------------

  /** The session with this join code and who holds it, or null if there is none. */
  async locate(code: string): Promise<SessionLocation | null> {
    const { rows } = await this.pool.query(
      `SELECT s.id, s.code, s.deck_id, s.created_at, s.started_by, o.owner, o.owner_url, (o.expires_at > now()) AS live
         FROM sessions s LEFT JOIN session_owners o ON o.session_id = s.id WHERE s.code = $1`,
      [code.toUpperCase()],
    );
    const r = rows[0];
    if (!r) return null;
    return { row: toSessionRow(r), owner: r.owner ?? null, ownerUrl: r.owner_url ?? null, live: r.live === true };
  }

  /**
   * Takes a session for this instance if nobody holds it (or the holder's lease ran out),
   * raising its epoch; true if taken. Its log must then be read (readEvents) before it is
   * served. A session this instance already held is taken again under a new epoch.
   *
   * `fromGone` names an owner known to be gone (its address refused a connection): the
   * session is taken from it even though its lease still runs, but only if that owner still
   * holds it (not if another instance took it meanwhile). Fencing is the same as after an
   * expired lease: the epoch rises, so that owner, were it somehow alive, can never write.
   */
  async claim(sessionId: string, options: { fromGone?: string } = {}): Promise<boolean> {
    this.assertWritable();
    const { rows } = await this.pool.query<{ epoch: string }>(
      `INSERT INTO session_owners (session_id, owner, owner_url, epoch, expires_at)
         SELECT $1, $2, $3, 1, now() + $4 * interval '1 millisecond' WHERE EXISTS (SELECT 1 FROM sessions WHERE id = $1)
       ON CONFLICT (session_id) DO UPDATE
         SET owner = EXCLUDED.owner, owner_url = EXCLUDED.owner_url, epoch = session_owners.epoch + 1, expires_at = EXCLUDED.expires_at
         WHERE session_owners.expires_at <= now() OR session_owners.owner = EXCLUDED.owner OR session_owners.owner = $5::text
       RETURNING epoch`,
      [sessionId, this.instanceId, this.instanceUrl, this.leaseMs, options.fromGone ?? null],
    );
    if (rows.length === 0) return false;
    this.epochs.set(sessionId, Number(rows[0].epoch));
    this.answers.delete(sessionId);
    return true;
  }

  /**
   * Renews the lease on every session this instance owns, in one statement, and records
   * that the instance is alive. Sessions it believed it owned that were not renewed (taken
   * by another instance meanwhile) are dropped and reported to the listeners.
   */
  async renewLeases(): Promise<string[]> {
    // Judged against what was held when the renewal was sent: a session taken meanwhile is not in its answer.
    const held = [...this.epochs];
    const { rows } = await this.pool.query<{ session_id: string; epoch: string }>(
      `UPDATE session_owners SET expires_at = now() + $2 * interval '1 millisecond' WHERE owner = $1 RETURNING session_id, epoch`,
      [this.instanceId, this.leaseMs],
    );
    const renewed = new Map(rows.map((r) => [r.session_id, Number(r.epoch)]));
    const lost = held.filter(([id, epoch]) => renewed.get(id) !== epoch && this.epochs.get(id) === epoch).map(([id]) => id);
    if (lost.length > 0) {
      this.drop(lost);
      for (const listener of this.lostListeners) listener(lost, 'taken');
    }
    await this.pool.query(
      'INSERT INTO instances (id, url) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET url = EXCLUDED.url, seen_at = now()',
      [this.instanceId, this.instanceUrl],
    );
    return lost;
  }

  /** The addresses of the instances seen in the last minute (this one included). */
  async instanceUrls(): Promise<string[]> {
    const { rows } = await this.pool.query<{ url: string }>("SELECT url FROM instances WHERE seen_at > now() - interval '1 minute'");
    return rows.map((r) => r.url);
  }

  /** Lets go of sessions here without touching the database (after losing them). */
  forget(sessionIds: string[]): void {
    if (sessionIds.length === 0) return;
    this.drop(sessionIds);
    for (const listener of this.lostListeners) listener(sessionIds, 'lease_lost');
  }

  /** The sessions this instance owns. */
  owned(): string[] {
    return [...this.epochs.keys()];
  }

  private drop(sessionIds: string[]): void {
    for (const id of sessionIds) {
      this.epochs.delete(id);
      this.answers.delete(id);
    }
  }

  /**
   * The secrets every instance must share (the key ring's secret and the operator key):
   * the first instance to start stores the ones it proposes; every instance gets the stored ones.
   */
  async sharedSecrets(proposed: Record<string, string>): Promise<Record<string, string>> {
    const names = Object.keys(proposed);
    await this.pool.query('INSERT INTO shared_secrets (name, value) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (name) DO NOTHING', [
      names,
      names.map((name) => proposed[name]),
    ]);
    const { rows } = await this.pool.query<{ name: string; value: string }>('SELECT name, value FROM shared_secrets WHERE name = ANY ($1::text[])', [names]);
    return Object.fromEntries(rows.map((r) => [r.name, r.value]));
  }

  /**
   * Commits what is pending, hands this instance's sessions over at once (their leases end
   * now, so another instance takes them at its next request instead of after the lease),
   * and closes the connections.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.committed().catch(() => {});
    this.closed = true;
    try {
      if (!this.failure) {
        await this.pool.query('UPDATE session_owners SET expires_at = now() WHERE owner = $1', [this.instanceId]);
        await this.pool.query('DELETE FROM instances WHERE id = $1', [this.instanceId]);
      }
    } catch {
      // The database is gone: the leases run out by themselves.
    }
    this.writer.release();
    await this.pool.end();
  }
}

function toSessionRow(r: { id: string; code: string; deck_id: string; created_at: string | number; started_by: string }): SessionRow {
  return { id: r.id, code: r.code, deckId: r.deck_id, createdAt: Number(r.created_at), startedBy: r.started_by };
}

function schoolNameIn(firstEventData: string | null): string {
  try {
    const name = (JSON.parse(firstEventData ?? 'null') as { schoolName?: unknown } | null)?.schoolName;
    return typeof name === 'string' ? name : '';
  } catch {
    return '';
  }
}

/** host:port/database of a connection string, for messages: never its password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `postgres at ${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'postgres (DATABASE_URL)';
  }
}
