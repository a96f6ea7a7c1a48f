import { beforeAll, describe, expect, it } from 'vitest';
import { ImageStore } from '../../server/features/preparation/image-store.js';
import { TINY_PNG } from '../../server/features/preparation/test-images.js';
import { opId, testApp } from './test-app.js';

/**
 * Hostile input against the real app (every route through app.request): malformed and
 * mistyped bodies, missing and extra fields, huge bodies and strings, unicode edge cases,
 * markup, other sessions' and other people's ids, forged and missing keys, a participant
 * on facilitator routes, replays, and stickers beyond the budget. Every refusal must be
 * the documented 4xx with a clear message, change nothing stored (the session's log stays
 * where it was), and leave the server answering everyone else.
 *
 * Each case is one test; its name starts with its number, so the count is in the names.
 */

type Who = 'none' | 'participant' | 'staff' | 'lead' | 'operator' | 'coach';
interface Ctx {
  code: string;
  otherCode: string;
  lead: string;
  support: string;
  /** Participant 1 of session A: owns `cardId`, `answerId`, `stickerId`. */
  p1: string;
  /** Participant 2 of session A. */
  p2: string;
  /** A participant of session B. */
  q: string;
  otherLead: string;
  /** The coach's key of session A. */
  coach: string;
  /** A program (a school's run of a series). */
  programId: string;
  cardId: string;
  otherCardId: string;
  answerId: string;
  stickerId: string;
  slides: Record<string, number>;
}
interface RouteCase {
  name: string;
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: (x: Ctx) => string;
  who: Who;
  /** A well-formed body (not necessarily one the domain accepts right now). */
  body?: (x: Ctx) => Record<string, unknown>;
  /** The same body with wrong types. */
  wrong?: Record<string, unknown>;
  /** Whether `{}` lacks a required field. */
  required?: boolean;
}

const T = testApp({ limits: { participantPerSecond: 1e6, participantBurst: 1e6, addressPerSecond: 1e6, addressBurst: 1e6 } });
let x: Ctx;

const ROUTES: RouteCase[] = [
  { name: 'POST /sessions', method: 'POST', path: () => '/api/sessions', who: 'operator', body: () => ({ schoolName: 'Lincoln' }), wrong: { schoolName: 42, deckId: ['x'] } },
  { name: 'POST /participants', method: 'POST', path: (c) => `/api/sessions/${c.code}/participants`, who: 'none', body: () => ({ name: 'Ana', group: 'parent' }), wrong: { name: 7, group: 'martian' }, required: true },
  { name: 'PUT /participants/me', method: 'PUT', path: (c) => `/api/sessions/${c.code}/participants/me`, who: 'participant', body: () => ({ name: 'Ana', group: 'teacher' }), wrong: { name: {}, group: 3 }, required: true },
  { name: 'PUT /presentation/slide', method: 'PUT', path: (c) => `/api/sessions/${c.code}/presentation/slide`, who: 'staff', body: () => ({ slide: 23 }), wrong: { slide: 'eleven' }, required: true },
  { name: 'PUT /presentation/control', method: 'PUT', path: (c) => `/api/sessions/${c.code}/presentation/control`, who: 'staff', body: () => ({ holder: 'lead' }), wrong: { holder: 'anyone' }, required: true },
  { name: 'PUT /presentation/banner', method: 'PUT', path: (c) => `/api/sessions/${c.code}/presentation/banner`, who: 'staff', body: () => ({ visible: true }), wrong: { visible: 'yes' }, required: true },
  { name: 'PUT /activities/:slide', method: 'PUT', path: (c) => `/api/sessions/${c.code}/activities/${c.slides.card}`, who: 'staff', body: () => ({ open: true }), wrong: { open: 1 }, required: true },
  { name: 'POST /answers', method: 'POST', path: (c) => `/api/sessions/${c.code}/answers`, who: 'participant', body: (c) => ({ slide: c.slides.answers, text: 'a bus driver' }), wrong: { slide: '4', text: 5 }, required: true },
  { name: 'PUT /answers/:id/visibility', method: 'PUT', path: (c) => `/api/sessions/${c.code}/answers/${c.answerId}/visibility`, who: 'staff', body: () => ({ hidden: false }), wrong: { hidden: 'no' }, required: true },
  { name: 'POST /cards', method: 'POST', path: (c) => `/api/sessions/${c.code}/cards`, who: 'participant', body: (c) => ({ slide: c.slides.card, text: 'We listen' }), wrong: { slide: null, text: ['a'] }, required: true },
  { name: 'PATCH /cards/:id', method: 'PATCH', path: (c) => `/api/sessions/${c.code}/cards/${c.cardId}`, who: 'participant', body: () => ({ text: 'We listen to every voice' }), wrong: { text: false }, required: true },
  { name: 'PUT /cards/:id/visibility', method: 'PUT', path: (c) => `/api/sessions/${c.code}/cards/${c.cardId}/visibility`, who: 'staff', body: () => ({ hidden: false }), wrong: { hidden: 0 }, required: true },
  { name: 'POST /stickers', method: 'POST', path: (c) => `/api/sessions/${c.code}/stickers`, who: 'participant', body: (c) => ({ cardId: c.cardId }), wrong: { cardId: 12345 }, required: true },
  { name: 'PUT /gallery/reveal', method: 'PUT', path: (c) => `/api/sessions/${c.code}/gallery/reveal`, who: 'staff', body: () => ({ revealed: false }), wrong: { revealed: 'true' }, required: true },
  { name: 'POST /gallery/merges', method: 'POST', path: (c) => `/api/sessions/${c.code}/gallery/merges`, who: 'staff', body: (c) => ({ cardId: c.cardId, intoId: c.cardId }), wrong: { cardId: 1, intoId: 2 }, required: true },
  { name: 'POST /gallery/paper-cards', method: 'POST', path: (c) => `/api/sessions/${c.code}/gallery/paper-cards`, who: 'staff', body: () => ({ wall: 'agreements', text: 'Paper card' }), wrong: { wall: 3, text: {} }, required: true },
  { name: 'POST /gallery/paper-stickers', method: 'POST', path: (c) => `/api/sessions/${c.code}/gallery/paper-stickers`, who: 'staff', body: (c) => ({ cardId: c.cardId }), wrong: { cardId: true }, required: true },
  { name: 'PUT /agreement', method: 'PUT', path: (c) => `/api/sessions/${c.code}/agreement`, who: 'staff', body: () => ({ schoolName: 'Lincoln' }), wrong: { schoolName: 1, agreements: 'one' } },
  { name: 'PUT /revise/:slide/example', method: 'PUT', path: (c) => `/api/sessions/${c.code}/revise/${c.slides.revise}/example`, who: 'participant', body: () => ({ text: 'We call home with good news' }), wrong: { text: 1 }, required: true },
  { name: 'POST /timers/:slide', method: 'POST', path: (c) => `/api/sessions/${c.code}/timers/${c.slides.revise}`, who: 'staff', body: () => ({ action: 'pause' }), wrong: { action: 7 }, required: true },
  { name: 'PUT /polls/:slide/vote', method: 'PUT', path: (c) => `/api/sessions/${c.code}/polls/${c.slides.poll}/vote`, who: 'participant', body: () => ({ choices: ['respect'] }), wrong: { choices: 'respect' }, required: true },
  { name: 'PUT /reflections/:slide/mine', method: 'PUT', path: (c) => `/api/sessions/${c.code}/reflections/${c.slides.reflection}/mine`, who: 'participant', body: () => ({ text: 'We agreed', shared: false }), wrong: { text: 1, shared: 'no' }, required: true },
  { name: 'PUT /feedback/:slide/mine', method: 'PUT', path: (c) => `/api/sessions/${c.code}/feedback/${c.slides.feedback}/mine`, who: 'participant', body: () => ({ ratings: {}, comments: {} }), wrong: { ratings: [], comments: 'none' }, required: true },
  { name: 'POST /lineup/answers', method: 'POST', path: (c) => `/api/sessions/${c.code}/lineup/answers`, who: 'participant', body: () => ({ skip: true }), wrong: { month: 'May', day: 'first' }, required: true },
  // Series sessions (issue 15).
  { name: 'POST /attendance', method: 'POST', path: (c) => `/api/sessions/${c.code}/attendance`, who: 'participant', body: () => ({ returningCode: 'ABC234' }), wrong: { returningCode: 5 } },
  { name: 'PUT /facilitators', method: 'PUT', path: (c) => `/api/sessions/${c.code}/facilitators`, who: 'staff', body: () => ({ lead: { name: 'Rosa', role: 'parent' }, support: null }), wrong: { lead: 5, support: 'x' }, required: true },
  { name: 'PUT /fidelity/items/:itemId', method: 'PUT', path: (c) => `/api/sessions/${c.code}/fidelity/items/slide-1`, who: 'coach', body: () => ({ mark: 'observed', comment: '' }), wrong: { mark: 'great', comment: 5 }, required: true },
  { name: 'POST /fidelity/notes', method: 'POST', path: (c) => `/api/sessions/${c.code}/fidelity/notes`, who: 'coach', body: () => ({ text: 'A note' }), wrong: { text: 1 }, required: true },
  { name: 'PUT /leadership/answers/:cardId', method: 'PUT', path: (c) => `/api/sessions/${c.code}/leadership/answers/${c.cardId}`, who: 'staff', body: () => ({ text: 'Yes', team: 'BLT' }), wrong: { text: 1, team: [] }, required: true },
  { name: 'POST /api/programs', method: 'POST', path: () => '/api/programs', who: 'operator', body: () => ({ seriesId: 'parent-teacher-partnerships', schoolName: 'Lincoln' }), wrong: { seriesId: 5, schoolName: [] }, required: true },
  { name: 'PUT /api/programs/:id/dates/:number', method: 'PUT', path: (c) => `/api/programs/${c.programId}/dates/2`, who: 'operator', body: () => ({ date: '2026-09-14' }), wrong: { date: 20260914 }, required: true },
  { name: 'POST /api/programs/:id/sessions/:number', method: 'POST', path: (c) => `/api/programs/${c.programId}/sessions/1`, who: 'operator', body: () => ({ facilitators: { lead: null, support: null } }), wrong: { facilitators: 'both' }, required: true },
];

/** The other routes that take a JSON body: every case above runs for them too. */
const MORE_BODY_ROUTES: RouteCase[] = [
  { name: 'POST /round-robin/:slide/groups/:group/turn', method: 'POST', path: (c) => `/api/sessions/${c.code}/round-robin/${c.slides.roundRobin}/groups/1/turn`, who: 'staff', body: () => ({ from: 0 }), wrong: { from: 'zero' }, required: true },
  { name: 'PUT /gallery/paper-stickers/:cardId', method: 'PUT', path: (c) => `/api/sessions/${c.code}/gallery/paper-stickers/${c.cardId}`, who: 'staff', body: () => ({ count: 2 }), wrong: { count: 'two' }, required: true },
  { name: 'PUT /preparation/values', method: 'PUT', path: (c) => `/api/sessions/${c.code}/preparation/values`, who: 'staff', body: () => ({ nextMeeting: '2026-04-02T18:30' }), wrong: { nextMeeting: 5, futureDates: 'soon' } },
  { name: 'PUT /preparation/fields/:fieldId', method: 'PUT', path: (c) => `/api/sessions/${c.code}/preparation/fields/closing-thought`, who: 'staff', body: () => ({ value: null }), wrong: { value: 5 }, required: true },
  { name: 'PUT /gallery/cut', method: 'PUT', path: (c) => `/api/sessions/${c.code}/gallery/cut`, who: 'staff', body: () => ({ wall: 'agreements', cardIds: [] }), wrong: { wall: 1, cardIds: 'all' }, required: true },
  { name: 'PUT /revise/:slide/definition', method: 'PUT', path: (c) => `/api/sessions/${c.code}/revise/${c.slides.revise}/definition`, who: 'participant', body: () => ({ text: 'Working together' }), wrong: { text: [] }, required: true },
  { name: 'POST /block-party/:slide/rounds', method: 'POST', path: (c) => `/api/sessions/${c.code}/block-party/${c.slides.blockParty}/rounds`, who: 'staff', body: () => ({ round: 2 }), wrong: { round: 'two' } },
  { name: 'PUT /lineup/members/:participantId', method: 'PUT', path: (c) => `/api/sessions/${c.code}/lineup/members/someone`, who: 'staff', body: () => ({ group: 1 }), wrong: { group: 'one' }, required: true },
  { name: 'POST /round-robin/:slide/turn', method: 'POST', path: (c) => `/api/sessions/${c.code}/round-robin/${c.slides.roundRobin}/turn`, who: 'participant', body: () => ({ from: 0 }), wrong: { from: 'zero' }, required: true },
  { name: 'PUT /round-robin/:slide/notes', method: 'PUT', path: (c) => `/api/sessions/${c.code}/round-robin/${c.slides.roundRobin}/notes`, who: 'participant', body: () => ({ text: 'Our ideas' }), wrong: { text: 5 }, required: true },
  { name: 'PUT /polls/:slide/reveal', method: 'PUT', path: (c) => `/api/sessions/${c.code}/polls/${c.slides.poll}/reveal`, who: 'staff', body: () => ({ revealed: true }), wrong: { revealed: 'yes' }, required: true },
  { name: 'PUT /reflections/:id/visibility', method: 'PUT', path: (c) => `/api/sessions/${c.code}/reflections/someid/visibility`, who: 'staff', body: () => ({ hidden: true }), wrong: { hidden: 1 }, required: true },
  // District terms and the District Facilitation Inventory (issue 13): a Module 1 session has no inventory, but its bodies are checked all the same.
  { name: 'PUT /terms', method: 'PUT', path: (c) => `/api/sessions/${c.code}/terms`, who: 'staff', body: () => ({ values: {} }), wrong: { values: 'SAC' }, required: true },
  { name: 'PUT /inventory/marks/:activityId', method: 'PUT', path: (c) => `/api/sessions/${c.code}/inventory/marks/welcome-calls`, who: 'participant', body: () => ({ mark: 'conducted' }), wrong: { mark: 5 }, required: true },
  { name: 'POST /inventory/others', method: 'POST', path: (c) => `/api/sessions/${c.code}/inventory/others`, who: 'participant', body: () => ({ strategy: 'welcoming', text: 'Coffee mornings' }), wrong: { strategy: 1, text: [] }, required: true },
  { name: 'PATCH /inventory/others/:otherId', method: 'PATCH', path: (c) => `/api/sessions/${c.code}/inventory/others/o_abc`, who: 'participant', body: () => ({ text: 'Coffee mornings' }), wrong: { text: 5, mark: 'yes' } },
  { name: 'POST /inventory/merges', method: 'POST', path: (c) => `/api/sessions/${c.code}/inventory/merges`, who: 'staff', body: () => ({ otherId: 'o_abc', intoId: 'o_def' }), wrong: { otherId: 1, intoId: [] }, required: true },
  { name: 'PUT /inventory/decisions/:item', method: 'PUT', path: (c) => `/api/sessions/${c.code}/inventory/decisions/welcome-calls`, who: 'staff', body: () => ({ decision: null }), wrong: { decision: 5 }, required: true },
  { name: 'PUT /inventory/plan-rows/:item', method: 'PUT', path: (c) => `/api/sessions/${c.code}/inventory/plan-rows/welcome-calls`, who: 'staff', body: () => ({ lead: 'Ana' }), wrong: { lead: 5, start: 20250901 } },
];
ROUTES.push(...MORE_BODY_ROUTES);

/** Key for a route's rightful caller. */
function keyFor(who: Who): string | undefined {
  return who === 'participant' ? x.p1 : who === 'staff' || who === 'lead' ? x.lead : who === 'operator' ? T.operatorKey : who === 'coach' ? x.coach : undefined;
}

function seqOf(code: string): number {
  return T.registry.get(code)!.runtime.state.seq;
}

/** Sends a request that must be refused: checks the status, the error's shape and that nothing stored changed. */
async function refused(status: number, send: () => Promise<{ status: number; json: any }>, code?: string | RegExp) {
  const before = [seqOf(x.code), seqOf(x.otherCode)];
  const res = await send();
  expect(res.status).toBe(status);
  expect(typeof res.json?.error?.code).toBe('string');
  expect(res.json.error.message.length).toBeGreaterThan(10);
  if (code) expect(res.json.error.code).toMatch(code);
  expect([seqOf(x.code), seqOf(x.otherCode)]).toEqual(before);
  // The server keeps serving everyone else.
  expect((await T.call('GET', `/api/sessions/${x.code}`)).status).toBe(200);
  return res;
}

let n = 0;
/** Numbers every case, so the suite's size is in its test names. */
const label = (text: string) => `#${String(++n).padStart(3, '0')} ${text}`;

beforeAll(async () => {
  const a = await T.startSession('Hostile Elementary');
  const b = await T.startSession('Other School');
  const deck = (await T.call('GET', `/api/sessions/${a.code}/deck`, { key: a.leadKey })).json as { slides: { activity?: { kind: string } }[] };
  const slideOf = (kind: string) => deck.slides.findIndex((s) => s.activity?.kind === kind) + 1;
  const slides = {
    answers: slideOf('open-answers'),
    card: slideOf('card'),
    twoSided: slideOf('two-sided-card'),
    poll: slideOf('poll'),
    revise: slideOf('revise-and-example'),
    gallery: slideOf('gallery-walk'),
    reflection: slideOf('reflection'),
    feedback: slideOf('feedback'),
    blockParty: slideOf('block-party'),
    roundRobin: slideOf('round-robin'),
  };
  const p1 = await T.joinAs(a.code, 'Ana');
  const p2 = await T.joinAs(a.code, 'Ben', 'teacher');
  const q = await T.joinAs(b.code, 'Cy', 'student');
  for (const code of [a.code, b.code]) {
    const key = code === a.code ? a.leadKey : b.leadKey;
    for (const slide of [slides.answers, slides.card, slides.twoSided]) await T.showSlide(code, key, slide);
  }
  const answer = await T.call('POST', `/api/sessions/${a.code}/answers`, { key: p1.token, body: { slide: slides.answers, text: 'a grandparent' } });
  const card = await T.call('POST', `/api/sessions/${a.code}/cards`, { key: p1.token, body: { slide: slides.card, text: 'We listen' } });
  await T.call('POST', `/api/sessions/${a.code}/cards`, { key: p2.token, body: { slide: slides.card, text: 'We assume good intent' } });
  const other = await T.call('POST', `/api/sessions/${b.code}/cards`, { key: q.token, body: { slide: slides.card, text: 'Other school card' } });
  for (const slide of [slides.revise, slides.gallery]) await T.showSlide(a.code, a.leadKey, slide);
  const sticker = await T.call('POST', `/api/sessions/${a.code}/stickers`, { key: p1.token, body: { cardId: card.json.cardIds[0] } });
  expect([answer.status, card.status, other.status, sticker.status]).toEqual([201, 201, 201, 201]);
  x = {
    code: a.code,
    otherCode: b.code,
    lead: a.leadKey,
    support: a.supportKey,
    p1: p1.token,
    p2: p2.token,
    q: q.token,
    otherLead: b.leadKey,
    coach: T.keys.coachKey(T.registry.get(a.code)!.runtime.id),
    programId: (await T.call('POST', '/api/programs', { key: T.operatorKey, body: { seriesId: 'parent-teacher-partnerships', schoolName: 'Hostile Elementary' } })).json.id,
    cardId: card.json.cardIds[0],
    otherCardId: other.json.cardIds[0],
    answerId: answer.json.answerId,
    stickerId: sticker.json.stickerId,
    slides,
  };
});

describe('malformed, mistyped, incomplete, padded and oversized bodies, on every write route', () => {
  for (const route of ROUTES) {
    it(label(`${route.name}: malformed JSON → 400`), async () => {
      await refused(400, () => T.call(route.method, route.path(x), { key: keyFor(route.who), raw: '{"text": "unterminated' }), /malformed|invalid/);
    });
    if (route.wrong) {
      it(label(`${route.name}: wrong types → 400 naming the field`), async () => {
        const res = await refused(400, () => T.call(route.method, route.path(x), { key: keyFor(route.who), body: route.wrong }), 'invalid');
        expect(res.json.error.issues.length).toBeGreaterThan(0);
      });
    }
    if (route.required) {
      it(label(`${route.name}: missing fields → 400`), async () => {
        await refused(400, () => T.call(route.method, route.path(x), { key: keyFor(route.who), body: {} }), 'invalid');
      });
    }
    if (route.body) {
      it(label(`${route.name}: an extra field → 400`), async () => {
        await refused(400, () => T.call(route.method, route.path(x), { key: keyFor(route.who), body: { ...route.body!(x), isAdmin: true } }), 'invalid');
      });
    }
    it(label(`${route.name}: a 64 KB body → 413`), async () => {
      await refused(413, () => T.call(route.method, route.path(x), { key: keyFor(route.who), body: { ...route.body?.(x), text: 'x'.repeat(64 * 1024) } }), 'too_large');
    });
    it(label(`${route.name}: JSON that is not an object (an array, a string) → 400`), async () => {
      await refused(400, () => T.call(route.method, route.path(x), { key: keyFor(route.who), raw: '["a", "b"]' }), /invalid|malformed/);
      await refused(400, () => T.call(route.method, route.path(x), { key: keyFor(route.who), raw: '"just a string"' }), /invalid|malformed/);
    });
  }
});

describe('keys: missing, forged, another session’s, a deleted session’s, and the wrong role', () => {
  const keyed = ROUTES.filter((r) => r.who !== 'none' && r.who !== 'operator');
  for (const route of keyed) {
    it(label(`${route.name}: no key → 401`), async () => {
      await refused(401, () => T.call(route.method, route.path(x), { body: route.body?.(x) }), 'missing_key');
    });
    it(label(`${route.name}: a forged key → 401`), async () => {
      const forged = route.who === 'participant' ? x.p1.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) : 'lead.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
      await refused(401, () => T.call(route.method, route.path(x), { key: forged, body: route.body?.(x) }), 'bad_key');
    });
    it(label(`${route.name}: another session’s key → 401`), async () => {
      await refused(401, () => T.call(route.method, route.path(x), { key: route.who === 'participant' ? x.q : x.otherLead, body: route.body?.(x) }), 'bad_key');
    });
    if (route.who === 'staff' || route.who === 'lead') {
      it(label(`${route.name}: a participant calling a facilitator route → 403`), async () => {
        await refused(403, () => T.call(route.method, route.path(x), { key: x.p1, body: route.body?.(x) }), 'forbidden');
      });
    }
    // A facilitator adds an "other" activity for the whole team, so that participants' route has no wrong role.
    if (route.who === 'participant' && route.name !== 'POST /inventory/others') {
      it(label(`${route.name}: a facilitator's key on a participant's route → 403`), async () => {
        await refused(403, () => T.call(route.method, route.path(x), { key: x.lead, body: route.body?.(x) }), 'forbidden');
      });
    }
  }

  it(label('a key that is too long, or has spaces or markup in it → 401'), async () => {
    for (const key of ['a'.repeat(500), 'lead. <script>', 'lead.%00%0a']) {
      await refused(401, () => T.call('PUT', `/api/sessions/${x.code}/presentation/banner`, { headers: { authorization: `Bearer ${key}` }, body: { visible: true } }));
    }
  });

  it(label('the lead and the support facilitator may not delete the session → 403'), async () => {
    await refused(403, () => T.call('DELETE', `/api/sessions/${x.code}`, { key: x.lead }), 'forbidden');
    await refused(403, () => T.call('DELETE', `/api/sessions/${x.code}`, { key: x.support }), 'forbidden');
  });

  it(label('a participant may not delete the session, read the deck, the exports or the staff polls → 403'), async () => {
    await refused(403, () => T.call('DELETE', `/api/sessions/${x.code}`, { key: x.p1 }), 'forbidden');
    await refused(403, () => T.call('GET', `/api/sessions/${x.code}/deck`, { key: x.p1 }), 'forbidden');
    await refused(403, () => T.call('GET', `/api/sessions/${x.code}/exports/session.json`, { key: x.p1 }), 'forbidden');
  });

  it(label('an expired key (its session was deleted) → 404, and its data is gone'), async () => {
    const gone = await T.startSession('Deleted School');
    const person = await T.joinAs(gone.code, 'Dee');
    expect((await T.call('DELETE', `/api/sessions/${gone.code}`, { key: T.operatorKey })).status).toBe(200);
    const res = await T.call('PUT', `/api/sessions/${gone.code}/participants/me`, { key: person.token, body: { name: 'Dee', group: 'parent' } });
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('unknown_session');
    expect((await T.call('GET', `/api/sessions/${gone.code}/stream`, { key: gone.leadKey })).status).toBe(404);
  });

  it(label('a session code with markup, a path traversal or the wrong length → 404 as JSON, never as a page'), async () => {
    for (const code of ['<script>', '..%2F..%2Fetc', 'ABCDEFGHIJKLMNOP', '%F0%9F%98%80']) {
      const res = await T.call('GET', `/api/sessions/${code}`);
      expect(res.status).toBe(404);
      // Echoed inside JSON at most, never as a page: the browser must not sniff it as HTML.
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.json.error.message.length).toBeLessThan(80);
    }
  });

  it(label('a missing or malformed Idempotency-Key → 400, nothing applied'), async () => {
    await refused(400, () => T.call('POST', `/api/sessions/${x.code}/answers`, { key: x.p1, op: false, body: { slide: x.slides.answers, text: 'no op id' } }), 'missing_op_id');
    await refused(400, () => T.call('POST', `/api/sessions/${x.code}/answers`, { key: x.p1, op: 'short', body: { slide: x.slides.answers, text: 'bad op id' } }), 'missing_op_id');
    await refused(400, () => T.call('POST', `/api/sessions/${x.code}/answers`, { key: x.p1, op: '<script>alert(1)</script>', body: { slide: x.slides.answers, text: 'bad op id' } }), 'missing_op_id');
  });
});

describe('operator routes: starting, listing and deleting sessions need the operator key', () => {
  covered.add('GET /api/sessions');
  covered.add('DELETE /api/sessions/:code');
  /** The routes only the operator may call, each with a request that would succeed with the operator key. */
  const operatorRoutes: { name: string; method: 'GET' | 'POST' | 'DELETE'; path: () => string; body?: () => Record<string, unknown> }[] = [
    { name: 'POST /sessions', method: 'POST', path: () => '/api/sessions', body: () => ({ schoolName: 'Lincoln' }) },
    { name: 'GET /sessions', method: 'GET', path: () => '/api/sessions' },
    { name: 'DELETE /sessions/:code', method: 'DELETE', path: () => `/api/sessions/${x.code}` },
  ];
  const sessionCount = () => T.registry.all().length;
  /** A refusal that also leaves the list of sessions as it was and hands out no session data. */
  async function refusedOperator(status: number, route: (typeof operatorRoutes)[number], key: string | undefined, code: string) {
    const before = sessionCount();
    const res = await refused(status, () => T.call(route.method, route.path(), { key, body: route.body?.() }), code);
    expect(sessionCount()).toBe(before);
    expect(JSON.stringify(res.json)).not.toContain(x.code);
  }
  for (const route of operatorRoutes) {
    it(label(`${route.name}: no key → 401`), async () => {
      await refusedOperator(401, route, undefined, 'missing_key');
    });
    it(label(`${route.name}: a forged operator key → 401`), async () => {
      const forged = T.operatorKey.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
      await refusedOperator(401, route, forged, 'bad_key');
      await refusedOperator(401, route, `operator.${'A'.repeat(43)}`, 'bad_key');
    });
    it(label(`${route.name}: a key no session issued → 401`), async () => {
      await refusedOperator(401, route, 'lead.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'bad_key');
      await refusedOperator(401, route, 'nobody.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'bad_key');
    });
    it(label(`${route.name}: a lead’s, a support facilitator’s or a participant’s real key → 403`), async () => {
      for (const key of [x.lead, x.support, x.p1, x.otherLead, x.q]) await refusedOperator(403, route, key, 'forbidden');
    });
  }
  it(label('GET /sessions with the operator key lists every session, with the facilitators’ links'), async () => {
    const res = await T.call('GET', '/api/sessions', { key: T.operatorKey });
    expect(res.status).toBe(200);
    const codes = res.json.sessions.map((s: { code: string }) => s.code);
    expect(codes).toEqual(expect.arrayContaining([x.code, x.otherCode]));
    const mine = res.json.sessions.find((s: { code: string }) => s.code === x.code);
    expect(mine.links.present).toBe(`http://partnerdeck.test/present/${x.code}#key=${x.lead}`);
    expect(mine).toMatchObject({ schoolName: 'Hostile Elementary', startedByOperator: true, setAside: null });
  });
  it(label('DELETE /sessions/:code for an unknown or malformed code, with the operator key → 404'), async () => {
    for (const code of ['ZZZZZZ', '<script>', '..%2F..']) {
      await refused(404, () => T.call('DELETE', `/api/sessions/${code}`, { key: T.operatorKey }), /unknown_session|not_found/);
    }
  });
});

describe('other people’s and other sessions’ ids', () => {
  it(label('editing another participant’s card → 404, the card unchanged'), async () => {
    await refused(404, () => T.call('PATCH', `/api/sessions/${x.code}/cards/${x.cardId}`, { key: x.p2, body: { text: 'hijacked' } }), 'unknown_card');
    expect(T.registry.get(x.code)!.runtime.state.cards.get(x.cardId)!.text).not.toBe('hijacked');
  });
  it(label('withdrawing another participant’s card → 404'), async () => {
    await refused(404, () => T.call('DELETE', `/api/sessions/${x.code}/cards/${x.cardId}`, { key: x.p2 }), 'unknown_card');
  });
  it(label('withdrawing another participant’s answer → 404'), async () => {
    await refused(404, () => T.call('DELETE', `/api/sessions/${x.code}/answers/${x.answerId}`, { key: x.p2 }), 'unknown_answer');
  });
  it(label('removing another participant’s sticker → 404'), async () => {
    await refused(404, () => T.call('DELETE', `/api/sessions/${x.code}/stickers/${x.stickerId}`, { key: x.p2 }));
  });
  it(label('a sticker on another session’s card → 404'), async () => {
    await refused(404, () => T.call('POST', `/api/sessions/${x.code}/stickers`, { key: x.p2, body: { cardId: x.otherCardId } }));
  });
  it(label('hiding another session’s card with this session’s key → 404'), async () => {
    await refused(404, () => T.call('PUT', `/api/sessions/${x.code}/cards/${x.otherCardId}/visibility`, { key: x.lead, body: { hidden: true } }), 'unknown_card');
  });
  it(label('ids with markup, traversal or unicode in the path → 400 or 404'), async () => {
    for (const id of ['%3Cscript%3E', '..%2F..', '%E2%80%AE', 'a'.repeat(100)]) {
      const before = seqOf(x.code);
      const res = await T.call('PATCH', `/api/sessions/${x.code}/cards/${id}`, { key: x.p1, body: { text: 'x' } });
      expect([400, 404]).toContain(res.status);
      expect(res.json.error.message.length).toBeGreaterThan(10);
      expect(seqOf(x.code)).toBe(before);
    }
  });
  it(label('a slide that does not exist or has another activity → 4xx'), async () => {
    await refused(400, () => T.call('POST', `/api/sessions/${x.code}/answers`, { key: x.p1, body: { slide: 999, text: 'nowhere' } }));
    await refused(400, () => T.call('POST', `/api/sessions/${x.code}/answers`, { key: x.p1, body: { slide: x.slides.card, text: 'wrong kind' } }));
    await refused(400, () => T.call('PUT', `/api/sessions/${x.code}/presentation/slide`, { key: x.lead, body: { slide: 5000 } }));
  });
});

describe('text: huge strings, unicode edge cases and markup in every text field', () => {
  /** Text fields that take free text, how to send a value, and how to read back what was stored. */
  const fields: { name: string; send: (text: string) => Promise<{ status: number; json: any }>; stored: (res: { json: any }) => string | undefined }[] = [
    {
      name: 'participant name (POST /participants)',
      send: (text) => T.call('POST', `/api/sessions/${x.code}/participants`, { body: { name: text, group: 'parent' } }),
      stored: (res) => T.registry.get(x.code)!.runtime.state.participants.get(res.json.participantId)?.name,
    },
    {
      name: 'card text (PATCH /cards/:id)',
      send: (text) => T.call('PATCH', `/api/sessions/${x.code}/cards/${x.cardId}`, { key: x.p1, body: { text } }),
      stored: () => T.registry.get(x.code)!.runtime.state.cards.get(x.cardId)?.text,
    },
    {
      name: 'paper card text (POST /gallery/paper-cards)',
      send: (text) => T.call('POST', `/api/sessions/${x.code}/gallery/paper-cards`, { key: x.support, body: { wall: 'agreements', text } }),
      stored: (res) => T.registry.get(x.code)!.runtime.state.cards.get(res.json.cardId ?? res.json.cardIds?.[0])?.text,
    },
    {
      name: 'open answer (POST /answers)',
      // Each person gives a few answers at most; the answerers join beforehand, so joining is not a change under test.
      send: (text) => T.call('POST', `/api/sessions/${x.code}/answers`, { key: answerers.pop()!, body: { slide: x.slides.answers, text } }),
      stored: (res) => T.registry.get(x.code)!.runtime.state.answers.get(res.json.answerId)?.text,
    },
  ];
  const answerers: string[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 12; i++) answerers.push((await T.joinAs(x.code, `Answerer ${i}`)).token);
  });
  const accepted: [string, string][] = [
    ['right-to-left text (Arabic and Hebrew)', 'نحن نستمع لكل صوت — אנחנו מקשיבים'],
    ['emoji, with skin tones and a family (ZWJ) sequence', 'We 🤝 families 👩🏽‍🏫 👨‍👩‍👧‍👦'],
    ['combining characters (normalised to NFC)', 'Cafe\u0301 con los padres'],
    ['a right-to-left override inside Latin text', 'abc \u202Eevil\u202C def'],
    ['markup and script', '<img src=x onerror=alert(1)><script>alert("x")</script>'],
    ['a SQL-looking string', "Robert'); DROP TABLE events;--"],
    ['a CSV formula', '=HYPERLINK("http://evil.example","click")'],
  ];
  for (const field of fields) {
    for (const [what, text] of accepted) {
      it(label(`${field.name}: ${what} is kept exactly, as text`), async () => {
        const res = await field.send(text);
        if (res.status === 400) {
          // A first name holds 40 characters: a longer one is refused as too long, never cut or altered.
          expect(res.json.error.message).toMatch(/too long/);
          expect([...text].length).toBeGreaterThan(40);
          return;
        }
        expect(res.status).toBeLessThan(300);
        expect(field.stored(res)).toBe(text.normalize('NFC'));
      });
    }
    it(label(`${field.name}: a lone surrogate → 400 bad_text`), async () => {
      // JSON.stringify would escape it; send the escape itself, as a hostile client can.
      const res = await refused(400, () => field.send('\ud800 broken'));
      expect(res.json.error.message).toMatch(/broken character|surrogate/i);
    });
    it(label(`${field.name}: only zero-width and whitespace characters → 400`), async () => {
      await refused(400, () => field.send('\u200B\u200D\uFEFF \u2060\n\t'));
    });
    it(label(`${field.name}: a 12,000-character string → 400 (too long), nothing stored`), async () => {
      const res = await refused(400, () => field.send('long '.repeat(2400)));
      expect(res.json.error.message).toMatch(/too long|at most|invalid/i);
    });
  }
});

describe('replays and budgets', () => {
  it(label('the same Idempotency-Key sent three times applies once and answers the same'), async () => {
    const person = await T.joinAs(x.code, 'Replayer');
    const op = opId();
    const before = seqOf(x.code);
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await T.call('POST', `/api/sessions/${x.code}/answers`, { key: person.token, op, body: { slide: x.slides.answers, text: 'replayed' } }));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.json.answerId)).size).toBe(1);
    expect(seqOf(x.code)).toBe(before + 1);
  });
  it(label('a replayed sticker is counted once'), async () => {
    const person = await T.joinAs(x.code, 'Voter');
    const op = opId();
    const before = T.registry.get(x.code)!.runtime.state.gallery.stickers.size;
    const first = await T.call('POST', `/api/sessions/${x.code}/stickers`, { key: person.token, op, body: { cardId: x.cardId } });
    const again = await T.call('POST', `/api/sessions/${x.code}/stickers`, { key: person.token, op, body: { cardId: x.cardId } });
    expect(first.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(T.registry.get(x.code)!.runtime.state.gallery.stickers.size).toBe(before + 1);
  });
  it(label('the same Idempotency-Key from another participant is a different operation'), async () => {
    const a = await T.joinAs(x.code, 'Same op A');
    const b = await T.joinAs(x.code, 'Same op B');
    const op = opId();
    const ra = await T.call('POST', `/api/sessions/${x.code}/answers`, { key: a.token, op, body: { slide: x.slides.answers, text: 'from A' } });
    const rb = await T.call('POST', `/api/sessions/${x.code}/answers`, { key: b.token, op, body: { slide: x.slides.answers, text: 'from B' } });
    expect(ra.json.answerId).not.toBe(rb.json.answerId);
  });
  it(label('stickers beyond the wall budget → 409 budget_spent, nothing stored'), async () => {
    const voter = await T.joinAs(x.code, 'Budget');
    const perWall = 6;
    const cards: string[] = [];
    for (let i = 0; i < perWall + 1; i++) {
      const res = await T.call('POST', `/api/sessions/${x.code}/gallery/paper-cards`, { key: x.lead, body: { wall: 'agreements', text: `Budget card ${i}` } });
      cards.push(res.json.cardId ?? res.json.cardIds[0]);
    }
    for (let i = 0; i < perWall; i++) expect((await T.call('POST', `/api/sessions/${x.code}/stickers`, { key: voter.token, body: { cardId: cards[i] } })).status).toBe(201);
    const res = await refused(409, () => T.call('POST', `/api/sessions/${x.code}/stickers`, { key: voter.token, body: { cardId: cards[perWall] } }), 'budget_spent');
    expect(res.json.error.message).toMatch(/\d/);
  });
  it(label('a second sticker on the same card (the deck allows one per card) → 409'), async () => {
    const voter = await T.joinAs(x.code, 'Twice');
    expect((await T.call('POST', `/api/sessions/${x.code}/stickers`, { key: voter.token, body: { cardId: x.cardId } })).status).toBe(201);
    await refused(409, () => T.call('POST', `/api/sessions/${x.code}/stickers`, { key: voter.token, body: { cardId: x.cardId } }));
  });
});

describe('rate limits answer 429 with Retry-After', () => {
  it(label('a participant writing faster than the limit → 429 with Retry-After, later writes refused too'), async () => {
    const t = testApp({ limits: { participantPerSecond: 1, participantBurst: 3 } });
    const s = await t.startSession();
    const p = await t.joinAs(s.code, 'Fast');
    await t.showSlide(s.code, s.leadKey, x.slides.answers);
    const statuses: number[] = [];
    let last: { headers: Headers; json: any } | null = null;
    for (let i = 0; i < 5; i++) {
      const res = await t.call('POST', `/api/sessions/${s.code}/answers`, { key: p.token, body: { slide: x.slides.answers, text: `fast ${i}` } });
      statuses.push(res.status);
      if (res.status === 429) last = res;
    }
    expect(statuses.slice(0, 3)).toEqual([201, 201, 201]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(last!.json.error.code).toBe('too_fast');
    // Someone else in the room is not slowed down.
    const other = await t.joinAs(s.code, 'Calm');
    expect((await t.call('POST', `/api/sessions/${s.code}/answers`, { key: other.token, body: { slide: x.slides.answers, text: 'calm' } })).status).toBe(201);
    t.close();
  });
  it(label('one address joining too fast → 429 with Retry-After'), async () => {
    const t = testApp({ limits: { addressPerSecond: 1, addressBurst: 2 } });
    const s = await t.startSession();
    const statuses: number[] = [];
    let retryAfter = '';
    for (let i = 0; i < 4; i++) {
      const res = await t.call('POST', `/api/sessions/${s.code}/participants`, { body: { name: `J${i}`, group: 'parent' } });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after') ?? '';
    }
    expect(statuses.filter((st) => st === 429).length).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    t.close();
  });
});

/**
 * Every route the app registers has cases here: the body routes above (by their names),
 * and each route below. A route added without cases fails the last test of this file.
 */
const covered = new Set<string>(ROUTES.map((r) => patternOf(r.name)));

/** `PUT /cards/:id` (a name above) → `PUT /api/sessions/:code/cards/:id` (the app's own pattern). */
function patternOf(name: string): string {
  const [method, path] = name.split(' ');
  return `${method} ${path === '/sessions' ? '/api/sessions' : path.startsWith('/api/') ? path : `/api/sessions/:code${path}`}`;
}

/** A raw request with the given content type (T.call always says JSON). */
async function sendTyped(method: string, path: string, type: string | undefined, body: string, key?: string) {
  const headers: Record<string, string> = { 'idempotency-key': opId() };
  if (type) headers['content-type'] = type;
  if (key) headers.authorization = `Bearer ${key}`;
  const res = await T.app.request(path, { method, headers, body });
  return { status: res.status, json: await res.json() };
}

describe('content types: a body route reads only application/json (415 otherwise)', () => {
  for (const route of ROUTES) {
    it(label(`${route.name}: its body as text/plain, as a form, or with no type → 415, nothing applied`), async () => {
      const body = JSON.stringify(route.body?.(x) ?? {});
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
        await refused(415, () => sendTyped(route.method, route.path(x), type, body, keyFor(route.who)), 'unsupported_media_type');
      }
    });
    it(label(`${route.name}: a __proto__ or constructor key → 400`), async () => {
      await refused(400, () => T.call(route.method, route.path(x), { key: keyFor(route.who), raw: `{"__proto__":{"isAdmin":true},${JSON.stringify(route.body?.(x) ?? {}).slice(1)}` }), 'invalid');
      await refused(400, () => T.call(route.method, route.path(x), { key: keyFor(route.who), raw: '{"constructor":{"prototype":{}}}' }), 'invalid');
    });
  }
});

/** 'anyone': no key needed; 'any role': any key the session issued. */
type BareWho = Who | 'anyone' | 'any role';
interface BareRouteCase {
  /** The app's pattern for this route. */
  route: string;
  path: (x: Ctx) => string;
  who: BareWho;
  /** The same path with a malformed or unknown parameter, and the refusal it gets. */
  bad?: { path: (x: Ctx) => string; status: number };
}

/** Routes with no JSON body: the reads, and writes whose path says everything. */
const BARE_ROUTES: BareRouteCase[] = [
  { route: 'GET /healthz', path: () => '/healthz', who: 'anyone' },
  { route: 'GET /api/decks', path: () => '/api/decks', who: 'anyone' },
  { route: 'GET /api/sessions/:code', path: (c) => `/api/sessions/${c.code}`, who: 'anyone' },
  { route: 'GET /api/sessions/:code/qr.svg', path: (c) => `/api/sessions/${c.code}/qr.svg`, who: 'anyone' },
  { route: 'GET /api/sessions/:code/agreement', path: (c) => `/api/sessions/${c.code}/agreement`, who: 'anyone' },
  { route: 'GET /api/sessions/:code/agreement/pdf', path: (c) => `/api/sessions/${c.code}/agreement/pdf`, who: 'anyone', bad: { path: (c) => `/api/sessions/${c.code}/agreement/pdf?size=<script>`, status: 400 } },
  { route: 'GET /api/sessions/:code/timers/clock', path: (c) => `/api/sessions/${c.code}/timers/clock`, who: 'anyone' },
  { route: 'GET /api/sessions/:code/deck', path: (c) => `/api/sessions/${c.code}/deck?lang=es`, who: 'staff', bad: { path: (c) => `/api/sessions/${c.code}/deck?lang=<script>`, status: 400 } },
  { route: 'GET /i18n/:family/:lang', path: () => '/i18n/phone/es', who: 'anyone', bad: { path: () => '/i18n/phone/%3Cscript%3E', status: 400 } },
  { route: 'GET /api/sessions/:code/stream', path: (c) => `/api/sessions/${c.code}/stream`, who: 'any role' },
  { route: 'GET /api/sessions/:code/agreement/candidates', path: (c) => `/api/sessions/${c.code}/agreement/candidates`, who: 'staff' },
  { route: 'GET /api/sessions/:code/exports/:file', path: (c) => `/api/sessions/${c.code}/exports/cards.csv`, who: 'staff', bad: { path: (c) => `/api/sessions/${c.code}/exports/..%2F..%2Fpartnerdeck.sqlite`, status: 400 } },
  { route: 'GET /api/sessions/:code/polls/:slide', path: (c) => `/api/sessions/${c.code}/polls/${c.slides.poll}`, who: 'staff', bad: { path: (c) => `/api/sessions/${c.code}/polls/0x${c.slides.poll.toString(16)}`, status: 400 } },
  { route: 'GET /api/sessions/:code/feedback', path: (c) => `/api/sessions/${c.code}/feedback`, who: 'staff' },
  { route: 'GET /api/sessions/:code/pacing', path: (c) => `/api/sessions/${c.code}/pacing`, who: 'staff' },
  { route: 'GET /api/sessions/:code/walls/:wall/pages/:page', path: (c) => `/api/sessions/${c.code}/walls/agreements/pages/0`, who: 'any role', bad: { path: (c) => `/api/sessions/${c.code}/walls/agreements/pages/-1`, status: 400 } },
  { route: 'POST /api/sessions/:code/pacing/start', path: (c) => `/api/sessions/${c.code}/pacing/start`, who: 'staff' },
  { route: 'GET /api/sessions/:code/preparation', path: (c) => `/api/sessions/${c.code}/preparation`, who: 'staff' },
  // Its body is the image's raw bytes (checked by content): with none it is refused as not an image.
  { route: 'POST /api/sessions/:code/preparation/images', path: (c) => `/api/sessions/${c.code}/preparation/images`, who: 'staff' },
  { route: 'POST /api/sessions/:code/reflections/:id/approve', path: (c) => `/api/sessions/${c.code}/reflections/someid/approve`, who: 'staff', bad: { path: (c) => `/api/sessions/${c.code}/reflections/%3Cscript%3E/approve`, status: 400 } },
  { route: 'POST /api/sessions/:code/reflections/:slide/approve-all', path: (c) => `/api/sessions/${c.code}/reflections/26/approve-all`, who: 'staff', bad: { path: (c) => `/api/sessions/${c.code}/reflections/0x1a/approve-all`, status: 400 } },
  { route: 'DELETE /api/sessions/:code/answers/:id', path: (c) => `/api/sessions/${c.code}/answers/${c.answerId}`, who: 'participant', bad: { path: (c) => `/api/sessions/${c.code}/answers/%3Cscript%3E`, status: 400 } },
  { route: 'DELETE /api/sessions/:code/cards/:id', path: (c) => `/api/sessions/${c.code}/cards/${c.cardId}`, who: 'participant', bad: { path: (c) => `/api/sessions/${c.code}/cards/..%2F..`, status: 400 } },
  { route: 'DELETE /api/sessions/:code/stickers/:stickerId', path: (c) => `/api/sessions/${c.code}/stickers/${c.stickerId}`, who: 'participant', bad: { path: (c) => `/api/sessions/${c.code}/stickers/${'s'.repeat(100)}`, status: 400 } },
  { route: 'DELETE /api/sessions/:code/gallery/merges/:cardId', path: (c) => `/api/sessions/${c.code}/gallery/merges/${c.cardId}`, who: 'staff', bad: { path: (c) => `/api/sessions/${c.code}/gallery/merges/%E2%80%AE`, status: 400 } },
  { route: 'POST /api/sessions/:code/agreement/assemble', path: (c) => `/api/sessions/${c.code}/agreement/assemble`, who: 'staff' },
  { route: 'POST /api/sessions/:code/lineup/slides/:slide/open', path: (c) => `/api/sessions/${c.code}/lineup/slides/${c.slides.blockParty}/open`, who: 'staff', bad: { path: (c) => `/api/sessions/${c.code}/lineup/slides/1e1/open`, status: 400 } },
  { route: 'POST /api/sessions/:code/lineup/slides/:slide/groups', path: (c) => `/api/sessions/${c.code}/lineup/slides/${c.slides.blockParty}/groups`, who: 'staff', bad: { path: (c) => `/api/sessions/${c.code}/lineup/slides/%2013/groups`, status: 400 } },
  { route: 'POST /api/sessions/:code/lineup/regroup', path: (c) => `/api/sessions/${c.code}/lineup/regroup`, who: 'staff' },
  { route: 'POST /api/sessions/:code/lineup/join', path: (c) => `/api/sessions/${c.code}/lineup/join`, who: 'participant' },
  { route: 'POST /api/sessions/:code/round-robin/:slide/start', path: (c) => `/api/sessions/${c.code}/round-robin/${c.slides.roundRobin}/start`, who: 'staff', bad: { path: (c) => `/api/sessions/${c.code}/round-robin/0${c.slides.roundRobin}/start`, status: 400 } },
  { route: 'GET /api/sessions/:code/fidelity', path: (c) => `/api/sessions/${c.code}/fidelity`, who: 'staff' },
  { route: 'GET /api/sessions/:code/leadership/questions', path: (c) => `/api/sessions/${c.code}/leadership/questions`, who: 'staff' },
  { route: 'GET /api/sessions/:code/report', path: (c) => `/api/sessions/${c.code}/report`, who: 'staff', bad: { path: (c) => `/api/sessions/${c.code}/report?lang=%3Cscript%3E`, status: 400 } },
  { route: 'GET /api/sessions/:code/report/pdf', path: (c) => `/api/sessions/${c.code}/report/pdf`, who: 'staff', bad: { path: (c) => `/api/sessions/${c.code}/report/pdf?size=poster`, status: 400 } },
  { route: 'GET /api/sessions/:code/terms', path: (c) => `/api/sessions/${c.code}/terms`, who: 'anyone' },
  { route: 'GET /api/sessions/:code/inventory/words', path: (c) => `/api/sessions/${c.code}/inventory/words`, who: 'anyone', bad: { path: (c) => `/api/sessions/${c.code}/inventory/words?lang=%3Cscript%3E`, status: 400 } },
  { route: 'GET /api/sessions/:code/inventory/plan', path: (c) => `/api/sessions/${c.code}/inventory/plan`, who: 'anyone', bad: { path: (c) => `/api/sessions/${c.code}/inventory/plan?lang=..%2F..`, status: 400 } },
  { route: 'GET /api/sessions/:code/inventory/plan/:file', path: (c) => `/api/sessions/${c.code}/inventory/plan/csv`, who: 'anyone', bad: { path: (c) => `/api/sessions/${c.code}/inventory/plan/exe`, status: 400 } },
  { route: 'DELETE /api/sessions/:code/inventory/others/:otherId', path: (c) => `/api/sessions/${c.code}/inventory/others/o_abc`, who: 'participant', bad: { path: (c) => `/api/sessions/${c.code}/inventory/others/%3Cscript%3E`, status: 400 } },
  { route: 'DELETE /api/sessions/:code/inventory/merges/:otherId', path: (c) => `/api/sessions/${c.code}/inventory/merges/o_abc`, who: 'staff', bad: { path: (c) => `/api/sessions/${c.code}/inventory/merges/welcome-calls`, status: 400 } },
  { route: 'PUT /api/sessions/:code/round-robin/:slide/recorder', path: (c) => `/api/sessions/${c.code}/round-robin/${c.slides.roundRobin}/recorder`, who: 'participant', bad: { path: (c) => `/api/sessions/${c.code}/round-robin/+${c.slides.roundRobin}/recorder`, status: 400 } },
];

/** Whose key a bare route's rightful caller holds. */
function bareKeyHolder(who: BareWho): Who {
  return who === 'anyone' ? 'none' : who === 'any role' ? 'participant' : who;
}

describe('routes without a JSON body: keys, roles, session codes and parameters', () => {
  for (const route of BARE_ROUTES) {
    covered.add(route.route);
    const method = route.route.split(' ')[0];
    if (route.path.toString().includes('c.code')) {
      it(label(`${route.route}: an unknown session, or a code with markup → 404 as JSON`), async () => {
        for (const code of ['ZZZZZZ', '%3Cb%3E']) {
          const res = await refused(404, () => T.call(method, route.path(x).replace(x.code, code), { key: keyFor(bareKeyHolder(route.who)) }), 'unknown_session');
          expect(res.json.error.message.length).toBeLessThan(80);
        }
      });
    } else {
      it(label(`${route.route}: another method, or a query full of markup, changes nothing and reflects nothing`), async () => {
        await refused(404, () => T.call('DELETE', route.path(x)), 'not_found');
        const res = await T.call(method, `${route.path(x)}?<script>=1&__proto__=1`);
        expect(res.status).toBe(200);
        expect(JSON.stringify(res.json)).not.toContain('<script>');
      });
    }
    if (route.who !== 'anyone') {
      it(label(`${route.route}: no key, a forged key, another session’s key → 401`), async () => {
        await refused(401, () => T.call(method, route.path(x)), 'missing_key');
        const asParticipant = route.who === 'participant' || route.who === 'any role';
        await refused(401, () => T.call(method, route.path(x), { key: asParticipant ? x.p1.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A')) : 'lead.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }), 'bad_key');
        await refused(401, () => T.call(method, route.path(x), { key: asParticipant ? x.q : x.otherLead }), 'bad_key');
      });
    }
    // A facilitator may take back paper stickers through the participants' DELETE, so that route has no wrong role.
    const wrongKeys: ('lead' | 'support' | 'p1')[] = route.who === 'participant' && !route.route.includes('stickers') ? ['lead'] : route.who === 'lead' ? ['support', 'p1'] : route.who === 'staff' ? ['p1'] : [];
    if (wrongKeys.length > 0) {
      it(label(`${route.route}: the wrong role → 403`), async () => {
        for (const holder of wrongKeys) await refused(403, () => T.call(method, route.path(x), { key: x[holder] }), 'forbidden');
      });
    }
    if (route.bad) {
      it(label(`${route.route}: a malformed parameter → ${route.bad.status}`), async () => {
        await refused(route.bad!.status, () => T.call(method, route.bad!.path(x), { key: keyFor(bareKeyHolder(route.who)) }));
      });
    }
  }
});

describe('programs and the district: operator and coordinator keys only', () => {
  const operatorReads = ['GET /api/programs', 'GET /api/programs/:id', 'GET /api/district/link'];
  const coordinatorReads = ['GET /api/district/overview', 'GET /api/district/export.zip'];
  for (const route of [...operatorReads, ...coordinatorReads]) covered.add(route);
  const pathOf = (route: string) => route.split(' ')[1].replace(':id', x.programId);
  it(label('the operator’s reads: no key or a forged one → 401; a facilitator’s, a coach’s, a participant’s or the coordinator’s key → 403'), async () => {
    for (const route of operatorReads) {
      await refused(401, () => T.call('GET', pathOf(route)), 'missing_key');
      await refused(401, () => T.call('GET', pathOf(route), { key: `operator.${'A'.repeat(43)}` }), 'bad_key');
      for (const key of [x.lead, x.coach, x.p1, T.keys.coordinatorKey()]) await refused(403, () => T.call('GET', pathOf(route), { key }), 'forbidden');
      expect((await T.call('GET', pathOf(route), { key: T.operatorKey })).status).toBe(200);
    }
  });
  it(label('the coordinator’s reads: no key → 401; the operator’s, a facilitator’s or a forged coordinator key → 401'), async () => {
    for (const route of coordinatorReads) {
      await refused(401, () => T.call('GET', pathOf(route)), 'missing_key');
      for (const key of [T.operatorKey, x.lead, x.p1, `coordinator.${'A'.repeat(32)}`]) await refused(401, () => T.call('GET', pathOf(route), { key }), 'bad_key');
      const res = await T.app.request(pathOf(route), { headers: { authorization: `Bearer ${T.keys.coordinatorKey()}` } });
      expect(res.status).toBe(200);
    }
  });
  it(label('a program id with markup or of the wrong length → 400; an unknown one → 404'), async () => {
    await refused(400, () => T.call('GET', '/api/programs/%3Cscript%3E', { key: T.operatorKey }), 'invalid');
    await refused(404, () => T.call('GET', '/api/programs/ZZZZZZZZZZZZ', { key: T.operatorKey }), 'unknown_program');
    await refused(400, () => T.call('POST', `/api/programs/${x.programId}/sessions/0`, { key: T.operatorKey, body: { facilitators: { lead: null, support: null } } }), 'invalid');
  });
  it(label('a coach may read but not write: no slide move, no moderation, no leadership answer → 403'), async () => {
    await refused(403, () => T.call('PUT', `/api/sessions/${x.code}/presentation/slide`, { key: x.coach, body: { slide: 2 } }), 'forbidden');
    await refused(403, () => T.call('PUT', `/api/sessions/${x.code}/cards/${x.cardId}/visibility`, { key: x.coach, body: { hidden: true } }), 'forbidden');
    await refused(403, () => T.call('PUT', `/api/sessions/${x.code}/leadership/answers/${x.cardId}`, { key: x.coach, body: { text: 'Yes', team: 'BLT' } }), 'forbidden');
    expect((await T.call('GET', `/api/sessions/${x.code}/deck`, { key: x.coach })).status).toBe(200);
  });
});

describe('slide images: served from this origin by the hash of their bytes, and nothing else', () => {
  covered.add('GET /images/:name');
  it(label('GET /images/:name: a stored image, then names that are not one → 404 as JSON'), async () => {
    const { name } = new ImageStore(T.dataDir).save(TINY_PNG);
    const ok = await T.app.request(`/images/${name}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/png');
    for (const bad of ['..%2Fpartnerdeck.sqlite', '%3Cscript%3E.png', `${'0'.repeat(64)}.png`, `${name.slice(0, -4)}.svg`]) {
      const res = await T.call('GET', `/images/${bad}`);
      expect(res.status, bad).toBe(404);
      expect(res.json.error.code).toBe('not_found');
    }
  });
});

describe('route coverage', () => {
  it(label('every route the app registers has hostile-input cases in this file (and every case names a real route)'), () => {
    const registered = [...new Set(T.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))];
    expect(registered.length).toBeGreaterThan(50);
    expect(registered.filter((route) => !covered.has(route))).toEqual([]);
    expect([...covered].filter((route) => !registered.includes(route))).toEqual([]);
  });
});
