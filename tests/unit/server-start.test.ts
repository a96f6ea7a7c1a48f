import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ServerRun, startServer } from './server-run.js';

/**
 * What `npm start` does with a data folder, on the real server process: what it prints
 * after a restart, what it does with a folder another server holds, and with a file that
 * is damaged. Data is planted or damaged while no server runs, straight in the SQLite
 * file, as an older version or a failing disk would leave it.
 */
const running: ServerRun[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) await server.kill();
});

function scratch() {
  const dir = mkdtempSync(join(tmpdir(), 'partnerdeck-start-'));
  return { dir, data: join(dir, 'data') };
}

async function start(dataDir: string, dir: string): Promise<ServerRun> {
  const server = await startServer(dataDir, dir);
  running.push(server);
  return server;
}

/** Codes (six characters) of the sessions a banner offers, in the order printed. */
function printedCodes(output: string): string[] {
  return [...output.matchAll(/^(?:New session|Resuming session|Session) ([A-Z0-9]{6}):/gm)].map((m) => m[1]);
}

/** Writes a session into the file as a server that did not record its starter would have. */
function plantSession(file: string, session: { id: string; code: string; createdAt: number; schoolName: string }) {
  const db = new Database(file);
  db.prepare('INSERT INTO sessions (id, code, deck_id, created_at) VALUES (?, ?, ?, ?)').run(session.id, session.code, 'module-1', session.createdAt);
  db.prepare('INSERT INTO events (session_id, seq, type, actor, data, at) VALUES (?, 1, ?, ?, ?, ?)').run(
    session.id,
    'session.started',
    JSON.stringify({ role: 'lead' }),
    JSON.stringify({ deckId: 'module-1', schoolName: session.schoolName }),
    session.createdAt,
  );
  db.close();
}

const STRANGER = { id: 'stranger-session-id-0001', code: 'STRNGR', schoolName: 'Stranger School' };

describe('the operator key and what the terminal shows', () => {
  it('a restart shows the operator’s own sessions and never one someone else created, however recent', { timeout: 60_000 }, async () => {
    const { dir, data } = scratch();
    const first = await start(data, dir);
    // First start on an empty folder: a Module 1 session, and the start page link with the operator key.
    const [mine] = printedCodes(first.output);
    expect(first.output).toContain(`New session ${mine}: Building Partnerships for Student Achievement`);
    expect(first.output).toMatch(new RegExp(`/present/${mine}#key=lead\\.`));
    expect(first.output).toMatch(/Start page \(operator\):\s+http:\/\/\S+:\d+\/#operator=operator\.[A-Za-z0-9_-]{43}\n/);
    const operatorKey = first.operatorKey;
    expect(readFileSync(join(data, 'operator-key'), 'utf8').trim()).toBe(operatorKey);
    expect(statSync(join(data, 'operator-key')).mode & 0o777).toBe(0o600);
    await first.stop();

    // A session nobody marked as the operator's, started after the operator's: what "resume
    // the most recent session" would have handed the presenter link to.
    plantSession(join(data, 'partnerdeck.sqlite'), { ...STRANGER, createdAt: Date.now() });

    const again = await start(data, dir);
    expect(printedCodes(again.output)).toEqual([mine]);
    expect(again.output).toContain(`Resuming session ${mine}`);
    expect(again.output).not.toContain(STRANGER.code);
    expect(again.output).not.toContain(`/present/${STRANGER.code}`);
    expect(again.output).not.toContain(STRANGER.schoolName);
    expect(again.output).toContain('1 other session on this server is listed on the start page.');
    expect(again.operatorKey).toBe(operatorKey);
    // The stranger's session is still served (it is data on this server), and the operator sees it.
    expect((await again.api('GET', `/api/sessions/${STRANGER.code}`)).status).toBe(200);
    const list = await again.api('GET', '/api/sessions', { key: operatorKey });
    expect(list.json.sessions.map((s: { code: string; startedByOperator: boolean }) => [s.code, s.startedByOperator])).toEqual([
      [STRANGER.code, false],
      [mine, true],
    ]);
  });

  it('a data folder from a version without the column: its sessions are never offered, and the operator gets a new one', { timeout: 60_000 }, async () => {
    const { dir, data } = scratch();
    mkdirSync(data);
    const file = join(data, 'partnerdeck.sqlite');
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    // The tables as the version before the operator key made them.
    old.exec(`
      CREATE TABLE sessions (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, deck_id TEXT NOT NULL, created_at INTEGER NOT NULL);
      CREATE TABLE events (session_id TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT NOT NULL, actor TEXT NOT NULL, data TEXT NOT NULL, at INTEGER NOT NULL, op_key TEXT, response TEXT, PRIMARY KEY (session_id, seq)) WITHOUT ROWID;
      CREATE TABLE ops (session_id TEXT NOT NULL, op_key TEXT NOT NULL, response TEXT NOT NULL, PRIMARY KEY (session_id, op_key)) WITHOUT ROWID;
    `);
    old.close();
    plantSession(file, { ...STRANGER, createdAt: Date.now() - 60_000 });

    const server = await start(data, dir);
    const printed = printedCodes(server.output);
    expect(printed).toHaveLength(1);
    expect(printed[0]).not.toBe(STRANGER.code);
    expect(server.output).toContain(`New session ${printed[0]}`);
    expect(server.output).not.toContain(STRANGER.code);
  });
});

describe('one server per data folder', () => {
  it('a second server on the same folder exits at once naming the holder’s PID; after kill -9 a new one starts', { timeout: 60_000 }, async () => {
    const { dir, data } = scratch();
    const firstBegan = Date.now();
    const first = await start(data, dir);
    const firstStartMs = Date.now() - firstBegan;
    // WAL stays on under the lock: the file header says so (bytes 18 and 19 are 2 for WAL).
    const header = readFileSync(join(data, 'partnerdeck.sqlite')).subarray(18, 20);
    expect([...header]).toEqual([2, 2]);

    const began = Date.now();
    const second = new ServerRun(data, dir);
    running.push(second);
    const code = await Promise.race([second.exit, new Promise((r) => setTimeout(() => r('still running after 10 s'), 10_000))]);
    const took = Date.now() - began;
    expect(code).not.toBe(0);
    expect(second.output).toContain(`in use by process ${first.pid}`);
    expect(second.output).not.toMatch(/^\s+at /m);
    expect(second.output).not.toContain('listening on');
    // At once: no 5 s lock wait on top of node and tsx starting. On a busy machine starting
    // is slower for both servers, so the limit is the first server's own start plus 2 s.
    expect(took).toBeLessThan(Math.max(4000, firstStartMs + 2000));
    // The first server was not disturbed.
    expect((await first.api('GET', '/healthz')).status).toBe(200);

    await first.kill();
    const third = await start(data, dir);
    expect((await third.api('GET', '/healthz')).status).toBe(200);
    expect(third.output).toContain('Resuming session');
  });
});

/** Overwrites bytes of a file in place. */
function overwrite(file: string, offset: number, bytes: Buffer) {
  const content = readFileSync(file);
  bytes.copy(content, offset);
  writeFileSync(file, content);
}

describe('damaged data', () => {
  it('one corrupted byte in an event row sets that session aside, named with the reason; the other sessions serve', { timeout: 60_000 }, async () => {
    const { dir, data } = scratch();
    const first = await start(data, dir);
    const operatorKey = first.operatorKey;
    const [kept] = printedCodes(first.output);
    const damaged = (await first.api('POST', '/api/sessions', { key: operatorKey, body: { schoolName: 'Damaged Byte School' } })).json.code as string;
    expect((await first.api('POST', `/api/sessions/${kept}/participants`, { body: { name: 'Ana', group: 'parent' } })).status).toBe(201);
    await first.stop();
    const file = join(data, 'partnerdeck.sqlite');
    expect(existsSync(`${file}-wal`)).toBe(false);

    // The first byte of the damaged session's first event's JSON, on disk (its start's Idempotency-Key follows the school's name).
    const content = readFileSync(file);
    const at = content.indexOf('{"deckId":"module-1","schoolName":"Damaged Byte School"');
    expect(at).toBeGreaterThan(0);
    overwrite(file, at, Buffer.from('#'));

    const again = await start(data, dir);
    expect(again.output).toContain(`Session ${damaged} is set aside and not served: its log cannot be replayed: event 1 (session.started) cannot be read: its stored data is not valid JSON.`);
    expect(again.output).not.toMatch(/SyntaxError|^\s+at /m);
    // The other session resumes and takes writes.
    expect(printedCodes(again.output)).toEqual([kept]);
    expect((await again.api('GET', `/api/sessions/${kept}`)).status).toBe(200);
    expect((await again.api('POST', `/api/sessions/${kept}/participants`, { body: { name: 'Ben', group: 'teacher' } })).status).toBe(201);
    expect((await again.api('GET', `/api/sessions/${damaged}`)).status).toBe(404);
    // The operator's start page lists it with the reason.
    const list = await again.api('GET', '/api/sessions', { key: operatorKey });
    const entry = list.json.sessions.find((s: { code: string }) => s.code === damaged);
    expect(entry).toMatchObject({ links: null, startedByOperator: true });
    expect(entry.setAside).toMatchObject({ problem: 'event_unreadable', seq: 1, reason: expect.stringMatching(/event 1 .*not valid JSON/) });
    // ...and may delete it.
    expect((await again.api('DELETE', `/api/sessions/${damaged}`, { key: operatorKey })).status).toBe(200);
    expect((await again.api('GET', '/api/sessions', { key: operatorKey })).json.sessions.map((s: { code: string }) => s.code)).toEqual([kept]);
  });

  it('a corrupted page is reported by the quick check at start; the sessions it does not touch still serve', { timeout: 60_000 }, async () => {
    const { dir, data } = scratch();
    const first = await start(data, dir);
    const operatorKey = first.operatorKey;
    const [kept] = printedCodes(first.output);
    const damaged = (await first.api('POST', '/api/sessions', { key: operatorKey, body: { schoolName: 'Damaged Page School' } })).json.code as string;
    // Enough people in each session that each one's log spans several pages of the file.
    for (const code of [kept, damaged]) {
      for (let i = 0; i < 120; i++) {
        const name = code === damaged && i === 60 ? 'Middle Marker' : `Person ${i} of ${code}`.padEnd(40, '.');
        expect((await first.api('POST', `/api/sessions/${code}/participants`, { body: { name, group: 'parent' } })).status).toBe(201);
      }
    }
    await first.stop();
    const file = join(data, 'partnerdeck.sqlite');
    const content = readFileSync(file);
    const pageSize = content.readUInt16BE(16);
    // A leaf page of the events table whose loss breaks the damaged session's log and none of
    // the kept session's, asked of SQLite itself on a copy with that page's header garbled
    // (raw bytes cannot tell: a page keeps stale copies of rows a split moved elsewhere).
    const reader = new Database(file, { readonly: true });
    const ids = (code: string) => (reader.prepare('SELECT id FROM sessions WHERE code = ?').get(code) as { id: string }).id;
    const [keptId, damagedId] = [ids(kept), ids(damaged)];
    const keptEvents = (reader.prepare('SELECT count(*) AS n FROM events WHERE session_id = ?').get(keptId) as { n: number }).n;
    const eventLeaves = (reader.prepare("SELECT pageno FROM dbstat WHERE name = 'events' AND pagetype = 'leaf'").all() as { pageno: number }[]).map((row) => row.pageno - 1);
    reader.close();
    const trial = join(dir, 'trial.sqlite');
    const breaksOnlyTheDamaged = (index: number) => {
      writeFileSync(trial, content);
      overwrite(trial, index * pageSize, Buffer.alloc(16, 0xee));
      const db = new Database(trial, { readonly: true });
      const readAll = (id: string) => {
        try {
          return db.prepare('SELECT data FROM events WHERE session_id = ? ORDER BY seq').all(id).length;
        } catch {
          return -1;
        }
      };
      const fine = readAll(keptId) === keptEvents && readAll(damagedId) === -1;
      db.close();
      return fine;
    };
    const page = eventLeaves.find(breaksOnlyTheDamaged);
    expect(page, 'a leaf page of the events table that holds only the damaged session').toBeDefined();
    // A failing disk's garbage over the page's header (type, free block, cell count, cell offsets).
    overwrite(file, page! * pageSize, Buffer.alloc(16, 0xee));

    const again = await start(data, dir);
    expect(again.output).toMatch(/The database .*partnerdeck\.sqlite is damaged\. SQLite's quick check found:\n {2}- /);
    expect(again.output).toMatch(new RegExp(`Session ${damaged} is set aside and not served: its log cannot be read from the database file`));
    expect(again.output).not.toMatch(/^\s+at /m);
    expect((await again.api('GET', `/api/sessions/${kept}`)).status).toBe(200);
    expect((await again.api('POST', `/api/sessions/${kept}/participants`, { body: { name: 'Late', group: 'teacher' } })).status).toBe(201);
    const list = await again.api('GET', '/api/sessions', { key: operatorKey });
    expect(list.json.sessions.find((s: { code: string }) => s.code === damaged).setAside).toMatchObject({ problem: 'file_unreadable', reason: expect.stringMatching(/cannot be read from the database file/) });
  });

  it('a file whose first page is destroyed: the server says so and exits, without a stack trace', { timeout: 60_000 }, async () => {
    const { dir, data } = scratch();
    const first = await start(data, dir);
    await first.stop();
    overwrite(join(data, 'partnerdeck.sqlite'), 0, Buffer.alloc(100, 0xee));
    const broken = new ServerRun(data, dir);
    running.push(broken);
    expect(await broken.exit).toBe(1);
    expect(broken.output).toMatch(/The database .*partnerdeck\.sqlite cannot be opened: file is not a database\. If it is damaged, restore the data folder from a backup/);
    expect(broken.output).not.toMatch(/^\s+at /m);
  });
});
