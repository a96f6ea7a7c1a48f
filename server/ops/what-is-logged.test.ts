import { serve } from '@hono/node-server';
import type Database from 'better-sqlite3';
import BetterSqlite from 'better-sqlite3';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testApp } from '../../tests/unit/test-app.js';

/**
 * What the server writes to its operations log as the API is used (the log kept in memory
 * here; tests/unit/server-ops.test.ts reads the real files of a server process).
 */
let t: ReturnType<typeof testApp>;
afterEach(() => t?.close());

const events = (lines: Record<string, unknown>[], name: string) => lines.filter((line) => line.event === name);

describe('the operations log, as the API is used', () => {
  it('names sessions started, deleted, resumed and set aside by their code, with nothing else about them', async () => {
    t = testApp();
    const kept = await t.startSession('Kept School');
    const gone = await t.startSession('Gone School');
    expect((await t.call('DELETE', `/api/sessions/${gone.code}`, { key: t.operatorKey })).status).toBe(200);
    expect(events(t.logLines(), 'session.started')).toEqual([
      expect.objectContaining({ level: 'info', code: kept.code, deckId: 'module-1' }),
      expect.objectContaining({ level: 'info', code: gone.code, deckId: 'module-1' }),
    ]);
    expect(events(t.logLines(), 'session.deleted')).toEqual([expect.objectContaining({ code: gone.code })]);
    expect(JSON.stringify(t.logLines())).not.toMatch(/Kept School|Gone School/);

    // A session whose deck has gone from slides/ is set aside at the next start.
    t.close();
    const db = new BetterSqlite(join(t.dataDir, 'partnerdeck.sqlite'));
    db.prepare('INSERT INTO sessions (id, code, deck_id, created_at) VALUES (?, ?, ?, ?)').run('orphan', 'ORPHAN', 'family-night', Date.now());
    db.close();
    t = testApp({ dataDir: t.dataDir });
    expect(events(t.logLines(), 'session.resumed')).toEqual([expect.objectContaining({ code: kept.code, deckId: 'module-1', events: 1 })]);
    expect(events(t.logLines(), 'session.set_aside')).toEqual([
      expect.objectContaining({ level: 'warn', code: 'ORPHAN', problem: 'deck_missing', seq: null, reason: 'its deck "family-night" is no longer in the slides folder' }),
    ]);
  });

  it('a participant who taps too fast gets 429s; the log has one line for them all, with the count by route', async () => {
    t = testApp();
    const s = await t.startSession();
    const rosa = await t.joinAs(s.code, 'Rosa');
    await t.showSlide(s.code, s.leadKey, 4);
    const statuses = await Promise.all(
      Array.from({ length: 100 }, (_, i) => t.call('POST', `/api/sessions/${s.code}/answers`, { key: rosa.token, body: { slide: 4, text: `idea ${i}` } }).then((r) => r.status)),
    );
    const refused = statuses.filter((status) => status === 429).length;
    expect(refused).toBeGreaterThan(40);
    expect(events(t.logLines(), 'http.refusals')).toEqual([]);
    t.log.flushCounts();
    expect(events(t.logLines(), 'http.refusals')).toEqual([
      expect.objectContaining({ level: 'warn', total: refused, counts: { 'POST /api/sessions/:code/answers': { '429': refused } } }),
    ]);
    expect(JSON.stringify(t.logLines())).not.toMatch(/idea \d|Rosa/);
  });

  it('a write that fails on the server is counted as a 500 and described once, without the person’s words', async () => {
    t = testApp({ limits: { addressPerSecond: 1e6, addressBurst: 1e6 } });
    const s = await t.startSession();
    // The disk fills up: SQLite may use no more pages than the file has now.
    const db = (t.store as unknown as { db: Database.Database }).db;
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    let status = 0;
    for (let i = 0; i < 400 && status !== 500; i++) {
      status = (await t.call('POST', `/api/sessions/${s.code}/participants`, { body: { name: `Marisol ${i}`.padEnd(40, '.'), group: 'parent' } })).status;
    }
    expect(status).toBe(500);
    t.log.flushCounts();
    expect(events(t.logLines(), 'request.failed')).toEqual([
      expect.objectContaining({ level: 'error', method: 'POST', route: '/api/sessions/:code/participants', error: expect.stringMatching(/^SqliteError: database or disk is full/) }),
    ]);
    expect(events(t.logLines(), 'http.refusals')).toEqual([expect.objectContaining({ total: 1, counts: { 'POST /api/sessions/:code/participants': { '500': 1 } } })]);
    expect(JSON.stringify(t.logLines())).not.toContain('Marisol');
  });

  it('a write whose client hangs up before its answer is counted as a client abort, by route', async () => {
    t = testApp();
    const s = await t.startSession();
    // Over a real socket: only node's response knows that its client went away.
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const port = (server.address() as AddressInfo).port;
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => {});
    // Half the body, then the phone is gone (a reset, as when it drops off the Wi-Fi and the connection is torn down).
    socket.write(`POST /api/sessions/${s.code}/participants HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nIdempotency-Key: gone-phone-0001\r\nContent-Length: 40\r\n\r\n{"name":"Li`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.resetAndDestroy();
    const until = Date.now() + 3000;
    do {
      await new Promise((resolve) => setTimeout(resolve, 50));
      t.log.flushCounts();
    } while (events(t.logLines(), 'http.client_aborts').length === 0 && Date.now() < until);
    expect(events(t.logLines(), 'http.client_aborts')).toEqual([expect.objectContaining({ level: 'info', total: 1, counts: { 'POST /api/sessions/:code/participants': { aborted: 1 } } })]);
    server.close();
  });
});
