import type Database from 'better-sqlite3';

/**
 * The store's schema, built and upgraded by numbered steps. `PRAGMA user_version` in the
 * file's header records the last step applied; opening a data folder applies the steps
 * after it, each in its own transaction together with the new number, so a folder is
 * always at exactly one version, even if the server is killed half-way through an upgrade.
 *
 * To change the schema, add a step at the end. Never edit or reorder one that has shipped:
 * data folders out there are at that step.
 *
 * Folders made before the steps were numbered are at user_version 0 and may already have
 * what steps 1 to 3 add (those versions created and altered tables as they went), so those
 * steps add a table or a column only when it is missing. Steps from 4 on can assume the
 * schema of the step before.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial tables: sessions, their event logs, idempotency answers',
    up(db) {
      db.exec(`
        CREATE TABLE IF NOT EXISTS sessions (
          id TEXT PRIMARY KEY,
          code TEXT NOT NULL UNIQUE,
          deck_id TEXT NOT NULL,
          created_at INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS events (
          session_id TEXT NOT NULL,
          seq INTEGER NOT NULL,
          type TEXT NOT NULL,
          actor TEXT NOT NULL,
          data TEXT NOT NULL,
          at INTEGER NOT NULL,
          PRIMARY KEY (session_id, seq)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS ops (
          session_id TEXT NOT NULL,
          op_key TEXT NOT NULL,
          response TEXT NOT NULL,
          PRIMARY KEY (session_id, op_key)
        ) WITHOUT ROWID;
      `);
    },
  },
  {
    // A write's idempotency answer moved onto its last event row, written in the same
    // insert (a separate table cost a second scattered b-tree insert per sticker). The ops
    // table stays for commands that change nothing and for answers written before.
    version: 2,
    name: 'idempotency answers on the event rows (op_key, response)',
    up(db) {
      if (!hasColumn(db, 'events', 'op_key')) db.exec('ALTER TABLE events ADD COLUMN op_key TEXT; ALTER TABLE events ADD COLUMN response TEXT;');
    },
  },
  {
    // Only sessions marked with the current operator key are printed at start. Sessions
    // from before count as started by nobody known ('').
    version: 3,
    name: 'who started each session (started_by)',
    up(db) {
      if (!hasColumn(db, 'sessions', 'started_by')) db.exec("ALTER TABLE sessions ADD COLUMN started_by TEXT NOT NULL DEFAULT ''");
    },
  },
  {
    // The version of each event's data shape, so that a newer server can upcast old
    // events on replay (server/domain/event-versions.ts). Every row written before this
    // step has the first shape: 1. The default costs nothing to add (SQLite keeps it in
    // the schema, not in each row).
    version: 4,
    name: 'a version on every event (v)',
    up(db) {
      db.exec('ALTER TABLE events ADD COLUMN v INTEGER NOT NULL DEFAULT 1');
    },
  },
  {
    // A school's run of a series (a program) has its own append-only log: its planned
    // dates, the sessions opened in it and the returning codes it issued. Each session
    // keeps its own log as before.
    version: 5,
    name: 'programs: a log per school run of a series (program_events)',
    up(db) {
      db.exec(`
        CREATE TABLE program_events (
          program_id TEXT NOT NULL,
          seq INTEGER NOT NULL,
          type TEXT NOT NULL,
          actor TEXT NOT NULL,
          data TEXT NOT NULL,
          at INTEGER NOT NULL,
          PRIMARY KEY (program_id, seq)
        ) WITHOUT ROWID;
      `);
    },
  },
  {
    // An operator's start with an Idempotency-Key keeps the key and the request's digest on
    // the session's row, unique: a retry is found without replaying every log, and two
    // starts with one key can never both make a session. Sessions started before keep
    // theirs in their first event only (found there, as every session here is loaded).
    version: 6,
    name: 'the Idempotency-Key that started each session (start_key, start_digest), unique',
    up(db) {
      db.exec(`
        ALTER TABLE sessions ADD COLUMN start_key TEXT;
        ALTER TABLE sessions ADD COLUMN start_digest TEXT;
        CREATE UNIQUE INDEX sessions_by_start_key ON sessions (start_key);
      `);
    },
  },
];

/** The schema version this code builds. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** A data folder written by a newer Partnerdeck: this version leaves it untouched. */
export class SchemaTooNew extends Error {
  constructor(
    readonly file: string,
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `The database ${file} was written by a newer version of Partnerdeck (its schema is version ${found}; this version knows up to ${known}). ` +
        'It was left as it is. Run the newer version on it, or give this one another DATA_DIR.',
    );
    this.name = 'SchemaTooNew';
  }
}

/**
 * Brings the database up to SCHEMA_VERSION; returns the steps applied. A database from a
 * newer version is refused before anything is written to it.
 */
export function migrate(db: Database.Database, file: string, migrations: readonly Migration[] = MIGRATIONS): Migration[] {
  const known = migrations[migrations.length - 1].version;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > known) throw new SchemaTooNew(file, current, known);
  const pending = migrations.filter((m) => m.version > current);
  for (const migration of pending) {
    db.transaction(() => {
      migration.up(db);
      // user_version is in the file's header, written by this same transaction.
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return pending;
}

function hasColumn(db: Database.Database, table: string, column: string): boolean {
  return (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).some((c) => c.name === column);
}
