import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../server/store/migrations.js';
import { ServerRun, startServer } from './server-run.js';

/**
 * Operations on the real server process, as `npm start` runs it: what it writes to
 * DATA_DIR/logs, how it stops on SIGTERM, and what it does with settings and data folders
 * it cannot use.
 */
const running: ServerRun[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) await server.kill();
});

function scratch() {
  const dir = mkdtempSync(join(tmpdir(), 'partnerdeck-ops-'));
  return { dir, data: join(dir, 'data') };
}

async function start(dataDir: string, dir: string): Promise<ServerRun> {
  const server = await startServer(dataDir, dir);
  running.push(server);
  return server;
}

/** Everything in the log files, as text and as parsed lines. */
function readLog(dataDir: string): { text: string; lines: Record<string, unknown>[] } {
  const dir = join(dataDir, 'logs');
  const text = readdirSync(dir)
    .filter((name) => name.endsWith('.log'))
    .sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('');
  return {
    text,
    lines: text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

/** Opens a live stream and keeps reading it; `ended` resolves when the server ends it. */
async function openStream(port: number, code: string, key: string) {
  const response = await fetch(`http://127.0.0.1:${port}/api/sessions/${code}/stream`, { headers: { authorization: `Bearer ${key}` } });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  let received = '';
  const ended = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return 'ended';
        received += new TextDecoder().decode(value);
      }
    } catch {
      return 'ended';
    }
  })();
  return { ended, received: () => received };
}

describe('a clean shutdown', () => {
  it(
    'on SIGTERM with streams open: exits 0 within seconds, every acknowledged write is there after a restart, and the log says so without a key, token or word',
    { timeout: 60_000 },
    async () => {
      const { dir, data } = scratch();
      const first = await start(data, dir);
      const operatorKey = first.operatorKey;
      const session = await first.api('POST', '/api/sessions', { key: operatorKey, body: { schoolName: 'Shutdown School' } });
      const { code, leadKey, supportKey } = session.json as { code: string; leadKey: string; supportKey: string };
      const joined = await first.api('POST', `/api/sessions/${code}/participants`, { body: { name: 'Marisol', group: 'parent' } });
      const token = joined.json.token as string;
      expect((await first.api('PUT', `/api/sessions/${code}/presentation/slide`, { key: leadKey, body: { slide: 11 } })).status).toBe(200);
      const lead = await openStream(first.port, code, leadKey);
      const phone = await openStream(first.port, code, token);
      const cardText = 'We answer every family message within two days';
      const card = await first.api('POST', `/api/sessions/${code}/cards`, { key: token, body: { slide: 11, text: cardText } });
      expect(card.status).toBe(201);

      // Stopped right after the write was acknowledged, with two streams open.
      const stopping = Date.now();
      first.child.kill('SIGTERM');
      expect(await first.exit).toBe(0);
      expect(Date.now() - stopping).toBeLessThan(5000);
      expect(await lead.ended).toBe('ended');
      expect(await phone.ended).toBe('ended');
      expect(lead.received()).toContain('event: view');

      const again = await start(data, dir);
      const exported = await again.api('GET', `/api/sessions/${code}/exports/session.json`, { key: leadKey });
      expect(exported.status).toBe(200);
      expect(JSON.stringify(exported.json)).toContain(cardText);
      await again.stop();

      const log = readLog(data);
      const names = log.lines.map((line) => line.event);
      expect(log.lines.find((line) => line.event === 'server.started')).toMatchObject({
        level: 'info',
        host: '127.0.0.1',
        dataDir: data,
        version: '0.1.0',
        node: process.version,
      });
      expect(log.lines.filter((line) => line.event === 'session.started').map((line) => line.code)).toContain(code);
      expect(log.lines.find((line) => line.event === 'shutdown')).toMatchObject({ level: 'info', signal: 'SIGTERM', streamsClosed: 2, connectionsCut: 0 });
      expect(log.lines.find((line) => line.event === 'session.resumed' && line.code === code)).toMatchObject({ events: 4 });
      expect(names.filter((name) => name === 'shutdown')).toHaveLength(2);
      expect(names.lastIndexOf('server.resumed')).toBeGreaterThan(names.indexOf('shutdown'));
      // Never a key, a token, the operator link or a participant's words.
      for (const secret of [operatorKey, leadKey, supportKey, token, cardText, 'Marisol', 'Shutdown School', '#operator=', 'Bearer'])
        expect(log.text).not.toContain(secret);
    },
  );

  it('a second signal while it waits for a slow request stops it at once', { timeout: 60_000 }, async () => {
    const { dir, data } = scratch();
    const server = await start(data, dir);
    const [code] = /New session ([A-Z0-9]{6})/.exec(server.output)!.slice(1);
    // A request whose body never finishes arriving keeps its connection busy.
    const slow = connect(server.port, '127.0.0.1');
    slow.on('error', () => {});
    slow.write(
      `POST /api/sessions/${code}/participants HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nIdempotency-Key: slow-body-0001\r\nContent-Length: 200\r\n\r\n{"name":`,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));

    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(server.child.exitCode).toBeNull();
    const forced = Date.now();
    server.child.kill('SIGTERM');
    // 128 + SIGTERM's number, as a shell reports a process ended by it.
    expect(await server.exit).toBe(143);
    expect(Date.now() - forced).toBeLessThan(1000);
    expect(readLog(data).lines.map((line) => line.event)).toEqual(expect.arrayContaining(['shutdown.started', 'shutdown.forced']));
    slow.destroy();
  });

  it('a slow request is waited for only so long: its connection is cut and the server still exits 0', { timeout: 60_000 }, async () => {
    const { dir, data } = scratch();
    const server = await start(data, dir);
    const [code] = /New session ([A-Z0-9]{6})/.exec(server.output)!.slice(1);
    const slow = connect(server.port, '127.0.0.1');
    slow.on('error', () => {});
    slow.write(
      `POST /api/sessions/${code}/participants HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nIdempotency-Key: slow-body-0002\r\nContent-Length: 200\r\n\r\n{`,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stopping = Date.now();
    server.child.kill('SIGTERM');
    expect(await server.exit).toBe(0);
    // It waited the grace period (SHUTDOWN_GRACE_MS, 3 s) for the body, then cut the connection.
    expect(Date.now() - stopping).toBeGreaterThan(2900);
    expect(readLog(data).lines.find((line) => line.event === 'shutdown')).toMatchObject({ connectionsCut: 1, ms: expect.any(Number) });
    slow.destroy();
  });
});

describe('what the server will not start with', () => {
  it('a bad setting: exit code 1 and a sentence naming the variable and the value, before anything is opened', { timeout: 60_000 }, async () => {
    const { dir, data } = scratch();
    const server = new ServerRun(data, dir, { PORT: 'abc', LOG_FILES: '0' });
    running.push(server);
    expect(await server.exit).toBe(1);
    expect(server.output.trim()).toBe(
      [
        'The configuration has 2 problems:',
        '  - PORT must be a whole number from 0 to 65535, not "abc"',
        '  - LOG_FILES must be a whole number from 2 to 1000, not "0"',
      ].join('\n'),
    );
    expect(existsSync(data)).toBe(false);
  });

  it(
    'a data folder from a newer version: exit code 1, a clear message in the terminal and the log, and the file left as it was',
    { timeout: 60_000 },
    async () => {
      const { dir, data } = scratch();
      mkdirSync(data);
      const file = join(data, 'partnerdeck.sqlite');
      const newer = new Database(file);
      newer.pragma('journal_mode = WAL');
      newer.exec('CREATE TABLE sessions (id TEXT PRIMARY KEY); CREATE TABLE series (id TEXT PRIMARY KEY);');
      newer.pragma('user_version = 9');
      newer.close();

      const server = new ServerRun(data, dir);
      running.push(server);
      expect(await server.exit).toBe(1);
      const message = `The database ${file} was written by a newer version of Partnerdeck (its schema is version 9; this version knows up to ${SCHEMA_VERSION}). It was left as it is. Run the newer version on it, or give this one another DATA_DIR.`;
      expect(server.output).toContain(message);
      expect(server.output).not.toMatch(/^\s+at /m);
      expect(readLog(data).lines.at(-1)).toMatchObject({ level: 'fatal', event: 'server.cannot_start', msg: message });
      const after = new Database(file, { readonly: true });
      expect(after.pragma('user_version', { simple: true })).toBe(9);
      expect(after.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all()).toEqual([{ name: 'series' }, { name: 'sessions' }]);
      after.close();
    },
  );
});
