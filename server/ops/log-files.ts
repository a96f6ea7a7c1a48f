import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pinoRoll, { type RollingFile } from 'pino-roll';

export interface LogFilesOptions {
  dir: string;
  /** A file is rolled over when it reaches this size, and at midnight. */
  fileBytes: number;
  /** How many files are kept, the current one included (at least 2). */
  files: number;
}

/** `partnerdeck.2026-11-22.3.log`: the day it was started, then its number within that day. */
const LOG_FILE = /^partnerdeck\.(\d{4}-\d{2}-\d{2})\.(\d+)\.log$/;

/**
 * The log's destination: files in DATA_DIR/logs that roll over by size and by day, of
 * which the newest `files` are kept (pino-roll, a pino project's own rotating file stream).
 *
 * Writes are synchronous. The log gets a few lines a minute (single events are rare, and
 * floods are counted), so writing each at once costs nothing a request would notice, and a
 * line written just before `process.exit` (a failed commit, a setting the server cannot
 * start with) is on disk when the process ends.
 *
 * pino-roll removes old files only when it rolls over; a laptop server that is started
 * each morning and stopped each evening may never roll. So the oldest files beyond the
 * limit are also removed here, when the log is opened.
 */
export async function openLogFiles({ dir, fileBytes, files }: LogFilesOptions): Promise<RollingFile> {
  const destination = await pinoRoll({
    file: join(dir, 'partnerdeck'),
    extension: '.log',
    dateFormat: 'yyyy-MM-dd',
    frequency: 'daily',
    size: `${fileBytes}b`,
    // With removeOtherLogFiles, pino-roll keeps `count` files in all, the current one included.
    limit: { count: files, removeOtherLogFiles: true },
    mkdir: true,
    sync: true,
  });
  removeOldest(dir, files);
  return destination;
}

/** The log files in `dir`, oldest first. */
export function logFiles(dir: string): string[] {
  const found = readdirSync(dir)
    .map((name) => ({ name, match: LOG_FILE.exec(name) }))
    .filter((file): file is { name: string; match: RegExpExecArray } => file.match !== null);
  found.sort((a, b) => a.match[1].localeCompare(b.match[1]) || Number(a.match[2]) - Number(b.match[2]));
  return found.map((file) => file.name);
}

function removeOldest(dir: string, keep: number): void {
  const names = logFiles(dir);
  for (const name of names.slice(0, Math.max(0, names.length - keep))) rmSync(join(dir, name), { force: true });
}

/** Closes the destination once what it holds is written. */
export function closeLogFiles(destination: RollingFile): Promise<void> {
  return new Promise((resolve) => {
    if (destination.destroyed) return resolve();
    destination.once('close', () => resolve());
    destination.once('error', () => resolve());
    destination.end();
  });
}
