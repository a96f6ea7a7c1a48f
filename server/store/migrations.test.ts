import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDecks } from '../deck/load-decks.js';
import { OpsLog } from '../ops/ops-log.js';
import { SessionRegistry } from '../runtime/session-registry.js';
import { SLIDES_DIR } from '../../tests/unit/test-app.js';
import { EventStore } from './event-store.js';
import { MIGRATIONS, SCHEMA_VERSION, migrate } from './migrations.js';

/**
 * Data folders as older versions of Partnerdeck left them, built by hand with the tables
 * those versions created, then opened by this one.
 */
function oldFolder(tables: string): { dataDir: string; file: string; db: Database.Database } {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'partnerdeck-migrate-')), 'data');
  mkdirSync(dataDir);
  const file = join(dataDir, 'partnerdeck.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(tables);
  return { dataDir, file, db };
}

/** The first version's tables: no answers on event rows, no record of who started a session. */
const FIRST_VERSION = `
  CREATE TABLE sessions (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, deck_id TEXT NOT NULL, created_at INTEGER NOT NULL);
  CREATE TABLE events (session_id TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT NOT NULL, actor TEXT NOT NULL, data TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (session_id, seq)) WITHOUT ROWID;
  CREATE TABLE ops (session_id TEXT NOT NULL, op_key TEXT NOT NULL, response TEXT NOT NULL, PRIMARY KEY (session_id, op_key)) WITHOUT ROWID;
`;

/** The version after answers moved onto the event rows, before sessions recorded their starter. */
const ANSWERS_ON_ROWS_VERSION = `
  CREATE TABLE sessions (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, deck_id TEXT NOT NULL, created_at INTEGER NOT NULL);
  CREATE TABLE events (session_id TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT NOT NULL, actor TEXT NOT NULL, data TEXT NOT NULL, at INTEGER NOT NULL, op_key TEXT, response TEXT, PRIMARY KEY (session_id, seq)) WITHOUT ROWID;
  CREATE TABLE ops (session_id TEXT NOT NULL, op_key TEXT NOT NULL, response TEXT NOT NULL, PRIMARY KEY (session_id, op_key)) WITHOUT ROWID;
`;

const T0 = Date.parse('2026-03-02T09:00:00Z');

function plantWorkshop(db: Database.Database) {
  db.prepare('INSERT INTO sessions (id, code, deck_id, created_at) VALUES (?, ?, ?, ?)').run('old-session', 'OLDSES', 'module-1', T0);
  const insert = db.prepare('INSERT INTO events (session_id, seq, type, actor, data, at) VALUES (?, ?, ?, ?, ?, ?)');
  insert.run('old-session', 1, 'session.started', JSON.stringify({ role: 'lead' }), JSON.stringify({ deckId: 'module-1', schoolName: 'Old Folder School' }), T0);
  insert.run('old-session', 2, 'participant.joined', JSON.stringify({ role: 'participant', participantId: 'p1' }), JSON.stringify({ participantId: 'p1', name: 'Rosa', group: 'parent' }), T0 + 1000);
  // The first version kept every answer in the ops table.
  db.prepare('INSERT INTO ops (session_id, op_key, response) VALUES (?, ?, ?)').run('old-session', 'join-rosa-0001', JSON.stringify({ participantId: 'p1' }));
}

function columns(db: Database.Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map((c) => c.name);
}

const decks = loadDecks(SLIDES_DIR);

describe('schema migrations', () => {
  it('are numbered 1, 2, 3… in order, and the last one is the version this code builds', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('a data folder from the first version is upgraded in place: its session replays, its stored answers still count, new writes work', async () => {
    const { dataDir, file, db } = oldFolder(FIRST_VERSION);
    plantWorkshop(db);
    db.close();

    const store = new EventStore(dataDir);
    const registry = new SessionRegistry(store, decks, OpsLog.memory().log);
    const live = registry.get('OLDSES')!;
    expect(registry.setAside()).toEqual([]);
    expect(live.runtime.state.schoolName).toBe('Old Folder School');
    expect(live.runtime.state.participants.get('p1')).toMatchObject({ name: 'Rosa', group: 'parent' });
    expect(registry.row('OLDSES')!.startedBy).toBe('');
    // A retried join from before the upgrade still finds its first answer.
    expect(store.findAnswer('old-session', 'join-rosa-0001')).toEqual({ response: { participantId: 'p1' }, digest: null });
    live.runtime.execute({ role: 'lead' }, { key: 'show-slide-0001', digest: 'test-digest-0123456789' }, () => ({ events: [{ type: 'slide.shown', data: { slide: 2 } }], response: { ok: true } }));
    await store.committed();
    store.close();

    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(columns(after, 'events')).toEqual(['session_id', 'seq', 'type', 'actor', 'data', 'at', 'op_key', 'response', 'v']);
    expect(columns(after, 'sessions')).toEqual(['id', 'code', 'deck_id', 'created_at', 'started_by', 'start_key', 'start_digest']);
    // Old rows count as the first event version; the new one carries the version this code writes.
    expect(after.prepare('SELECT seq, v, op_key FROM events ORDER BY seq').all()).toEqual([
      { seq: 1, v: 1, op_key: null },
      { seq: 2, v: 1, op_key: null },
      { seq: 3, v: 1, op_key: 'show-slide-0001' },
    ]);
    after.close();

    // Opened again, there is nothing left to do.
    const again = new Database(file);
    expect(migrate(again, file)).toEqual([]);
    again.close();
  });

  it('a data folder from before sessions recorded their starter gets the column, and its sessions count as started by nobody known', () => {
    const { dataDir, db } = oldFolder(ANSWERS_ON_ROWS_VERSION);
    plantWorkshop(db);
    db.close();
    const store = new EventStore(dataDir);
    const registry = new SessionRegistry(store, decks, OpsLog.memory().log);
    expect(registry.get('OLDSES')!.runtime.state.participants.size).toBe(1);
    expect(registry.row('OLDSES')!.startedBy).toBe('');
    store.close();
  });

  it('a data folder from a newer version is refused with a clear message, and left exactly as it was', () => {
    const { dataDir, file, db } = oldFolder(ANSWERS_ON_ROWS_VERSION);
    plantWorkshop(db);
    // A later version added a table and numbered its schema 7.
    db.exec('CREATE TABLE series (id TEXT PRIMARY KEY)');
    db.pragma('user_version = 7');
    db.close();
    const before = new Database(file, { readonly: true });
    const schemaBefore = before.prepare('SELECT sql FROM sqlite_schema ORDER BY name').all();
    before.close();

    expect(() => new EventStore(dataDir)).toThrow(
      `The database ${file} was written by a newer version of Partnerdeck (its schema is version 7; this version knows up to ${SCHEMA_VERSION}). It was left as it is. Run the newer version on it, or give this one another DATA_DIR.`,
    );

    // Nothing was changed, and the lock was let go: the newer version can open it at once.
    const after = new Database(file);
    expect(after.pragma('user_version', { simple: true })).toBe(7);
    expect(after.prepare('SELECT sql FROM sqlite_schema ORDER BY name').all()).toEqual(schemaBefore);
    expect(columns(after, 'events')).not.toContain('v');
    expect(after.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 2 });
    after.close();
  });

  it('a step that fails leaves the folder at the step before, with nothing of the failed step in it', () => {
    const { file, db } = oldFolder('');
    migrate(db, file);
    const failing = [
      ...MIGRATIONS,
      {
        version: SCHEMA_VERSION + 1,
        name: 'a step that breaks half-way',
        up(target: Database.Database) {
          target.exec('CREATE TABLE half_done (id TEXT)');
          throw new Error('disk gone');
        },
      },
    ];
    expect(() => migrate(db, file, failing)).toThrow('disk gone');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'half_done'").get()).toBeUndefined();
    db.close();
  });
});
