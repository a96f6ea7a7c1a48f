import { afterEach, describe, expect, it } from 'vitest';
import { opId, testApp } from '../../tests/unit/test-app.js';

type TestApp = ReturnType<typeof testApp>;
let t: TestApp;
afterEach(() => t?.close());

async function roomOnSlide(slide: number) {
  t = testApp();
  const session = await t.startSession();
  const ana = await t.joinAs(session.code, 'Ana', 'parent');
  const ben = await t.joinAs(session.code, 'Ben', 'teacher');
  if (slide !== 1) expect((await t.showSlide(session.code, session.leadKey, slide)).status).toBe(200);
  return { ...session, ana, ben };
}

describe('sessions and joining', () => {
  it('answers /healthz and starts a session with a 6-character code without look-alike characters', async () => {
    t = testApp();
    expect((await t.call('GET', '/healthz')).status).toBe(200);
    const { code, leadKey, supportKey } = await t.startSession();
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    expect(leadKey).not.toBe(supportKey);
    const info = await t.call('GET', `/api/sessions/${code.toLowerCase()}`);
    expect(info.json).toMatchObject({ code, schoolName: 'Lincoln Elementary', joinUrl: `http://partnerdeck.test/join/${code}` });
    const qr = await t.call('GET', `/api/sessions/${code}/qr.svg`);
    expect(qr.headers.get('content-type')).toBe('image/svg+xml');
    expect(String(qr.json)).toContain('<svg');
  });

  it('lets a participant join with no name, and a retried join is the same person', async () => {
    t = testApp();
    const { code } = await t.startSession();
    const op = opId();
    const first = await t.call('POST', `/api/sessions/${code}/participants`, { body: { group: 'student' }, op });
    const retry = await t.call('POST', `/api/sessions/${code}/participants`, { body: { group: 'student' }, op });
    expect(first.status).toBe(201);
    expect(retry.json.participantId).toBe(first.json.participantId);
    expect(retry.json.token).toBe(first.json.token);
    expect(t.registry.get(code)!.runtime.state.participants.size).toBe(1);
  });

  it('gives the deck with notes to facilitators only', async () => {
    const room = await roomOnSlide(1);
    const deck = await t.call('GET', `/api/sessions/${room.code}/deck`, { key: room.supportKey });
    expect(deck.json.slides).toHaveLength(28);
    expect((await t.call('GET', `/api/sessions/${room.code}/deck`, { key: room.ana.token })).status).toBe(403);
  });
});

describe('cards on the walls', () => {
  it('takes a group agreement card on slide 11 and keeps its markup as plain text', async () => {
    const room = await roomOnSlide(11);
    const text = '<img src=x onerror=alert(1)>';
    const res = await t.call('POST', `/api/sessions/${room.code}/cards`, { key: room.ana.token, body: { slide: 11, text } });
    expect(res.status).toBe(201);
    const card = t.registry.get(room.code)!.runtime.state.cards.get(res.json.cardIds[0])!;
    expect(card).toMatchObject({ wall: 'agreements', text, authorId: room.ana.participantId });
  });

  it('makes a two-sided card on slide 12: the definition on one wall, the example on the other', async () => {
    const room = await roomOnSlide(12);
    const res = await t.call('POST', `/api/sessions/${room.code}/cards`, { key: room.ana.token, body: { slide: 12, front: 'Working together', back: 'Calling home' } });
    expect(res.status).toBe(201);
    const cards = [...t.registry.get(room.code)!.runtime.state.cards.values()];
    expect(cards.map((c) => [c.wall, c.text])).toEqual([
      ['definitions', 'Working together'],
      ['examples', 'Calling home'],
    ]);
    expect(cards[0].pairId).toBe(cards[1].pairId);
    expect((await t.call('POST', `/api/sessions/${room.code}/cards`, { key: room.ben.token, body: { slide: 12, text: 'one side' } })).status).toBe(400);
  });

  it('lets the author edit and withdraw while the activity is open, and nobody else', async () => {
    const room = await roomOnSlide(11);
    const { json } = await t.call('POST', `/api/sessions/${room.code}/cards`, { key: room.ana.token, body: { slide: 11, text: 'Be on time' } });
    const id = json.cardIds[0];
    expect((await t.call('PATCH', `/api/sessions/${room.code}/cards/${id}`, { key: room.ben.token, body: { text: 'mine now' } })).status).toBe(404);
    expect((await t.call('PATCH', `/api/sessions/${room.code}/cards/${id}`, { key: room.ana.token, body: { text: 'Start and end on time' } })).status).toBe(200);
    const card = t.registry.get(room.code)!.runtime.state.cards.get(id)!;
    expect(card.revisions.map((r) => r.text)).toEqual(['Be on time', 'Start and end on time']);
    expect((await t.call('POST', `/api/sessions/${room.code}/cards`, { key: room.ana.token, body: { slide: 11, text: 'second' } })).status).toBe(409);
    expect((await t.call('DELETE', `/api/sessions/${room.code}/cards/${id}`, { key: room.ben.token })).status).toBe(404);
    expect((await t.call('DELETE', `/api/sessions/${room.code}/cards/${id}`, { key: room.ana.token })).status).toBe(200);
    expect(card.withdrawn).toBe(true);
  });

  it('lets the support facilitator hide a card and show it again, and no participant', async () => {
    const room = await roomOnSlide(11);
    const { json } = await t.call('POST', `/api/sessions/${room.code}/cards`, { key: room.ana.token, body: { slide: 11, text: 'Be kind' } });
    const id = json.cardIds[0];
    expect((await t.call('PUT', `/api/sessions/${room.code}/cards/${id}/visibility`, { key: room.ben.token, body: { hidden: true } })).status).toBe(403);
    expect((await t.call('PUT', `/api/sessions/${room.code}/cards/${id}/visibility`, { key: room.supportKey, body: { hidden: true } })).status).toBe(200);
    expect(t.registry.get(room.code)!.runtime.state.cards.get(id)!.hidden).toBe(true);
    expect((await t.call('PUT', `/api/sessions/${room.code}/cards/${id}/visibility`, { key: room.supportKey, body: { hidden: false } })).status).toBe(200);
    expect(t.registry.get(room.code)!.runtime.state.cards.get(id)!.hidden).toBe(false);
  });

  it('applies a retried card once', async () => {
    const room = await roomOnSlide(11);
    const op = opId();
    const first = await t.call('POST', `/api/sessions/${room.code}/cards`, { key: room.ana.token, body: { slide: 11, text: 'Once' }, op });
    const again = await t.call('POST', `/api/sessions/${room.code}/cards`, { key: room.ana.token, body: { slide: 11, text: 'Once' }, op });
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(t.registry.get(room.code)!.runtime.state.cards.size).toBe(1);
  });

  it('keeps every session, participant and card across a restart', async () => {
    const room = await roomOnSlide(11);
    await t.call('POST', `/api/sessions/${room.code}/cards`, { key: room.ana.token, body: { slide: 11, text: 'Survives' } });
    const before = t.registry.get(room.code)!.runtime.state;
    t = t.restart();
    const after = t.registry.get(room.code)!.runtime.state;
    expect(after.seq).toBe(before.seq);
    expect(after.slide).toBe(11);
    expect([...after.participants.keys()]).toEqual([...before.participants.keys()]);
    expect([...after.cards.values()].map((c) => c.text)).toEqual(['Survives']);
    // The participant's token still works after the restart.
    expect((await t.call('PATCH', `/api/sessions/${room.code}/cards/${[...after.cards.keys()][0]}`, { key: room.ana.token, body: { text: 'Still mine' } })).status).toBe(200);
  });
});

describe('answers for the word cloud', () => {
  it('takes short answers on slide 4 and lets the author remove one', async () => {
    const room = await roomOnSlide(4);
    const a = await t.call('POST', `/api/sessions/${room.code}/answers`, { key: room.ana.token, body: { slide: 4, text: 'The bus driver' } });
    expect(a.status).toBe(201);
    expect((await t.call('POST', `/api/sessions/${room.code}/answers`, { key: room.ana.token, body: { slide: 4, text: 'x'.repeat(61) } })).json.error.code).toBe('text_too_long');
    expect((await t.call('DELETE', `/api/sessions/${room.code}/answers/${a.json.answerId}`, { key: room.ana.token })).status).toBe(200);
  });
});

describe('slide control', () => {
  it('lets only the holder move the slides, and the lead hand control over and take it back', async () => {
    const room = await roomOnSlide(1);
    const move = (key: string, slide: number) => t.call('PUT', `/api/sessions/${room.code}/presentation/slide`, { key, body: { slide } });
    expect((await move(room.supportKey, 2)).status).toBe(403);
    expect((await move(room.ana.token, 2)).status).toBe(403);
    expect((await t.call('PUT', `/api/sessions/${room.code}/presentation/control`, { key: room.leadKey, body: { holder: 'support' } })).status).toBe(200);
    expect((await move(room.leadKey, 2)).status).toBe(403);
    expect((await move(room.supportKey, 2)).status).toBe(200);
    expect((await t.call('PUT', `/api/sessions/${room.code}/presentation/control`, { key: room.leadKey, body: { holder: 'lead' } })).status).toBe(200);
    expect((await move(room.leadKey, 3)).status).toBe(200);
    expect(t.registry.get(room.code)!.runtime.state.slide).toBe(3);
  });
});

describe('bad input gets a clear JSON answer and changes nothing', () => {
  const refused = async (res: Promise<{ status: number; json: any }>, status: number, code?: RegExp) => {
    const { status: got, json } = await res;
    expect(got).toBe(status);
    expect(typeof json.error.message).toBe('string');
    expect(json.error.message.length).toBeGreaterThan(5);
    expect(JSON.stringify(json)).not.toMatch(/at .*\.ts:\d+/);
    if (code) expect(json.error.code).toMatch(code);
  };

  it('400: malformed JSON, wrong types, missing and extra fields, missing operation id', async () => {
    const room = await roomOnSlide(11);
    const cards = `/api/sessions/${room.code}/cards`;
    const seqBefore = t.registry.get(room.code)!.runtime.state.seq;
    await refused(t.call('POST', cards, { key: room.ana.token, raw: '{"slide": 11, "text": ' }), 400, /malformed/);
    await refused(t.call('POST', cards, { key: room.ana.token, body: { slide: '11', text: 'x' } }), 400, /invalid/);
    await refused(t.call('POST', cards, { key: room.ana.token, body: { slide: 11 } }), 400, /invalid/);
    await refused(t.call('POST', cards, { key: room.ana.token, body: { slide: 11, text: 'x', admin: true } }), 400, /invalid/);
    await refused(t.call('POST', cards, { key: room.ana.token, body: { slide: 11, text: '   ' } }), 400, /text_empty/);
    await refused(t.call('POST', cards, { key: room.ana.token, body: { slide: 11, text: 'y'.repeat(501) } }), 400, /text_too_long/);
    await refused(t.call('POST', cards, { key: room.ana.token, body: { slide: 4, text: 'wrong slide' } }), 400, /wrong_activity/);
    await refused(t.call('POST', cards, { key: room.ana.token, body: { slide: 11, text: 'no id' }, op: false }), 400, /missing_op_id/);
    await refused(t.call('POST', `/api/sessions/${room.code}/participants`, { body: { group: 'alien' } }), 400, /unknown_group/);
    await refused(t.call('POST', `/api/sessions/${room.code}/participants`, { body: { group: 'Not An Id!' } }), 400, /invalid/);
    expect(t.registry.get(room.code)!.runtime.state.seq).toBe(seqBefore);
  });

  it('401 and 403: missing, forged and wrong-role keys', async () => {
    const room = await roomOnSlide(11);
    const cards = `/api/sessions/${room.code}/cards`;
    await refused(t.call('POST', cards, { body: { slide: 11, text: 'x' } }), 401, /missing_key/);
    await refused(t.call('POST', cards, { key: `${room.ana.participantId}.forgedforgedforgedforgedforged12`, body: { slide: 11, text: 'x' } }), 401, /bad_key/);
    await refused(t.call('POST', cards, { key: room.leadKey.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), body: { slide: 11, text: 'x' } }), 401, /bad_key/);
    const other = await t.startSession('Other School');
    await refused(t.call('POST', `/api/sessions/${other.code}/cards`, { key: room.ana.token, body: { slide: 11, text: 'x' } }), 401, /bad_key/);
    await refused(t.call('POST', cards, { key: room.leadKey, body: { slide: 11, text: 'x' } }), 403, /forbidden/);
    await refused(t.call('PUT', `/api/sessions/${room.code}/presentation/slide`, { key: room.ana.token, body: { slide: 2 } }), 403, /forbidden/);
    await refused(t.call('GET', `/api/sessions/${room.code}/stream`), 401, /missing_key/);
    expect(t.registry.get(room.code)!.runtime.state.cards.size).toBe(0);
  });

  it('404: unknown session or card; 409: closed activity', async () => {
    const room = await roomOnSlide(11);
    await refused(t.call('GET', '/api/sessions/ZZZZZZ'), 404, /unknown_session/);
    await refused(t.call('GET', '/api/sessions/../../etc'), 404);
    await refused(t.call('PATCH', `/api/sessions/${room.code}/cards/nope`, { key: room.ana.token, body: { text: 'x' } }), 404, /unknown_card/);
    await refused(t.call('POST', `/api/sessions/${room.code}/cards`, { key: room.ana.token, body: { slide: 12, front: 'not yet', back: 'open' } }), 409, /activity_closed/);
    expect((await t.call('PUT', `/api/sessions/${room.code}/activities/11`, { key: room.leadKey, body: { open: false } })).status).toBe(200);
    await refused(t.call('POST', `/api/sessions/${room.code}/cards`, { key: room.ana.token, body: { slide: 11, text: 'too late' } }), 409, /activity_closed/);
  });

  it('413: a body over the limit is refused before it is read', async () => {
    const room = await roomOnSlide(11);
    await refused(t.call('POST', `/api/sessions/${room.code}/cards`, { key: room.ana.token, raw: JSON.stringify({ slide: 11, text: 'z'.repeat(40_000) }) }), 413, /too_large/);
  });

  it('429: a participant going too fast is told when to retry, and others are still served', async () => {
    t = testApp({ limits: { participantPerSecond: 1, participantBurst: 3 } });
    const { code, leadKey } = await t.startSession();
    const ana = await t.joinAs(code, 'Ana');
    const ben = await t.joinAs(code, 'Ben');
    await t.showSlide(code, leadKey, 4);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await t.call('POST', `/api/sessions/${code}/answers`, { key: ana.token, body: { slide: 4, text: `answer ${i}` } }));
    const tooFast = answers.find((a) => a.status === 429)!;
    expect(tooFast.json.error.code).toBe('too_fast');
    expect(Number(tooFast.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await t.call('POST', `/api/sessions/${code}/answers`, { key: ben.token, body: { slide: 4, text: 'me too' } })).status).toBe(201);
  });
});
