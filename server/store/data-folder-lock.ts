import type Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** Who holds a data folder, as the holder wrote it down. */
export interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

/** Thrown when another process already serves this data folder. */
export class DataFolderInUse extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | null,
  ) {
    const who = holder ? `process ${holder.pid} on ${holder.host} (running since ${holder.since})` : 'another process (it recorded no process id)';
    super(`The data folder ${dataDir} is in use by ${who}. Stop that server first, or give this one its own DATA_DIR.`);
    this.name = 'DataFolderInUse';
  }
}

const HOLDER_FILE = 'server.pid';

/**
 * Makes this process the only one that may open the data folder's database, for as long
 * as it runs. Two servers on one folder would each replay the log into memory and then
 * write conflicting events after each other's.
 *
 * The lock is SQLite's own: in EXCLUSIVE locking mode, a connection that opens the
 * write-ahead log keeps an exclusive file lock on the database (and keeps the WAL index
 * in its own memory instead of a shared -shm file). The kernel drops that lock when the
 * process ends in any way, kill -9 included, so a crashed server never blocks a restart.
 * Everyone else — a second Partnerdeck, an older version, a sqlite3 shell — gets "database
 * is locked". That error cannot say who holds the lock, so the holder writes its process
 * id to `server.pid` beside the database; that file is only read for the message, never
 * trusted as the lock itself.
 *
 * Must run before anything else reads the database, and leaves WAL on.
 */
export function lockDataFolder(db: Database.Database, dataDir: string): void {
  // Fail at once rather than wait: a held lock is not released by waiting a few seconds.
  db.pragma('busy_timeout = 0');
  db.pragma('locking_mode = EXCLUSIVE');
  let journal: unknown;
  try {
    journal = db.pragma('journal_mode = WAL', { simple: true });
    // The first read opens the WAL and takes the lock; make it happen now, not at the first request.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
    db.close();
    throw new DataFolderInUse(dataDir, readHolder(dataDir));
  }
  if (journal !== 'wal') throw new Error(`The database in ${dataDir} could not be switched to write-ahead logging (it reports "${String(journal)}").`);
  const holder: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  writeFileSync(join(dataDir, HOLDER_FILE), `${JSON.stringify(holder)}\n`);
}

function readHolder(dataDir: string): LockHolder | null {
  try {
    const holder = JSON.parse(readFileSync(join(dataDir, HOLDER_FILE), 'utf8')) as LockHolder;
    return Number.isInteger(holder.pid) ? holder : null;
  } catch {
    return null;
  }
}
