import { afterEach, describe, expect, it } from 'vitest';
import { CARD_MAX_REVISIONS } from '../../server/features/cards/card-commands.js';
import { birthdayBox } from '../../server/features/lineup/birthday-box.js';
import { SESSION_LIMITS } from '../../server/runtime/session-runtime.js';
import { opId, testApp } from './test-app.js';

/**
 * What every request is held to, through the real app: only JSON is read as JSON (415),
 * every text and number passes the same checks (fields.ts), prototype keys are refused,
 * cards and sessions have caps, a retried line-up keeps its birthdays, and CSV cells
 * cannot start a formula.
 */
type App = ReturnType<typeof testApp>;
let apps: App[] = [];
afterEach(() => {
  for (const a of apps) a.close();
  apps = [];
});

async function room(people = 1) {
  const t = testApp({ limits: { participantPerSecond: 1e6, participantBurst: 1e6 } });
  apps.push(t);
  const s = await t.startSession();
  const tokens: { participantId: string; token: string }[] = [];
  for (let i = 0; i < people; i++) tokens.push(await t.joinAs(s.code, `P${i}`));
  return { t, s, tokens, base: `/api/sessions/${s.code}`, state: () => t.registry.get(s.code)!.runtime.state };
}

/** A raw request: body as given, with the content type given (or none). */
function send(t: App, method: string, path: string, init: { key?: string; type?: string; body?: string; op?: string }) {
  const headers: Record<string, string> = { 'idempotency-key': init.op ?? opId() };
  if (init.type !== undefined) headers['content-type'] = init.type;
  if (init.key) headers.authorization = `Bearer ${init.key}`;
  return t.app.request(path, { method, headers, body: init.body });
}

describe('only JSON is read as JSON: any other content type → 415, nothing applied', () => {
  it('{"round":1} sent as text/plain starts no round; sent as JSON it starts round 1', async () => {
    const { t, s, base, state } = await room();
    await t.showSlide(s.code, s.leadKey, 13);
    const before = state().seq;
    for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', 'application/vnd.api+json', 'application/json; charset=iso-8859-1', undefined]) {
      const res = await send(t, 'POST', `${base}/block-party/13/rounds`, { key: s.leadKey, type, body: '{"round":1}' });
      expect(res.status, String(type)).toBe(415);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('unsupported_media_type');
      expect(body.error.message).toMatch(/application\/json/);
    }
    expect(state().seq).toBe(before);
    expect(state().blockPartyRounds.get(13)).toBeUndefined();
    const started = await send(t, 'POST', `${base}/block-party/13/rounds`, { key: s.leadKey, type: 'application/json; charset=utf-8', body: '{"round":1}' });
    expect(started.status).toBe(201);
    expect(state().blockPartyRounds.get(13)).toBe(1);
  });

  it('a session is not started by a body of another type, nor by one with no type', async () => {
    const t = testApp();
    apps.push(t);
    const before = t.registry.all().length;
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
      const res = await send(t, 'POST', '/api/sessions', { key: t.operatorKey, type, body: '{"schoolName":"Sneaky"}' });
      expect(res.status, String(type)).toBe(415);
    }
    expect((await send(t, 'POST', '/api/sessions', { key: t.operatorKey, type: 'text/plain', body: '' })).status).toBe(415);
    expect(t.registry.all().length).toBe(before);
    expect((await send(t, 'POST', '/api/sessions', { key: t.operatorKey, type: 'Application/JSON;Charset="UTF-8"', body: '{"schoolName":"Fine"}' })).status).toBe(201);
  });
});

describe('texts: NUL, control characters and broken characters → 400 text_broken; one-line texts are trimmed', () => {
  const broken: [string, string][] = [
    ['NUL', '"Lincoln\\u0000 Elementary"'],
    ['an escape character', '"Lincoln\\u001b[31m"'],
    ['a C1 control character', '"Lincoln\\u0085"'],
    ['a lone high surrogate', '"Lincoln \\ud800"'],
    ['a lone low surrogate', '"\\udc00 Lincoln"'],
    ['a line break in a one-line text', '"Lincoln\\nElementary"'],
  ];
  for (const [what, json] of broken) {
    it(`the school name with ${what}`, async () => {
      const t = testApp();
      apps.push(t);
      const res = await t.call('POST', '/api/sessions', { key: t.operatorKey, raw: `{"schoolName":${json}}` });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('text_broken');
      expect(res.json.error.message).toMatch(/schoolName: contains a (control|broken) character/);
      expect(t.registry.all()).toHaveLength(0);
    });
    it(`the timer label with ${what}`, async () => {
      const { t, s, base, state } = await room();
      await t.showSlide(s.code, s.leadKey, 22);
      const before = state().seq;
      const res = await t.call('POST', `${base}/timers/22`, { key: s.leadKey, raw: `{"action":"start","minutes":3,"label":${json}}` });
      expect([res.status, res.json.error.code]).toEqual([400, 'text_broken']);
      expect(state().seq).toBe(before);
    });
  }

  it('card text with NUL or a lone surrogate → 400; with line breaks and a tab it is kept', async () => {
    const { t, s, tokens, base, state } = await room();
    await t.showSlide(s.code, s.leadKey, 11);
    for (const raw of ['{"slide":11,"text":"We\\u0000 listen"}', '{"slide":11,"text":"We \\ud83d listen"}']) {
      expect((await t.call('POST', `${base}/cards`, { key: tokens[0].token, raw })).json.error.code).toBe('text_broken');
    }
    const ok = await t.call('POST', `${base}/cards`, { key: tokens[0].token, raw: '{"slide":11,"text":"We listen\\n\\tto every voice"}' });
    expect(ok.status).toBe(201);
    expect(state().cards.get(ok.json.cardIds[0])!.text).toMatch(/^We listen\n/);
  });

  it('the school name and the timer label are stored trimmed; a too-long one is refused', async () => {
    const t = testApp();
    apps.push(t);
    const created = await t.call('POST', '/api/sessions', { key: t.operatorKey, body: { schoolName: '   Lincoln Elementary  ' } });
    expect(t.registry.get(created.json.code)!.runtime.state.schoolName).toBe('Lincoln Elementary');
    const long = await t.call('POST', '/api/sessions', { key: t.operatorKey, body: { schoolName: 'é'.repeat(121) } });
    expect([long.status, long.json.error.message]).toEqual([400, expect.stringMatching(/too long: at most 120 characters/)]);
    await t.showSlide(created.json.code, created.json.leadKey, 22);
    const timer = await t.call('POST', `/api/sessions/${created.json.code}/timers/22`, { key: created.json.leadKey, body: { action: 'start', minutes: 2, label: '  Pair share ' } });
    expect(timer.json.timer.label).toBe('Pair share');
  });
});

describe('ids and numbers', () => {
  it('deckId "" (or any id that is not a deck id) → 400; an unknown deck → 404', async () => {
    const t = testApp();
    apps.push(t);
    for (const deckId of ['', ' module-1', 'Module-1', '../module-1', 'module-1\u0000']) {
      const res = await t.call('POST', '/api/sessions', { key: t.operatorKey, body: { deckId } });
      expect([res.status, res.json.error.code], JSON.stringify(deckId)).toEqual([400, 'invalid']);
    }
    expect((await t.call('POST', '/api/sessions', { key: t.operatorKey, body: { deckId: 'no-such-deck' } })).status).toBe(404);
    expect(t.registry.all()).toHaveLength(0);
    expect((await t.call('POST', '/api/sessions', { key: t.operatorKey, body: { deckId: 'module-1' } })).status).toBe(201);
  });

  it('a slide in a path is written in plain digits only: 0xb, 1e1, " 11", 011, +11, 11.0, -1 → 400', async () => {
    const { t, s, base, state } = await room();
    await t.showSlide(s.code, s.leadKey, 11);
    const before = state().seq;
    for (const slide of ['0xb', '1e1', '%2011', '11%20', '011', '+11', '11.0', '-1', '0', '1000', '%EF%BC%91%EF%BC%91', '11abc']) {
      const res = await t.call('PUT', `${base}/activities/${slide}`, { key: s.leadKey, body: { open: false } });
      expect([res.status, res.json.error?.code], slide).toEqual([400, 'invalid']);
      expect(res.json.error.message).toMatch(/slide/);
    }
    expect(state().seq).toBe(before);
    expect((await t.call('PUT', `${base}/activities/11`, { key: s.leadKey, body: { open: false } })).status).toBe(200);
    expect(state().closedSlides.has(11)).toBe(true);
  });
});

describe('prototype keys: refused, and nothing stored is lost', () => {
  it('feedback with a __proto__ rating → 400, and the person’s earlier rating is kept', async () => {
    const { t, s, tokens, base, state } = await room();
    await t.showSlide(s.code, s.leadKey, 28);
    expect((await t.call('PUT', `${base}/feedback/28/mine`, { key: tokens[0].token, body: { ratings: { voice: 4 }, comments: {} } })).status).toBe(200);
    for (const raw of [
      '{"ratings":{"__proto__":5},"comments":{}}',
      '{"ratings":{"voice":2},"comments":{"__proto__":"x"}}',
      '{"ratings":{"constructor":5},"comments":{}}',
      '{"ratings":{"\\u005f_proto__":5},"comments":{}}',
      '{"__proto__":{"ratings":{}},"ratings":{},"comments":{}}',
    ]) {
      const res = await t.call('PUT', `${base}/feedback/28/mine`, { key: tokens[0].token, raw });
      expect([res.status, res.json.error.code], raw).toEqual([400, 'invalid']);
      expect(res.json.error.message).toMatch(/"(__proto__|constructor)" is not allowed/);
    }
    expect(state().feedback.get(28)!.get(tokens[0].participantId)!.ratings).toEqual({ voice: 4 });
    // The word in a text is only a word.
    expect((await t.call('PUT', `${base}/feedback/28/mine`, { key: tokens[0].token, body: { ratings: { voice: 5 }, comments: { improve: 'the constructor of __proto__' } } })).status).toBe(200);
  });
});

describe('caps', () => {
  it(`a card keeps at most ${CARD_MAX_REVISIONS} wordings; one edit more → 409 revision_limit, the wording kept`, async () => {
    const { t, s, tokens, base, state } = await room();
    await t.showSlide(s.code, s.leadKey, 11);
    const card = await t.call('POST', `${base}/cards`, { key: tokens[0].token, body: { slide: 11, text: 'Version 1' } });
    const id = card.json.cardIds[0];
    for (let v = 2; v <= CARD_MAX_REVISIONS; v++) {
      expect((await t.call('PATCH', `${base}/cards/${id}`, { key: tokens[0].token, body: { text: `Version ${v}` } })).status).toBe(200);
    }
    const before = state().seq;
    const refused = await t.call('PATCH', `${base}/cards/${id}`, { key: tokens[0].token, body: { text: 'One too many' } });
    expect([refused.status, refused.json.error.code]).toEqual([409, 'revision_limit']);
    expect(refused.json.error.message).toMatch(new RegExp(`${CARD_MAX_REVISIONS} times`));
    expect(state().seq).toBe(before);
    expect(state().cards.get(id)!.text).toBe(`Version ${CARD_MAX_REVISIONS}`);
    expect(state().cards.get(id)!.revisions).toHaveLength(CARD_MAX_REVISIONS);
    // Sending the wording it already has is no change, so no refusal.
    expect((await t.call('PATCH', `${base}/cards/${id}`, { key: tokens[0].token, body: { text: `Version ${CARD_MAX_REVISIONS}` } })).status).toBe(200);
  });

  it('Activity 4 revisions count against the same cap', async () => {
    const { t, s, tokens, base } = await room();
    await t.showSlide(s.code, s.leadKey, 22);
    for (let v = 1; v <= CARD_MAX_REVISIONS; v++) {
      expect((await t.call('PUT', `${base}/revise/22/example`, { key: tokens[0].token, body: { text: `Example ${v}` } })).status).toBe(200);
    }
    const refused = await t.call('PUT', `${base}/revise/22/example`, { key: tokens[0].token, body: { text: 'Example 51' } });
    expect([refused.status, refused.json.error.code]).toEqual([409, 'revision_limit']);
  });

  it('a full session refuses participants’ writes and joins with 409 session_full; its facilitators carry on', async () => {
    const { t, s, tokens, base, state } = await room(2);
    await t.showSlide(s.code, s.leadKey, 4);
    const saved = { ...SESSION_LIMITS };
    try {
      SESSION_LIMITS.events = state().seq + 2;
      expect((await t.call('POST', `${base}/answers`, { key: tokens[0].token, body: { slide: 4, text: 'a grandparent' } })).status).toBe(201);
      expect((await t.call('POST', `${base}/answers`, { key: tokens[1].token, body: { slide: 4, text: 'a coach' } })).status).toBe(201);
      const before = state().seq;
      for (const res of [
        await t.call('POST', `${base}/answers`, { key: tokens[0].token, body: { slide: 4, text: 'an aunt' } }),
        await t.call('POST', `${base}/participants`, { body: { name: 'Late', group: 'parent' } }),
      ]) {
        expect([res.status, res.json.error.code]).toEqual([409, 'session_full']);
        expect(res.json.error.message).toMatch(/stored all it may/);
      }
      expect(state().seq).toBe(before);
      expect((await t.showSlide(s.code, s.leadKey, 11)).status).toBe(200);
      SESSION_LIMITS.events = saved.events;
      SESSION_LIMITS.dataChars = 0;
      const big = await t.call('POST', `${base}/cards`, { key: tokens[0].token, body: { slide: 11, text: 'We listen' } });
      expect([big.status, big.json.error.code]).toEqual([409, 'session_full']);
    } finally {
      Object.assign(SESSION_LIMITS, saved);
    }
  });
});

describe('the birthday line-up', () => {
  it('a retried "open the line-up" (same Idempotency-Key) keeps the birthdays sent since; a new open clears them', async () => {
    const { t, s, tokens, base, state } = await room(3);
    await t.showSlide(s.code, s.leadKey, 13);
    const op = opId();
    const opened = await t.call('POST', `${base}/lineup/slides/13/open`, { key: s.leadKey, op });
    expect(opened.status).toBe(200);
    for (const [i, p] of tokens.entries()) await t.call('POST', `${base}/lineup/answers`, { key: p.token, body: { month: 12 - i, day: 1 } });
    const id = t.registry.get(s.code)!.runtime.id;
    expect(birthdayBox.size(id)).toBe(3);
    const seq = state().seq;
    const retried = await t.call('POST', `${base}/lineup/slides/13/open`, { key: s.leadKey, op });
    expect([retried.status, retried.json]).toEqual([200, opened.json]);
    expect(state().seq).toBe(seq);
    expect(birthdayBox.size(id)).toBe(3);
    // A refused open (another slide with no line-up) clears nothing either.
    expect((await t.call('POST', `${base}/lineup/slides/12/open`, { key: s.leadKey })).status).toBe(400);
    expect(birthdayBox.size(id)).toBe(3);
    // The groups follow the birthdays: December first is last in line.
    await t.call('POST', `${base}/lineup/slides/13/groups`, { key: s.leadKey });
    expect(state().lineup!.groups!.flat()).toEqual(tokens.map((p) => p.participantId).reverse());
    await t.call('POST', `${base}/lineup/slides/13/open`, { key: s.leadKey });
    await t.call('POST', `${base}/lineup/answers`, { key: tokens[0].token, body: { month: 1, day: 1 } });
    expect(birthdayBox.size(id)).toBe(1);
  });
});

describe('CSV exports: no cell starts a formula', () => {
  it('cells starting with = + - @, a tab, a carriage return or their fullwidth and small forms are escaped in every CSV', async () => {
    const { t, s, base } = await room();
    const starts = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠', '﹦', '﹢', '﹣', '﹫'];
    const texts = starts.map((c) => `${c}HYPERLINK("http://evil.example","x")`);
    for (const text of texts) {
      expect((await t.call('POST', `${base}/gallery/paper-cards`, { key: s.leadKey, body: { wall: 'agreements', text } })).status).toBe(201);
    }
    await t.showSlide(s.code, s.leadKey, 23);
    for (const file of ['cards.csv', 'tallies.csv']) {
      const csv = (await t.call('GET', `${base}/exports/${file}`, { key: s.leadKey })).json as string;
      const cells = csv.split(/,|\r\n/).map((cell) => cell.replace(/^"/, ''));
      for (const c of starts) {
        const starting = cells.filter((cell) => cell.startsWith(`${c}HYPERLINK`) || cell.startsWith(`'${c}HYPERLINK`));
        // The cleaned text keeps no leading tab or CR; every other form is there, escaped.
        if (c === '\t' || c === '\r') continue;
        expect(starting.length, `${file} ${c}`).toBeGreaterThan(0);
        expect(starting.every((cell) => cell.startsWith("'")), `${file} ${c}`).toBe(true);
      }
    }
    const { toCsv } = await import('../../server/exports/session-export.js');
    for (const c of starts) expect(toCsv(['h'], [[`${c}1+1`]]).split('\r\n')[1].replace(/^"/, '')).toMatch(/^'/);
  });
});
