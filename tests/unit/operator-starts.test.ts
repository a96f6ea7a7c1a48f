import { afterEach, describe, expect, it } from 'vitest';
import { opId, testApp } from './test-app.js';

/**
 * The operator's starts honour an Idempotency-Key as every other write does: a double tap
 * or a retry on a flaky network (same key, same body) starts one session or program and
 * gets the first answer again, after a restart too; the same key with another body is
 * refused (422) and starts nothing. Against the real app and a real SQLite file.
 */
type App = ReturnType<typeof testApp>;
let apps: App[] = [];
afterEach(() => {
  for (const a of apps) a.close();
  apps = [];
});

function app() {
  const t = testApp();
  apps.push(t);
  return t;
}

/** The sessions the operator's start page lists. */
async function sessionCodes(t: App): Promise<string[]> {
  return (await t.call('GET', '/api/sessions', { key: t.operatorKey })).json.sessions.map((s: { code: string }) => s.code);
}

async function programIds(t: App): Promise<string[]> {
  return (await t.call('GET', '/api/programs', { key: t.operatorKey })).json.programs.map((p: { id: string }) => p.id);
}

describe('POST /api/sessions with an Idempotency-Key', () => {
  it('sent twice (a retry): one session, and the same answer both times', async () => {
    const t = app();
    const op = opId();
    const first = await t.call('POST', '/api/sessions', { key: t.operatorKey, op, body: { schoolName: 'Lincoln Elementary' } });
    const retry = await t.call('POST', '/api/sessions', { key: t.operatorKey, op, body: { schoolName: 'Lincoln Elementary' } });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.json).toEqual(first.json);
    expect(await sessionCodes(t)).toEqual([first.json.code]);
  });

  it('a double tap (both sent before either is answered): one session, the same answer', async () => {
    const t = app();
    const op = opId();
    const start = () => t.call('POST', '/api/sessions', { key: t.operatorKey, op, body: { schoolName: 'Roosevelt Middle School' } });
    const [a, b] = await Promise.all([start(), start()]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.json).toEqual(a.json);
    expect(await sessionCodes(t)).toEqual([a.json.code]);
  });

  it('the same key with another body: refused (422 idempotency_key_reused), no second session', async () => {
    const t = app();
    const op = opId();
    const first = await t.call('POST', '/api/sessions', { key: t.operatorKey, op, body: { schoolName: 'Lincoln Elementary' } });
    const other = await t.call('POST', '/api/sessions', { key: t.operatorKey, op, body: { schoolName: 'Washington High' } });
    expect(other.status).toBe(422);
    expect(other.json.error.code).toBe('idempotency_key_reused');
    expect(other.json.error.message).toMatch(/different request/);
    expect(JSON.stringify(other.json)).not.toContain(first.json.leadKey);
    expect(await sessionCodes(t)).toEqual([first.json.code]);
  });

  it('after a restart, the retry still gets the session it started; another body is still refused', async () => {
    const t = app();
    const op = opId();
    const first = await t.call('POST', '/api/sessions', { key: t.operatorKey, op, body: { schoolName: 'Lincoln Elementary', deckId: 'module-1' } });
    const again = t.restart();
    apps.push(again);
    const retry = await again.call('POST', '/api/sessions', { key: again.operatorKey, op, body: { deckId: 'module-1', schoolName: 'Lincoln Elementary' } });
    expect(retry.status).toBe(201);
    expect(retry.json).toEqual(first.json);
    expect((await again.call('POST', '/api/sessions', { key: again.operatorKey, op, body: { schoolName: 'Lincoln' } })).status).toBe(422);
    expect(await sessionCodes(again)).toEqual([first.json.code]);
  });

  it('different keys, or none (as older scripts send), start a session each; a malformed key is refused (400)', async () => {
    const t = app();
    const body = { schoolName: 'Lincoln Elementary' };
    const a = await t.call('POST', '/api/sessions', { key: t.operatorKey, body });
    const b = await t.call('POST', '/api/sessions', { key: t.operatorKey, body });
    const c = await t.call('POST', '/api/sessions', { key: t.operatorKey, op: false, body });
    const d = await t.call('POST', '/api/sessions', { key: t.operatorKey, op: false, body });
    expect(new Set([a.json.code, b.json.code, c.json.code, d.json.code]).size).toBe(4);
    const bad = await t.call('POST', '/api/sessions', { key: t.operatorKey, op: 'short', body });
    expect([bad.status, bad.json.error.code]).toEqual([400, 'missing_op_id']);
    expect(await sessionCodes(t)).toHaveLength(4);
  });
});

describe('POST /api/programs with an Idempotency-Key', () => {
  const lincoln = { seriesId: 'parent-teacher-partnerships', schoolName: 'Lincoln Elementary', dates: { '1': '2026-09-14' } };

  it('sent twice: one program, the same answer; another body with the key is refused (422); so after a restart', async () => {
    const t = app();
    const op = opId();
    const first = await t.call('POST', '/api/programs', { key: t.operatorKey, op, body: lincoln });
    const retry = await t.call('POST', '/api/programs', { key: t.operatorKey, op, body: lincoln });
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.json).toEqual(first.json);
    const other = await t.call('POST', '/api/programs', { key: t.operatorKey, op, body: { ...lincoln, schoolName: 'Washington High' } });
    expect([other.status, other.json.error.code]).toEqual([422, 'idempotency_key_reused']);
    expect(await programIds(t)).toEqual([first.json.id]);

    const again = t.restart();
    apps.push(again);
    const late = await again.call('POST', '/api/programs', { key: again.operatorKey, op, body: lincoln });
    expect(late.status).toBe(201);
    expect(late.json).toEqual(first.json);
    expect(await programIds(again)).toEqual([first.json.id]);
  });

  it('without a key, or with another, each request starts a program', async () => {
    const t = app();
    await t.call('POST', '/api/programs', { key: t.operatorKey, body: lincoln });
    await t.call('POST', '/api/programs', { key: t.operatorKey, body: lincoln });
    await t.call('POST', '/api/programs', { key: t.operatorKey, op: false, body: lincoln });
    expect(await programIds(t)).toHaveLength(3);
  });
});

describe('POST /api/programs/:id/sessions/:number (opening a series session) with an Idempotency-Key', () => {
  const lincoln = { seriesId: 'parent-teacher-partnerships', schoolName: 'Lincoln Elementary', dates: { '1': '2026-09-14' } };
  const rosaAndOkafor = { facilitators: { lead: { name: 'Rosa Díaz', role: 'parent' }, support: { name: 'Mr. Okafor', role: 'teacher' } } };
  const rosaAlone = { facilitators: { lead: { name: 'Rosa Díaz', role: 'parent' }, support: null } };

  async function startProgram(t: App): Promise<string> {
    const res = await t.call('POST', '/api/programs', { key: t.operatorKey, body: lincoln });
    expect(res.status).toBe(201);
    return res.json.id;
  }

  const open = (t: App, programId: string, number: number, op: string | false, body: unknown = rosaAndOkafor) =>
    t.call('POST', `/api/programs/${programId}/sessions/${number}`, { key: t.operatorKey, op, body });

  /** What the coordinator's program page shows of session 1: its status and its code. */
  async function sessionOne(t: App, programId: string) {
    const { json } = await t.call('GET', `/api/programs/${programId}`, { key: t.operatorKey });
    const one = json.sessions.find((s: { number: number }) => s.number === 1);
    return { status: one.status, code: one.code };
  }

  it('sent twice (the answer got lost): one session, and the same answer, keys and links both times', async () => {
    const t = app();
    const programId = await startProgram(t);
    const op = opId();
    const first = await open(t, programId, 1, op);
    const retry = await open(t, programId, 1, op);
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.json).toEqual(first.json);
    expect(first.json.coachKey).toEqual(expect.any(String));
    expect(await sessionCodes(t)).toEqual([first.json.code]);
    expect(await sessionOne(t, programId)).toEqual({ status: 'done', code: first.json.code });
  });

  it('a double tap (both sent before either is answered): one session, the same answer', async () => {
    const t = app();
    const programId = await startProgram(t);
    const op = opId();
    const [a, b] = await Promise.all([open(t, programId, 1, op), open(t, programId, 1, op)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.json).toEqual(a.json);
    expect(await sessionCodes(t)).toEqual([a.json.code]);
  });

  it('the same key with other facilitators, or for another session number: refused (422 idempotency_key_reused), nothing opened', async () => {
    const t = app();
    const programId = await startProgram(t);
    const op = opId();
    const first = await open(t, programId, 1, op);
    const otherBody = await open(t, programId, 1, op, rosaAlone);
    expect([otherBody.status, otherBody.json.error.code]).toEqual([422, 'idempotency_key_reused']);
    expect(JSON.stringify(otherBody.json)).not.toContain(first.json.leadKey);
    const otherNumber = await open(t, programId, 2, op);
    expect([otherNumber.status, otherNumber.json.error.code]).toEqual([422, 'idempotency_key_reused']);
    // The key of a single session's start is no key for opening a series session either.
    const startOp = opId();
    await t.call('POST', '/api/sessions', { key: t.operatorKey, op: startOp, body: { schoolName: 'Lincoln Elementary' } });
    expect((await open(t, await startProgram(t), 1, startOp)).json.error.code).toBe('idempotency_key_reused');
    expect(await sessionCodes(t)).toHaveLength(2);
    // The session keeps the first request's facilitators.
    const { json } = await t.call('GET', `/api/programs/${programId}`, { key: t.operatorKey });
    expect(json.sessions[0].record.facilitators.support).toMatchObject({ name: 'Mr. Okafor' });
  });

  it('after a restart, the retry still gets the session it opened, not "already open"; another body is still refused', async () => {
    const t = app();
    const programId = await startProgram(t);
    const op = opId();
    const first = await open(t, programId, 1, op);
    const again = t.restart();
    apps.push(again);
    const retry = await open(again, programId, 1, op);
    expect(retry.status).toBe(201);
    expect(retry.json).toEqual(first.json);
    expect((await open(again, programId, 1, op, rosaAlone)).status).toBe(422);
    expect(await sessionCodes(again)).toEqual([first.json.code]);
    expect(await sessionOne(again, programId)).toEqual({ status: 'done', code: first.json.code });
  });

  it('without a key (as older scripts send), or with a new one, a session already open is refused as before (409 session_open)', async () => {
    const t = app();
    const programId = await startProgram(t);
    const first = await open(t, programId, 1, false);
    expect(first.status).toBe(201);
    const second = await open(t, programId, 1, false);
    expect([second.status, second.json.error.code]).toEqual([409, 'session_open']);
    expect((await open(t, programId, 1, opId())).json.error.code).toBe('session_open');
    expect((await open(t, programId, 1, 'short')).json.error.code).toBe('missing_op_id');
    expect(await sessionCodes(t)).toEqual([first.json.code]);
  });
});
