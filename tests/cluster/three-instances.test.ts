import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveStream } from '../load/sse-client.js';
import { send, sendUntilAnswered, startInstances } from './instances.js';

/**
 * Three real server processes on loopback sharing one Postgres database, as a district
 * would run them behind a proxy. Runs where PD_TEST_DATABASE_URL names a server
 * (`npm run test:postgres` starts a throwaway one).
 */
const SERVER_URL = process.env.PD_TEST_DATABASE_URL ?? '';

let cluster: Awaited<ReturnType<typeof startInstances>> | null = null;
const streams: LiveStream[] = [];
const holes: { child: ChildProcess; fillers: net.Socket[] }[] = [];
afterEach(async () => {
  for (const hole of holes.splice(0)) {
    for (const socket of hole.fillers) socket.destroy();
    hole.child.kill('SIGKILL');
  }
  for (const stream of streams.splice(0)) stream.close();
  await cluster?.stop();
  cluster = null;
});

const waitFor = async (check: () => boolean, ms: number) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
};

/** The lead's stream on one instance, with the answers it shows. */
function leadStream(port: number, code: string, key: string) {
  let answers: { id: string; text: string }[] = [];
  const stream = new LiveStream({
    port,
    code,
    key,
    onFrame: (frame) => {
      const parts = JSON.parse(frame.data).parts as { answers?: { id: string; text: string }[] };
      if (parts.answers) answers = parts.answers;
    },
  });
  streams.push(stream);
  return { stream, answers: () => answers };
}

async function startSession(port: number, operatorKey: string) {
  const created = await send(port, 'POST', '/api/sessions', { key: operatorKey, body: { schoolName: 'Three Rivers School' }, op: 'start-session-1' });
  expect(created.status).toBe(201);
  return created.json as { code: string; leadKey: string; supportKey: string };
}

/** Three instances; a session started on the first, its deck on slide 4 and Rosa joined, both through the second. */
async function threeWithRosa() {
  const started = await startInstances(3, SERVER_URL);
  cluster = started;
  const [a, b] = started.runs;
  const { code, leadKey } = await startSession(a.port, a.operatorKey);
  expect((await send(b.port, 'PUT', `/api/sessions/${code}/presentation/slide`, { key: leadKey, body: { slide: 4 }, op: 'lead-slide-0004' })).status).toBe(200);
  const joined = await send(b.port, 'POST', `/api/sessions/${code}/participants`, { body: { name: 'Rosa', group: 'parent' }, op: 'join-rosa-0001' });
  expect(joined.status).toBe(201);
  return { runs: started.runs, a, b, code, leadKey, rosa: joined.json.token as string };
}

/**
 * An address where connections are never completed, as a machine that is gone (switched
 * off, cut off by the network) looks from the others: a process that listens with a queue
 * of one and never accepts. Once two connections fill its queue, the kernel drops every
 * further SYN, so a connect neither succeeds nor is refused.
 */
async function silentAddress(): Promise<string> {
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const s = require('node:net').createServer();
       s.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
         console.log(s.address().port);
         Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120000);
       });`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<number>((resolve) => child.stdout.once('data', (d) => resolve(Number(String(d).trim()))));
  const fillers: net.Socket[] = [];
  holes.push({ child, fillers });
  for (let i = 0; i < 2; i++) {
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve());
      socket.once('error', reject);
      fillers.push(socket);
    });
  }
  return `http://127.0.0.1:${port}`;
}

describe.skipIf(!SERVER_URL)('three instances on one Postgres database', () => {
  it('serve a session from the instance that owns it: the others forward its writes, reads and live stream there', { timeout: 60_000 }, async () => {
    cluster = await startInstances(3, SERVER_URL);
    const [a, b, c] = cluster.runs;
    // One operator key for all: the instances share it through the database.
    expect(new Set(cluster.runs.map((run) => run.operatorKey)).size).toBe(1);
    const { code, leadKey } = await startSession(a.port, a.operatorKey);

    expect((await send(c.port, 'GET', `/api/sessions/${code}`)).json).toMatchObject({ code, schoolName: 'Three Rivers School' });
    const lead = leadStream(c.port, code, leadKey);
    await lead.stream.open();
    const slide = await send(b.port, 'PUT', `/api/sessions/${code}/presentation/slide`, { key: leadKey, body: { slide: 4 }, op: 'lead-slide-0004' });
    expect(slide.status).toBe(200);
    const joined = await send(b.port, 'POST', `/api/sessions/${code}/participants`, { body: { name: 'Rosa', group: 'parent' }, op: 'join-rosa-0001' });
    expect(joined.status).toBe(201);
    const answer = await send(c.port, 'POST', `/api/sessions/${code}/answers`, { key: joined.json.token, body: { slide: 4, text: 'a grandmother' }, op: 'rosa-answer-01' });
    expect(answer.status).toBe(201);
    // The stream held through C shows the write made through B, at the log position B reported.
    expect(await waitFor(() => lead.stream.seq >= answer.seq && lead.answers().some((a) => a.text === 'a grandmother'), 5_000)).toBe(true);
    // A retry through another instance gets the first answer, and nothing is applied twice.
    const retried = await send(a.port, 'POST', `/api/sessions/${code}/answers`, { key: joined.json.token, body: { slide: 4, text: 'a grandmother' }, op: 'rosa-answer-01' });
    expect(retried).toMatchObject({ status: 201, json: answer.json });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(lead.answers()).toHaveLength(1);

    // Only A holds the session; B and C forwarded everything.
    const held = await Promise.all([a, b, c].map(async (run) => (await send(run.port, 'GET', '/healthz')).json.sessions));
    expect(held).toEqual([1, 0, 0]);

    // Programs (a series run) are kept only by the embedded store: on a shared database
    // starting one is refused with a reason, and nothing is half-written.
    const program = await send(b.port, 'POST', '/api/programs', { key: b.operatorKey, body: { seriesId: 'building-partnerships', schoolName: 'Three Rivers School' }, op: 'start-program-1' });
    expect(program.status).toBe(409);
    expect(program.json.error).toMatchObject({ code: 'programs_unavailable', message: expect.stringContaining('DATABASE_URL') });
    expect((await send(a.port, 'GET', '/api/programs', { key: a.operatorKey })).json.programs).toEqual([]);
  });

  it('when the owner is killed, another instance takes the session over within 10 s: every acknowledged write is there, a retry is applied once', { timeout: 90_000 }, async () => {
    cluster = await startInstances(3, SERVER_URL);
    const [a, b, c] = cluster.runs;
    const { code, leadKey } = await startSession(a.port, a.operatorKey);
    expect((await send(b.port, 'PUT', `/api/sessions/${code}/presentation/slide`, { key: leadKey, body: { slide: 4 }, op: 'lead-slide-0004' })).status).toBe(200);
    const people = [];
    for (let i = 0; i < 6; i++) {
      const via = i % 2 === 0 ? b : c;
      const joined = await send(via.port, 'POST', `/api/sessions/${code}/participants`, { body: { name: `P${i}`, group: 'parent' }, op: `join-person-${i}` });
      expect(joined.status).toBe(201);
      people.push(joined.json.token as string);
    }
    const acknowledged = new Map<string, string>();
    for (const [i, token] of people.entries()) {
      const answer = await send(c.port, 'POST', `/api/sessions/${code}/answers`, { key: token, body: { slide: 4, text: `answer ${i}` }, op: `answer-person-${i}` });
      expect(answer.status).toBe(201);
      acknowledged.set(answer.json.answerId, `answer ${i}`);
    }
    const lead = leadStream(b.port, code, leadKey);
    await lead.stream.open();
    expect(lead.answers()).toHaveLength(6);

    await a.kill();
    const killedAt = Date.now();
    // The phone that had sent answer 0 never saw its answer (say): it sends it again, same key.
    const retried = await sendUntilAnswered(c.port, 'POST', `/api/sessions/${code}/answers`, { key: people[0], body: { slide: 4, text: 'answer 0' }, op: 'answer-person-0' }, killedAt + 15_000);
    const tookOverIn = (Date.now() - killedAt) / 1000;
    expect(retried.status).toBe(201);
    expect(acknowledged.has(retried.json.answerId)).toBe(true);
    expect(tookOverIn).toBeLessThanOrEqual(10);
    // A new write through the other instance, after the takeover.
    const fresh = await sendUntilAnswered(b.port, 'POST', `/api/sessions/${code}/answers`, { key: people[1], body: { slide: 4, text: 'after the crash' }, op: 'answer-person-1b' }, killedAt + 15_000);
    expect(fresh.status).toBe(201);
    acknowledged.set(fresh.json.answerId, 'after the crash');

    // The lead's stream (held through B) comes back with a fresh view from the new owner, current.
    expect(await waitFor(() => lead.stream.lastViewAt > killedAt && lead.stream.seq >= fresh.seq, 10_000 - (Date.now() - killedAt))).toBe(true);
    const shown = new Map(lead.answers().map((a) => [a.id, a.text]));
    expect(shown).toEqual(acknowledged);
    const held = await Promise.all([b, c].map(async (run) => (await send(run.port, 'GET', '/healthz')).json.sessions));
    expect(held.toSorted()).toEqual([0, 1]);
  });

  it('when the owner’s address refuses connections, another instance takes the session at once, long before its lease runs out; phones get their views before their writes are taken again, the facilitators’ writes go through', { timeout: 90_000 }, async () => {
    const { runs, a, b, code, leadKey, rosa } = await threeWithRosa();

    await a.kill();
    const killedAt = Date.now();
    // Rosa's phone opens its stream through B: B's forward to A is refused, so B takes the
    // session there and then. A lease (5 s, renewed every 1.7 s) would run out 3.3 s after
    // the kill at the soonest.
    const phone = new LiveStream({ port: b.port, code, key: rosa });
    streams.push(phone);
    await phone.open();
    expect((Date.now() - killedAt) / 1000).toBeLessThan(3);
    // Her phone's write, sent as her view arrives, is asked to wait while phones come back...
    const early = await send(b.port, 'POST', `/api/sessions/${code}/answers`, { key: rosa, body: { slide: 4, text: 'a grandmother' }, op: 'rosa-answer-01' });
    expect(early.status).toBe(503);
    expect(early.json.error.code).toBe('session_moving');
    // ...while the lead moves the deck at once.
    expect((await send(b.port, 'PUT', `/api/sessions/${code}/presentation/slide`, { key: leadKey, body: { slide: 5 }, op: 'lead-slide-0005' })).status).toBe(200);
    // Her outbox sends it again with the same key: taken once the streams are back, within seconds.
    const later = await sendUntilAnswered(b.port, 'POST', `/api/sessions/${code}/answers`, { key: rosa, body: { slide: 4, text: 'a grandmother' }, op: 'rosa-answer-01' }, killedAt + 15_000);
    expect(later.status).toBe(201);
    expect((Date.now() - killedAt) / 1000).toBeLessThan(5);
    expect(await waitFor(() => phone.seq >= later.seq, 5_000)).toBe(true);
    const held = await Promise.all(runs.slice(1).map(async (run) => (await send(run.port, 'GET', '/healthz')).json.sessions));
    expect(held).toEqual([1, 0]);
  });

  it('an owner that stops for half its lease (a long pause, a slow machine) keeps its session: a write sent meanwhile waits for it and is applied there once', { timeout: 90_000 }, async () => {
    const { runs, a, b, code, leadKey, rosa } = await threeWithRosa();

    // A stops (SIGSTOP: no timers, no renewals, no answers) for 2.5 s of its 5 s lease; its
    // listening socket stays open, so B's forward is queued by the kernel, not refused.
    process.kill(a.pid, 'SIGSTOP');
    let resumed = false;
    const resume = setTimeout(() => {
      process.kill(a.pid, 'SIGCONT');
      resumed = true;
    }, 2_500);
    try {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      // Sent as her outbox sends it (again, same key, after a refusal) until it is answered.
      const answer = await sendUntilAnswered(b.port, 'POST', `/api/sessions/${code}/answers`, { key: rosa, body: { slide: 4, text: 'a grandmother' }, op: 'rosa-answer-01' }, Date.now() + 10_000);
      expect(answer.status, JSON.stringify(answer.json)).toBe(201);
      expect(resumed).toBe(true);
    } finally {
      clearTimeout(resume);
      if (!resumed) process.kill(a.pid, 'SIGCONT');
    }
    const held = await Promise.all(runs.map(async (run) => (await send(run.port, 'GET', '/healthz')).json.sessions));
    expect(held).toEqual([1, 0, 0]);
    const shown = await send(b.port, 'GET', `/api/sessions/${code}/exports/session.json`, { key: leadKey });
    expect(shown.json.answers.filter((x: { text: string }) => x.text === 'a grandmother')).toHaveLength(1);
  });

  it('when the owner cannot be reached (its address never answers a connection), a forward gives up within seconds with 503 and Retry-After, and the live owner keeps its session', { timeout: 90_000 }, async () => {
    // A's address, as the others know it, is one where connections hang; A itself is up.
    const unreachable = await silentAddress();
    cluster = await startInstances(2, SERVER_URL, (i): Record<string, string> => (i === 0 ? { INSTANCE_URL: unreachable } : {}));
    const [a, b] = cluster.runs;
    const { code, leadKey } = await startSession(a.port, a.operatorKey);
    const sentAt = Date.now();
    const forwarded = await fetch(`http://127.0.0.1:${b.port}/api/sessions/${code}/presentation/slide`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${leadKey}`, 'content-type': 'application/json', 'idempotency-key': 'lead-slide-0004' },
      body: JSON.stringify({ slide: 4 }),
      signal: AbortSignal.timeout(20_000),
    });
    const waited = Date.now() - sentAt;
    expect(forwarded.status).toBe(503);
    expect(forwarded.headers.get('retry-after')).toBe('1');
    expect((await forwarded.json()).error.code).toBe('session_moving');
    expect(waited).toBeLessThan(4_000);
    // A timeout is no proof that the owner is gone: nobody took the session from A, which
    // goes on serving it, the same write included (applied once, by its key).
    const held = await Promise.all(cluster.runs.map(async (run) => (await send(run.port, 'GET', '/healthz')).json.sessions));
    expect(held).toEqual([1, 0]);
    const direct = await send(a.port, 'PUT', `/api/sessions/${code}/presentation/slide`, { key: leadKey, body: { slide: 4 }, op: 'lead-slide-0004' });
    expect(direct.status).toBe(200);
  });
});
