import { afterEach, describe, expect, it } from 'vitest';
import { send, startInstances } from './instances.js';

/**
 * An operator's start with an Idempotency-Key, when several instances share one Postgres
 * database: the first instance's answer got lost and a proxy sent the retry to another
 * instance, or sent the same request to two of them at once. Real server processes on
 * loopback; runs where PD_TEST_DATABASE_URL names a server (`npm run test:postgres`).
 */
const SERVER_URL = process.env.PD_TEST_DATABASE_URL ?? '';

let cluster: Awaited<ReturnType<typeof startInstances>> | null = null;
afterEach(async () => {
  await cluster?.stop();
  cluster = null;
});

describe.skipIf(!SERVER_URL)('an operator’s start retried on another instance', () => {
  it(
    'gets the session the first instance started, with the same answer; another body with the key is refused; sent to two at once, starts one',
    { timeout: 120_000 },
    async () => {
      cluster = await startInstances(2, SERVER_URL);
      const [a, b] = cluster.runs;
      const key = a.operatorKey;
      const lincoln = { schoolName: 'Lincoln Elementary' };

      const first = await send(a.port, 'POST', '/api/sessions', { key, body: lincoln, op: 'start-lincoln-0001' });
      expect(first.status).toBe(201);
      // B never saw the key: it finds the session in the database and answers as A did.
      const retry = await send(b.port, 'POST', '/api/sessions', { key, body: lincoln, op: 'start-lincoln-0001' });
      expect(retry).toMatchObject({ status: 201, json: first.json });
      const other = await send(b.port, 'POST', '/api/sessions', { key, body: { schoolName: 'Washington High' }, op: 'start-lincoln-0001' });
      expect([other.status, other.json.error.code]).toEqual([422, 'idempotency_key_reused']);
      expect(JSON.stringify(other.json)).not.toContain(first.json.leadKey);
      // The answer B gave works from B (forwarded to A, which serves the session).
      expect((await send(b.port, 'GET', `/api/sessions/${first.json.code}`)).json).toMatchObject({ code: first.json.code, schoolName: 'Lincoln Elementary' });

      // The same start sent to both at once, several times: each pair starts one session, and both get it.
      const pairs = [];
      for (let i = 0; i < 5; i++) {
        const op = `start-both-${String(i).padStart(4, '0')}`;
        const body = { schoolName: `Both At Once School ${i}` };
        const [x, y] = await Promise.all([a, b].map((run) => send(run.port, 'POST', '/api/sessions', { key, body, op })));
        expect([x.status, y.status]).toEqual([201, 201]);
        expect(y.json).toEqual(x.json);
        pairs.push(x.json.code as string);
      }

      // The operator's list, from either instance, holds each session once.
      for (const run of [a, b]) {
        const listed = (await send(run.port, 'GET', '/api/sessions', { key })).json.sessions.map((s: { code: string }) => s.code);
        expect([...listed].sort()).toEqual([first.json.code, ...pairs].sort());
      }
    },
  );
});
