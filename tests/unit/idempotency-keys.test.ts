import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { opId, testApp } from './test-app.js';

/**
 * An Idempotency-Key means one request: a retry (same key, same request) gets the first
 * answer and changes nothing; the same key with another request is refused (422) and
 * changes nothing; a stored answer that cannot be read is refused (409), never applied
 * twice and never a 500. Against the real app and a real SQLite file.
 */
type App = ReturnType<typeof testApp>;
let apps: App[] = [];
afterEach(() => {
  for (const a of apps) a.close();
  apps = [];
});

async function room() {
  const t = testApp();
  apps.push(t);
  const s = await t.startSession();
  const ana = await t.joinAs(s.code, 'Ana');
  await t.showSlide(s.code, s.leadKey, 4);
  await t.showSlide(s.code, s.leadKey, 11);
  return { t, s, ana, base: `/api/sessions/${s.code}`, seq: () => t.registry.get(s.code)!.runtime.state.seq };
}

/** Rewrites the stored answer of `key` (as the store keeps it, prefixed with its caller) in the SQLite file. */
function rewriteAnswer(dataDir: string, key: string, rewrite: (stored: string) => string) {
  const db = new Database(join(dataDir, 'partnerdeck.sqlite'));
  const row = db.prepare('SELECT session_id, seq, response FROM events WHERE op_key = ?').get(key) as { session_id: string; seq: number; response: string };
  db.prepare('UPDATE events SET response = ? WHERE session_id = ? AND seq = ?').run(rewrite(row.response), row.session_id, row.seq);
  db.close();
  return row.response;
}

describe('the same key with another request → 422 idempotency_key_reused, nothing changed', () => {
  it('another body on the same route', async () => {
    const { t, ana, base, seq, s } = await room();
    const op = opId();
    const first = await t.call('POST', `${base}/answers`, { key: ana.token, op, body: { slide: 4, text: 'a grandparent' } });
    expect(first.status).toBe(201);
    const before = seq();
    const reused = await t.call('POST', `${base}/answers`, { key: ana.token, op, body: { slide: 4, text: 'a coach' } });
    expect(reused.status).toBe(422);
    expect(reused.json.error.code).toBe('idempotency_key_reused');
    expect(reused.json.error.message).toMatch(/different request/);
    expect(reused.json.error.message).not.toContain(first.json.answerId);
    expect(seq()).toBe(before);
    const texts = [...t.registry.get(s.code)!.runtime.state.answers.values()].map((a) => a.text);
    expect(texts).toEqual(['a grandparent']);
  });

  it('another route, or another path parameter on the same route', async () => {
    const { t, s, ana, base, seq } = await room();
    const op = opId();
    const card = await t.call('POST', `${base}/cards`, { key: ana.token, op: opId(), body: { slide: 11, text: 'We listen' } });
    const answer = await t.call('POST', `${base}/answers`, { key: ana.token, op: opId(), body: { slide: 4, text: 'a neighbour' } });
    expect((await t.call('PUT', `${base}/cards/${card.json.cardIds[0]}/visibility`, { key: s.leadKey, op, body: { hidden: true } })).status).toBe(200);
    const before = seq();
    const otherRoute = await t.call('PUT', `${base}/answers/${answer.json.answerId}/visibility`, { key: s.leadKey, op, body: { hidden: true } });
    expect([otherRoute.status, otherRoute.json.error?.code]).toEqual([422, 'idempotency_key_reused']);
    const other = await t.call('POST', `${base}/cards`, { key: (await t.joinAs(s.code, 'Ben')).token, op: opId(), body: { slide: 11, text: 'We ask' } });
    const beforeOther = seq();
    const otherCard = await t.call('PUT', `${base}/cards/${other.json.cardIds[0]}/visibility`, { key: s.leadKey, op, body: { hidden: true } });
    expect([otherCard.status, otherCard.json.error?.code]).toEqual([422, 'idempotency_key_reused']);
    expect(seq()).toBe(beforeOther);
    expect(before).toBeLessThan(beforeOther);
    expect(t.registry.get(s.code)!.runtime.state.cards.get(other.json.cardIds[0])!.hidden).toBe(false);
  });

  it('on routes whose key check is shared by a whole resource (the gallery, the slides): each route is its own request', async () => {
    const { t, s, base, seq } = await room();
    await t.showSlide(s.code, s.leadKey, 23);
    const op = opId();
    const reveal = await t.call('PUT', `${base}/gallery/reveal`, { key: s.leadKey, op, body: { revealed: false } });
    expect(reveal.status, JSON.stringify(reveal.json)).toBe(200);
    const before = seq();
    const cut = await t.call('PUT', `${base}/gallery/cut`, { key: s.leadKey, op, body: { wall: 'agreements', cardIds: [] } });
    expect([cut.status, cut.json.error?.code]).toEqual([422, 'idempotency_key_reused']);
    const slideOp = opId();
    expect((await t.call('PUT', `${base}/presentation/slide`, { key: s.leadKey, op: slideOp, body: { slide: 24 } })).status).toBe(200);
    const banner = await t.call('PUT', `${base}/presentation/banner`, { key: s.leadKey, op: slideOp, body: { visible: false } });
    expect([banner.status, banner.json.error?.code]).toEqual([422, 'idempotency_key_reused']);
    // The other facilitator's key is another caller: the same key is a new request for them.
    expect((await t.call('PUT', `${base}/presentation/banner`, { key: s.supportKey, op: slideOp, body: { visible: false } })).status).toBe(200);
    expect(seq()).toBe(before + 2);
    // Two routes with no body and no parameters differ by their route alone.
    const bare = opId();
    expect((await t.call('POST', `${base}/agreement/assemble`, { key: s.leadKey, op: bare })).status).toBe(200);
    const regroup = await t.call('POST', `${base}/lineup/regroup`, { key: s.leadKey, op: bare });
    expect([regroup.status, regroup.json.error?.code]).toEqual([422, 'idempotency_key_reused']);
  });

  it('the same request with its fields in another order is a retry: the first answer, applied once', async () => {
    const { t, ana, base, seq } = await room();
    const op = opId();
    const first = await t.call('POST', `${base}/answers`, { key: ana.token, op, raw: '{"slide":4,"text":"a bus driver"}' });
    const before = seq();
    const again = await t.call('POST', `${base}/answers`, { key: ana.token, op, raw: '{ "text": "a bus driver", "slide": 4 }' });
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(seq()).toBe(before);
  });
});

describe('joining: a key reused by another device never returns that person’s token', () => {
  it('two different joins with the same key → the second is refused (422); nobody else is added', async () => {
    const { t, s, base } = await room();
    const op = `join-${opId()}`;
    const first = await t.call('POST', `${base}/participants`, { op, body: { name: 'Dana', group: 'parent' } });
    expect(first.status).toBe(201);
    const people = t.registry.get(s.code)!.runtime.state.participants.size;
    const second = await t.call('POST', `${base}/participants`, { op, body: { name: 'Eve', group: 'teacher' } });
    expect(second.status).toBe(422);
    expect(second.json.error.code).toBe('idempotency_key_reused');
    expect(JSON.stringify(second.json)).not.toContain(first.json.token);
    expect(t.registry.get(s.code)!.runtime.state.participants.size).toBe(people);
    // Another name alone, or another group alone, is another join too.
    expect((await t.call('POST', `${base}/participants`, { op, body: { name: 'Dana', group: 'teacher' } })).status).toBe(422);
    expect((await t.call('POST', `${base}/participants`, { op, body: { group: 'parent' } })).status).toBe(422);
  });

  it('the same join retried (its answer was lost) → the same person and token, added once', async () => {
    const { t, s, base } = await room();
    const op = `join-${opId()}`;
    const first = await t.call('POST', `${base}/participants`, { op, body: { name: 'Dana', group: 'parent' } });
    const people = t.registry.get(s.code)!.runtime.state.participants.size;
    const again = await t.call('POST', `${base}/participants`, { op, body: { name: 'Dana', group: 'parent' } });
    expect(again.status).toBe(201);
    // The same person and token; the first view that comes with a join is the session as it is now, which may have moved on.
    expect({ participantId: again.json.participantId, token: again.json.token }).toEqual({ participantId: first.json.participantId, token: first.json.token });
    expect(again.json.view.parts.me.name).toBe('Dana');
    expect(t.registry.get(s.code)!.runtime.state.participants.size).toBe(people);
  });
});

describe('stored answers across a restart, in the SQLite file', () => {
  it('a retry after a restart still gets its first answer; another request with that key is still refused', async () => {
    const { t, s, ana, base, seq } = await room();
    const op = opId();
    const first = await t.call('POST', `${base}/answers`, { key: ana.token, op, body: { slide: 4, text: 'an aunt' } });
    const before = seq();
    const again = t.restart();
    apps.push(again);
    const retry = await again.call('POST', `${base}/answers`, { key: ana.token, op, body: { slide: 4, text: 'an aunt' } });
    expect([retry.status, retry.json]).toEqual([201, first.json]);
    expect((await again.call('POST', `${base}/answers`, { key: ana.token, op, body: { slide: 4, text: 'an uncle' } })).status).toBe(422);
    expect(again.registry.get(s.code)!.runtime.state.seq).toBe(before);
  });

  it('an answer stored before digests were kept (bare JSON) still answers its retry', async () => {
    const { t, ana, base, s } = await room();
    const op = opId();
    const first = await t.call('POST', `${base}/answers`, { key: ana.token, op, body: { slide: 4, text: 'a cousin' } });
    const seq = t.registry.get(s.code)!.runtime.state.seq;
    t.close();
    const stored = rewriteAnswer(t.dataDir, `${ana.participantId}:${op}`, (answer) => answer.replace(/^@[A-Za-z0-9_-]{22}/, ''));
    expect(stored).toMatch(/^@[A-Za-z0-9_-]{22}\{/);
    const again = testApp({ dataDir: t.dataDir });
    apps.push(again);
    const retry = await again.call('POST', `${base}/answers`, { key: ana.token, op, body: { slide: 4, text: 'a cousin' } });
    expect([retry.status, retry.json]).toEqual([201, first.json]);
    expect(again.registry.get(s.code)!.runtime.state.seq).toBe(seq);
  });

  for (const [what, damage] of [
    ['its JSON cut short', (answer: string) => answer.slice(0, -3)],
    ['a byte of its JSON changed', (answer: string) => answer.replace('"answerId"', '"answerId\u0001:')],
    ['its digest damaged', (answer: string) => `@${answer.slice(5)}`],
    ['a bare answer (from before digests) cut short', (answer: string) => answer.slice(23, -2)],
  ] as const) {
    it(`a stored answer with ${what} → its retry is refused with 409 idempotency_answer_lost, nothing applied twice`, async () => {
      const { t, ana, base, s } = await room();
      const op = opId();
      expect((await t.call('POST', `${base}/answers`, { key: ana.token, op, body: { slide: 4, text: 'a godmother' } })).status).toBe(201);
      const seq = t.registry.get(s.code)!.runtime.state.seq;
      t.close();
      rewriteAnswer(t.dataDir, `${ana.participantId}:${op}`, damage);
      const again = testApp({ dataDir: t.dataDir });
      apps.push(again);
      for (let i = 0; i < 2; i++) {
        const retry = await again.call('POST', `${base}/answers`, { key: ana.token, op, body: { slide: 4, text: 'a godmother' } });
        expect(retry.status).toBe(409);
        expect(retry.json.error.code).toBe('idempotency_answer_lost');
        expect(retry.json.error.message).toMatch(/applied before/);
      }
      const live = again.registry.get(s.code)!.runtime.state;
      expect(live.seq).toBe(seq);
      expect([...live.answers.values()].filter((a) => a.text === 'a godmother')).toHaveLength(1);
      // Everything else carries on.
      expect((await again.call('POST', `${base}/answers`, { key: ana.token, body: { slide: 4, text: 'a neighbour' } })).status).toBe(201);
    });
  }
});
