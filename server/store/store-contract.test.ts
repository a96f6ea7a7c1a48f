import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshSchema } from '../../tests/postgres/throwaway-postgres.js';
import type { Actor, NewEvent } from '../domain/events.js';
import { DamagedLogError } from './damaged-log.js';
import { DataFolderInUse } from './data-folder-lock.js';
import { EventStore } from './event-store.js';
import { SCHEMA_VERSION, SchemaTooNew } from './migrations.js';
import { POSTGRES_SCHEMA_VERSION } from './postgres-migrations.js';
import { PostgresStore, SessionMoved } from './postgres-store.js';
import type { SessionRow, SessionStore } from './session-store.js';

/**
 * One contract, two stores: the embedded SQLite store (always) and the Postgres store
 * (when PD_TEST_DATABASE_URL names a server, as `npm run test:postgres` does). Each case
 * opens a fresh place (a data folder; a schema of its own) through a small harness that
 * knows how to reach into that place from outside: read its schema version, damage a row,
 * break the next commit.
 */
interface Place {
  open(options?: { instanceId?: string; leaseMs?: number }): Promise<SessionStore>;
  /** Makes every later commit fail, as a full disk or a refusing database would. */
  breakWrites(store: SessionStore): Promise<void>;
  schemaVersion(): Promise<number>;
  /** Writes a schema version newer than this code knows (with the store closed). */
  markNewer(version: number): Promise<void>;
  /** Overwrites one stored event's data with text that is not JSON (with the store closed). */
  damage(sessionId: string, seq: number): Promise<void>;
  /** Overwrites the answer stored for an operation with one that cannot be read (with the store closed). */
  damageAnswer(sessionId: string, opKey: string): Promise<void>;
  /** Makes the store able to write to a session it did not create (Postgres: take it over). */
  take(store: SessionStore, sessionId: string): Promise<void>;
  cleanup(): Promise<void>;
}

interface Harness {
  name: string;
  latestSchema: number;
  fresh(): Promise<Place>;
}

const sqlite: Harness = {
  name: 'SQLite (embedded)',
  latestSchema: SCHEMA_VERSION,
  async fresh() {
    const dataDir = mkdtempSync(join(tmpdir(), 'partnerdeck-contract-'));
    const file = join(dataDir, 'partnerdeck.sqlite');
    const raw = (work: (db: Database.Database) => void) => {
      const db = new Database(file);
      try {
        work(db);
      } finally {
        db.close();
      }
    };
    return {
      async open() {
        return new EventStore(dataDir);
      },
      async breakWrites(store) {
        // SQLite may use no more pages than the file has now: a disk that is full.
        const db = (store as unknown as { db: Database.Database }).db;
        db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
      },
      async schemaVersion() {
        let version = 0;
        raw((db) => (version = db.pragma('user_version', { simple: true }) as number));
        return version;
      },
      async markNewer(version) {
        raw((db) => db.pragma(`user_version = ${version}`));
      },
      async damage(sessionId, seq) {
        raw((db) => db.prepare('UPDATE events SET data = ? WHERE session_id = ? AND seq = ?').run('{"name": "Ros', sessionId, seq));
      },
      async damageAnswer(sessionId, opKey) {
        raw((db) => db.prepare('UPDATE events SET response = ? WHERE session_id = ? AND op_key = ?').run('@broken', sessionId, opKey));
      },
      async take() {},
      async cleanup() {
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
};

const POSTGRES_URL = process.env.PD_TEST_DATABASE_URL ?? '';

const postgres: Harness = {
  name: 'Postgres',
  latestSchema: POSTGRES_SCHEMA_VERSION,
  async fresh() {
    const schema = await freshSchema(POSTGRES_URL, 'contract');
    const sql = async (text: string, values: unknown[] = []) => {
      const client = new pg.Client({ connectionString: schema.url });
      await client.connect();
      try {
        return await client.query(text, values);
      } finally {
        await client.end();
      }
    };
    return {
      async open(options = {}) {
        return PostgresStore.open({ url: schema.url, poolSize: 2, ...options });
      },
      async breakWrites() {
        // Every new event row is refused from now on; existing rows are left as they are.
        await sql('ALTER TABLE events ADD CONSTRAINT refuse_everything CHECK (false) NOT VALID');
        await sql('ALTER TABLE ops ADD CONSTRAINT refuse_everything CHECK (false) NOT VALID');
      },
      async schemaVersion() {
        return (await sql('SELECT max(version) AS v FROM schema_migrations')).rows[0].v;
      },
      async markNewer(version) {
        await sql('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [version, 'from the future']);
      },
      async damage(sessionId, seq) {
        await sql('UPDATE events SET data = $1 WHERE session_id = $2 AND seq = $3', ['{"name": "Ros', sessionId, seq]);
      },
      async damageAnswer(sessionId, opKey) {
        await sql('UPDATE events SET response = $1 WHERE session_id = $2 AND op_key = $3', ['@broken', sessionId, opKey]);
      },
      async take(store, sessionId) {
        expect(await (store as PostgresStore).claim(sessionId)).toBe(true);
      },
      cleanup: () => schema.drop(),
    };
  },
};

const LEAD: Actor = { role: 'lead' };
const ROSA: Actor = { role: 'participant', participantId: 'p1' };
const started = (schoolName: string): NewEvent => ({ type: 'session.started', data: { deckId: 'module-1', schoolName } }) as never;
const joined = (participantId: string, name: string): NewEvent => ({ type: 'participant.joined', data: { participantId, name, group: 'parent' } }) as never;
const T0 = Date.parse('2026-03-02T09:00:00Z');
/** Digests of requests: 22 base64url characters, as the API envelope makes them. */
const DIGEST_A = 'AAAAAAAAAAAAAAAAAAAAAA';
const DIGEST_B = 'BBBBBBBBBBBBBBBBBBBBBB';
const row = (id: string, code: string, createdAt = T0): SessionRow => ({ id, code, deckId: 'module-1', createdAt, startedBy: 'operator:abc' });

const opened: SessionStore[] = [];
const places: Place[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await Promise.resolve(store.close()).catch(() => {});
  for (const place of places.splice(0)) await place.cleanup();
});

async function freshPlace(harness: Harness): Promise<Place> {
  const place = await harness.fresh();
  places.push(place);
  return place;
}

async function openStore(place: Place, options?: Parameters<Place['open']>[0]): Promise<SessionStore> {
  const store = await place.open(options);
  opened.push(store);
  return store;
}

async function reopen(place: Place, store: SessionStore): Promise<SessionStore> {
  await store.close();
  opened.splice(opened.indexOf(store), 1);
  return openStore(place);
}

const harnesses = [sqlite, ...(POSTGRES_URL ? [postgres] : [])];
if (!POSTGRES_URL) describe.skip('Postgres (PD_TEST_DATABASE_URL is not set: run `npm run test:postgres`)', () => it('runs the same contract', () => {}));

describe.each(harnesses)('the store contract: $name', (harness) => {
  it('appends events in turns and reads them back in order, the same after reopening', async () => {
    const place = await freshPlace(harness);
    let store = await openStore(place);
    await store.createSession(row('s1', 'ABCDEF'));
    const first = store.append('s1', 1, LEAD, [started('Lincoln Elementary')], T0);
    expect(first).toEqual([{ type: 'session.started', data: { deckId: 'module-1', schoolName: 'Lincoln Elementary' }, seq: 1, at: T0, actor: LEAD }]);
    // Two writes in the same turn go into one batch; a third in the next turn.
    store.append('s1', 2, ROSA, [joined('p1', 'Rosa')], T0 + 1);
    const pending = store.committed();
    await new Promise((resolve) => setImmediate(resolve));
    store.append('s1', 3, { role: 'participant', participantId: 'p2' }, [joined('p2', 'Amara'), joined('p3', 'Chen')], T0 + 2);
    await pending;
    await store.committed();
    const expected = [
      { seq: 1, type: 'session.started', actor: LEAD, at: T0 },
      { seq: 2, type: 'participant.joined', actor: ROSA, at: T0 + 1 },
      { seq: 3, type: 'participant.joined', actor: { role: 'participant', participantId: 'p2' }, at: T0 + 2 },
      { seq: 4, type: 'participant.joined', actor: { role: 'participant', participantId: 'p2' }, at: T0 + 2 },
    ];
    const shape = (events: { seq: number; type: string; actor: unknown; at: number }[]) => events.map(({ seq, type, actor, at }) => ({ seq, type, actor, at }));
    expect(shape(await store.readEvents('s1'))).toEqual(expected);
    store = await reopen(place, store);
    const replayed = await store.readEvents('s1');
    expect(shape(replayed)).toEqual(expected);
    expect(replayed[3].data).toEqual({ participantId: 'p3', name: 'Chen', group: 'parent' });
  });

  it('keeps each operation’s answer and request digest with its events: a retry finds them at once, and after a reopen', async () => {
    const place = await freshPlace(harness);
    let store = await openStore(place);
    await store.createSession(row('s1', 'ABCDEF'));
    store.append('s1', 1, LEAD, [started('Lincoln')], T0);
    store.append('s1', 2, ROSA, [joined('p1', 'Rosa')], T0, { key: 'p1:join-0001', digest: DIGEST_A, response: { participantId: 'p1', token: 'x' } });
    // A command that changed nothing still keeps its answer.
    store.append('s1', 3, ROSA, [], T0, { key: 'p1:again-0001', digest: DIGEST_B, response: { unchanged: true } });
    // Before the commit, in the same turn: a retry must already find it.
    expect(store.findAnswer('s1', 'p1:join-0001')).toEqual({ digest: DIGEST_A, response: { participantId: 'p1', token: 'x' } });
    await store.committed();
    expect(store.findAnswer('s1', 'p1:unknown-01')).toBeUndefined();
    store = await reopen(place, store);
    expect((await store.readEvents('s1')).map((e) => e.seq)).toEqual([1, 2]);
    expect(store.findAnswer('s1', 'p1:join-0001')).toEqual({ digest: DIGEST_A, response: { participantId: 'p1', token: 'x' } });
    expect(store.findAnswer('s1', 'p1:again-0001')).toEqual({ digest: DIGEST_B, response: { unchanged: true } });
    expect(store.findAnswer('s1', 'p1:unknown-01')).toBeUndefined();
  });

  it('tells a stored answer that cannot be read ("lost": applied, but its answer cannot be given again) from a new key', async () => {
    const place = await freshPlace(harness);
    let store = await openStore(place);
    await store.createSession(row('s1', 'ABCDEF'));
    store.append('s1', 1, LEAD, [started('Lincoln')], T0);
    store.append('s1', 2, ROSA, [joined('p1', 'Rosa')], T0, { key: 'p1:join-0001', digest: DIGEST_A, response: { participantId: 'p1' } });
    await store.close();
    opened.splice(opened.indexOf(store), 1);
    await place.damageAnswer('s1', 'p1:join-0001');
    store = await openStore(place);
    expect((await store.readEvents('s1')).length).toBe(2);
    expect(store.findAnswer('s1', 'p1:join-0001')).toBe('lost');
    expect(store.findAnswer('s1', 'p1:join-0002')).toBeUndefined();
  });

  it('creates, lists and deletes sessions; a deleted session leaves nothing behind', async () => {
    const place = await freshPlace(harness);
    let store = await openStore(place);
    await store.createSession(row('s2', 'BBBBBB', T0 + 5));
    await store.createSession(row('s1', 'AAAAAA', T0));
    expect(await store.listSessions()).toEqual([row('s1', 'AAAAAA', T0), row('s2', 'BBBBBB', T0 + 5)]);
    expect(await store.codeTaken('AAAAAA')).toBe(true);
    expect(await store.codeTaken('CCCCCC')).toBe(false);
    await expect(Promise.resolve().then(() => store.createSession(row('s3', 'AAAAAA')))).rejects.toThrow();
    store.append('s1', 1, LEAD, [started('Gone School')], T0, { key: 'lead:start-0001', digest: DIGEST_A, response: null });
    store.append('s2', 1, LEAD, [started('Kept School')], T0);
    // Deleting waits for what is pending, then erases the log, the answers and the row.
    await store.deleteSession('s1');
    expect(await store.listSessions()).toEqual([row('s2', 'BBBBBB', T0 + 5)]);
    expect(await store.readEvents('s1')).toEqual([]);
    expect(await store.codeTaken('AAAAAA')).toBe(false);
    store = await reopen(place, store);
    expect(await store.readEvents('s1')).toEqual([]);
    expect(store.findAnswer('s1', 'lead:start-0001')).toBeUndefined();
    expect((await store.readEvents('s2')).map((e) => e.data)).toEqual([{ deckId: 'module-1', schoolName: 'Kept School' }]);
  });

  it('keeps the Idempotency-Key of an operator’s start with its session: found by key, after reopening too; the key makes no second session; deleting the session frees it', async () => {
    const place = await freshPlace(harness);
    let store = await openStore(place);
    const start = { key: 'operator:start-0001', digest: DIGEST_A };
    expect(await store.createSession(row('s1', 'AAAAAA', T0), start)).toBeNull();
    // Sessions started without a key do not collide with each other.
    expect(await store.createSession(row('s2', 'BBBBBB', T0 + 1))).toBeNull();
    expect(await store.createSession(row('s3', 'CCCCCC', T0 + 2))).toBeNull();
    const earlier = { sessionId: 's1', code: 'AAAAAA', key: 'operator:start-0001', digest: DIGEST_A };
    // The same key again (another body, say): nothing is created, and the first start is the answer.
    expect(await store.createSession(row('s4', 'DDDDDD', T0 + 3), { key: 'operator:start-0001', digest: DIGEST_B })).toEqual(earlier);
    expect(await store.codeTaken('DDDDDD')).toBe(false);
    expect((await store.listSessions()).map((r) => r.id)).toEqual(['s1', 's2', 's3']);
    expect(await store.startedWith('operator:start-0001')).toEqual(earlier);
    expect(await store.startedWith('operator:start-0002')).toBeUndefined();

    store = await reopen(place, store);
    expect(await store.startedWith('operator:start-0001')).toEqual(earlier);
    await place.take(store, 's1');
    await store.deleteSession('s1');
    expect(await store.startedWith('operator:start-0001')).toBeUndefined();
    expect(await store.createSession(row('s5', 'EEEEEE', T0 + 4), { key: 'operator:start-0001', digest: DIGEST_B })).toBeNull();
    expect(await store.startedWith('operator:start-0001')).toEqual({ sessionId: 's5', code: 'EEEEEE', key: 'operator:start-0001', digest: DIGEST_B });
  });

  it('builds its schema by numbered steps, opens it again as it is, and refuses one from a newer version, leaving it untouched', async () => {
    const place = await freshPlace(harness);
    let store = await openStore(place);
    await store.createSession(row('s1', 'ABCDEF'));
    store.append('s1', 1, LEAD, [started('Lincoln')], T0);
    store = await reopen(place, store);
    expect((await store.readEvents('s1')).length).toBe(1);
    await store.close();
    opened.splice(opened.indexOf(store), 1);
    expect(await place.schemaVersion()).toBe(harness.latestSchema);

    await place.markNewer(harness.latestSchema + 1);
    const refused = await place.open().then(
      (s) => (opened.push(s), null),
      (error: Error) => error,
    );
    expect(refused).toBeInstanceOf(SchemaTooNew);
    expect(refused!.message).toMatch(new RegExp(`newer version of Partnerdeck \\(its schema is version ${harness.latestSchema + 1}; this version knows up to ${harness.latestSchema}\\)`));
    expect(await place.schemaVersion()).toBe(harness.latestSchema + 1);
  });

  it('names the first event it cannot read, by its position', async () => {
    const place = await freshPlace(harness);
    let store = await openStore(place);
    await store.createSession(row('s1', 'ABCDEF'));
    store.append('s1', 1, LEAD, [started('Lincoln'), joined('p1', 'Rosa'), joined('p2', 'Amara')], T0);
    await store.close();
    opened.splice(opened.indexOf(store), 1);
    await place.damage('s1', 2);
    store = await openStore(place);
    const error = await Promise.resolve()
      .then(() => store.readEvents('s1'))
      .then(
        () => null,
        (e: Error) => e,
      );
    expect(error).toBeInstanceOf(DamagedLogError);
    expect(error).toMatchObject({ damage: 'event_unreadable', seq: 2 });
    // The message names the event, never what the row holds.
    expect(error!.message).not.toMatch(/Ros/);
  });

  it('reports a failed commit to its listeners and rejects the waiting writes; takes no more writes; never exits the process', async () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    try {
      const place = await freshPlace(harness);
      let store = await openStore(place);
      await store.createSession(row('s1', 'ABCDEF'));
      store.append('s1', 1, LEAD, [started('Full Disk School')], T0);
      await store.committed();
      const failures: Error[] = [];
      store.onCommitFailure((error) => failures.push(error));
      await place.breakWrites(store);
      store.append('s1', 2, ROSA, [joined('p1', 'x'.repeat(200_000))], T0);
      await expect(store.committed()).rejects.toThrow();
      expect(failures).toHaveLength(1);
      expect(exit).not.toHaveBeenCalled();
      expect(() => store.append('s1', 3, LEAD, [started('again')], T0)).toThrow(/no more writes after a failed commit/);
      store = await reopen(place, store);
      expect((await store.readEvents('s1')).map((e) => e.seq)).toEqual([1]);
    } finally {
      exit.mockRestore();
    }
  });

  it('lets one writer at a time write a session: a second one is refused', async () => {
    const place = await freshPlace(harness);
    const store = await openStore(place, { instanceId: 'first', leaseMs: 60_000 });
    await store.createSession(row('s1', 'ABCDEF'));
    store.append('s1', 1, LEAD, [started('Lincoln')], T0);
    await store.committed();
    if (harness === sqlite) {
      // The data folder is locked by the first store for as long as it is open.
      await expect(place.open()).rejects.toBeInstanceOf(DataFolderInUse);
      return;
    }
    const second = (await openStore(place, { instanceId: 'second', leaseMs: 60_000 })) as PostgresStore;
    expect(await second.claim('s1')).toBe(false);
    expect(() => second.append('s1', 2, ROSA, [joined('p1', 'Rosa')], T0)).toThrow(SessionMoved);
    await second.readEvents('s1');
    expect((await (store as PostgresStore).renewLeases())).toEqual([]);
    expect(await second.claim('s1')).toBe(false);
  });

  if (harness === postgres) {
    it('fences a former owner: once another instance takes the session, the old owner’s commits are refused and it lets the session go', async () => {
      const place = await freshPlace(harness);
      const first = (await openStore(place, { instanceId: 'first', leaseMs: 400 })) as PostgresStore;
      await first.createSession(row('s1', 'ABCDEF'));
      first.append('s1', 1, LEAD, [started('Lincoln')], T0);
      first.append('s1', 2, ROSA, [joined('p1', 'Rosa')], T0, { key: 'p1:join-0001', digest: DIGEST_A, response: { participantId: 'p1' } });
      await first.committed();
      const lost: string[][] = [];
      first.onSessionsLost((ids) => lost.push(ids));

      // The first owner stalls past its lease (no renewal); the second takes the session.
      const second = (await openStore(place, { instanceId: 'second', leaseMs: 60_000 })) as PostgresStore;
      expect(await second.claim('s1')).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await second.claim('s1')).toBe(true);
      const replayed = await second.readEvents('s1');
      expect(replayed.map((e) => e.seq)).toEqual([1, 2]);
      // The retry of an acknowledged write reaches the new owner, which has its answer.
      expect(second.findAnswer('s1', 'p1:join-0001')).toEqual({ digest: DIGEST_A, response: { participantId: 'p1' } });

      // The old owner wakes up and writes what it thinks is event 3: refused, nothing stored.
      first.append('s1', 3, { role: 'participant', participantId: 'p2' }, [joined('p2', 'Stale')], T0);
      await expect(first.committed()).rejects.toBeInstanceOf(SessionMoved);
      expect(lost).toEqual([['s1']]);
      expect(first.owned()).toEqual([]);
      expect(() => first.append('s1', 3, LEAD, [started('again')], T0)).toThrow(SessionMoved);
      // Its renewals do not bring the session back either.
      expect(await first.renewLeases()).toEqual([]);

      second.append('s1', 3, { role: 'participant', participantId: 'p3' }, [joined('p3', 'Fresh')], T0);
      await second.committed();
      const log = await second.readEvents('s1');
      expect(log.map((e) => [e.seq, (e.data as { name?: string }).name])).toEqual([
        [1, undefined],
        [2, 'Rosa'],
        [3, 'Fresh'],
      ]);
    });

    it('of two instances starting with one Idempotency-Key at the same moment, one makes the session and the other gets it', async () => {
      const place = await freshPlace(harness);
      const first = (await openStore(place, { instanceId: 'first' })) as PostgresStore;
      const second = (await openStore(place, { instanceId: 'second' })) as PostgresStore;
      // Twenty races, each sent to both at once: whichever row arrives second waits on the
      // first's unique key and then finds it.
      for (let i = 0; i < 20; i++) {
        const start = { key: `operator:race-${String(i).padStart(4, '0')}`, digest: DIGEST_A };
        const [a, b] = await Promise.all([
          first.createSession(row(`a${i}`, `A${String(i).padStart(5, '0')}`, T0 + i), start),
          second.createSession(row(`b${i}`, `B${String(i).padStart(5, '0')}`, T0 + i), start),
        ]);
        const winner = a === null ? `a${i}` : `b${i}`;
        expect([a, b].filter((r) => r === null)).toHaveLength(1);
        expect(a ?? b).toMatchObject({ sessionId: winner, key: start.key, digest: DIGEST_A });
        expect(await first.startedWith(start.key)).toMatchObject({ sessionId: winner });
      }
      expect(await first.listSessions()).toHaveLength(20);
      // Each instance owns what it made, and nothing of what it did not.
      expect(first.owned().length + second.owned().length).toBe(20);
      expect(first.owned().every((id) => id.startsWith('a'))).toBe(true);
      expect(second.owned().every((id) => id.startsWith('b'))).toBe(true);
    });

    it('takes a session from an owner known to be gone while its lease still runs, only if that owner still holds it, and fences that owner out', async () => {
      const place = await freshPlace(harness);
      const first = (await openStore(place, { instanceId: 'first', leaseMs: 60_000 })) as PostgresStore;
      await first.createSession(row('s1', 'ABCDEF'));
      first.append('s1', 1, LEAD, [started('Lincoln')], T0);
      await first.committed();
      const second = (await openStore(place, { instanceId: 'second', leaseMs: 60_000 })) as PostgresStore;
      const third = (await openStore(place, { instanceId: 'third', leaseMs: 60_000 })) as PostgresStore;
      // The lease runs for a minute: without word that its owner is gone, nobody takes it.
      expect(await second.claim('s1')).toBe(false);
      // Naming an owner that does not hold it takes nothing.
      expect(await second.claim('s1', { fromGone: 'third' })).toBe(false);
      expect(await second.claim('s1', { fromGone: 'first' })).toBe(true);
      expect(await second.locate('ABCDEF')).toMatchObject({ owner: 'second', live: true });
      // Another instance that saw the same owner go, a moment later, finds it taken already.
      expect(await third.claim('s1', { fromGone: 'first' })).toBe(false);
      expect((await second.readEvents('s1')).map((e) => e.seq)).toEqual([1]);
      // Were the first owner somehow still alive, it could not write.
      first.append('s1', 2, ROSA, [joined('p1', 'Stale')], T0);
      await expect(first.committed()).rejects.toBeInstanceOf(SessionMoved);
      second.append('s1', 2, ROSA, [joined('p1', 'Rosa')], T0);
      await second.committed();
      expect((await second.readEvents('s1')).map((e) => (e.data as { name?: string }).name)).toEqual([undefined, 'Rosa']);
    });

    it('renewing keeps a session with its owner past the first lease; the owner that closes hands it over at once', async () => {
      const place = await freshPlace(harness);
      const first = (await openStore(place, { instanceId: 'first', leaseMs: 400 })) as PostgresStore;
      await first.createSession(row('s1', 'ABCDEF'));
      const second = (await openStore(place, { instanceId: 'second', leaseMs: 400 })) as PostgresStore;
      for (let i = 0; i < 4; i++) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        expect(await first.renewLeases()).toEqual([]);
      }
      expect(await second.claim('s1')).toBe(false);
      const where = await second.locate('abcdef');
      expect(where).toMatchObject({ owner: 'first', live: true, row: row('s1', 'ABCDEF') });
      await first.close();
      expect(await second.claim('s1')).toBe(true);
      expect(await second.locate('ABCDEF')).toMatchObject({ owner: 'second', live: true });
    });
  }
});
