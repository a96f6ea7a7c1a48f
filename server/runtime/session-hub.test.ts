import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PING_INTERVAL_MS } from '../contract/wire.js';
import { testApp } from '../../tests/unit/test-app.js';
import { galleryReady } from '../../tests/unit/gallery-setup.js';
import { decodeMessage, parseEventStream } from '../../web/shared/live/stream-reader.js';
import { OWN_ECHO_INTERVAL_MS, SOLE_PHONE_ECHO_INTERVAL_MS, type StreamConnection } from './session-hub.js';

/** The one view or patch message of a frame, read as the pages read it. */
function message(frame: string) {
  const [event] = parseEventStream(frame);
  return event ? decodeMessage<Record<string, unknown>>(event) : null;
}

let t: ReturnType<typeof testApp>;
// The hub's clocks and timers are faked, so the test decides when time passes; setImmediate
// stays real, since the event store commits a turn's writes with it.
beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] }));
afterEach(() => {
  vi.useRealTimers();
  t?.close();
});

function recorder(role: StreamConnection['role'], participantId?: string, lang?: string) {
  const frames: { kind: string; parts: Record<string, unknown> }[] = [];
  const connection: StreamConnection & { lang?: string } = {
    role,
    participantId,
    lang,
    send(frame) {
      const decoded = message(frame);
      if (decoded) frames.push({ kind: decoded.event, parts: decoded.data.parts });
      return true;
    },
    close() {},
  };
  return { connection, frames };
}

/** Lets `ms` of the hub's time pass. */
const settle = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe('SessionHub', () => {
  it('answers a join with the phone’s first view in its language, so a stream opened with its tags leaves the shared parts out', async () => {
    t = testApp();
    const { code, leadKey } = await t.startSession();
    await t.showSlide(code, leadKey, 11);
    const joined = await t.call('POST', `/api/sessions/${code}/participants`, {
      body: { name: 'Rosa', group: 'parent' },
      headers: { 'accept-language': 'es-MX,es;q=0.9' },
    });
    expect(joined.status).toBe(201);
    const view = joined.json.view as {
      seq: number;
      tags: Record<string, string>;
      parts: { session: { lang: string }; slide: { slide: number; activity: { prompt: string } }; me: { name: string } };
    };
    expect(view.parts.session).toMatchObject({ lang: 'es' });
    expect(view.parts.slide.slide).toBe(11);
    expect(view.parts.slide.activity.prompt).toMatch(/acuerdo/i);
    expect(view.parts.me.name).toBe('Rosa');
    const { hub } = t.registry.get(code)!;
    const phone = recorder('participant', joined.json.participantId, 'es');
    hub.connect({ ...phone.connection, heldTags: new Map(Object.entries(view.tags)) });
    expect(phone.frames[0].parts).not.toHaveProperty('session');
    expect(phone.frames[0].parts).not.toHaveProperty('slide');
    expect(phone.frames[0].parts).toHaveProperty('me');
  });

  it('gives each phone the deck in its language: a Spanish and an English phone follow the same slide, each in its own words', async () => {
    t = testApp();
    const { code, leadKey } = await t.startSession();
    const rosa = await t.joinAs(code, 'Rosa');
    const ann = await t.joinAs(code, 'Ann');
    const { hub } = t.registry.get(code)!;
    const spanish = recorder('participant', rosa.participantId, 'es');
    const english = recorder('participant', ann.participantId, 'en');
    const unknown = recorder('participant', ann.participantId, 'xx');
    hub.connect(spanish.connection);
    hub.connect(english.connection);
    hub.connect(unknown.connection);
    await t.showSlide(code, leadKey, 11);
    await settle(400);
    const last = <P>(frames: typeof spanish.frames, part: string) => frames.filter((f) => f.parts[part]).at(-1)!.parts[part] as P;
    const session = (frames: typeof spanish.frames) => last<{ lang: string }>(frames, 'session');
    const slide = (frames: typeof spanish.frames) => last<{ slide: number; activity: { prompt: string } }>(frames, 'slide');
    expect(session(spanish.frames).lang).toBe('es');
    expect(session(english.frames).lang).toBe('en');
    expect(slide(spanish.frames).slide).toBe(11);
    expect(slide(english.frames).slide).toBe(11);
    // A language the deck does not have reads its first.
    expect(session(unknown.frames).lang).toBe('en');
    expect(slide(spanish.frames).activity.prompt).not.toBe(slide(english.frames).activity.prompt);
    expect(slide(spanish.frames).activity.prompt).toMatch(/acuerdo/i);
  });

  it('sends a full view on connect, then coalesces a burst into a few small patches', async () => {
    t = testApp();
    const { code, leadKey } = await t.startSession();
    const people = [];
    for (let i = 0; i < 50; i++) people.push(await t.joinAs(code, `P${i}`));
    await t.showSlide(code, leadKey, 4);
    const { hub } = t.registry.get(code)!;
    const lead = recorder('lead');
    const phone = recorder('participant', people[0].participantId);
    hub.connect(lead.connection);
    hub.connect(phone.connection);
    expect(lead.frames[0].kind).toBe('view');
    expect(Object.keys(lead.frames[0].parts)).toEqual(expect.arrayContaining(['session', 'roster', 'cards', 'clouds']));
    expect(phone.frames[0].kind).toBe('view');
    expect(phone.frames[0].parts).not.toHaveProperty('roster');

    // 150 answers from 50 people arrive at once.
    await Promise.all(
      people.flatMap((p, i) =>
        [1, 2, 3].map((n) => t.call('POST', `/api/sessions/${code}/answers`, { key: p.token, body: { slide: 4, text: `idea ${i}-${n}` } })),
      ),
    );
    await settle(400);
    const leadPatches = lead.frames.filter((f) => f.kind === 'patch');
    expect(leadPatches.length).toBeGreaterThan(0);
    expect(leadPatches.length).toBeLessThan(20);
    const lastClouds = leadPatches.at(-1)!.parts.clouds as Record<number, { count: number }[]>;
    expect(lastClouds[4].reduce((n, e) => n + e.count, 0)).toBe(150);

    // The phone hears only about its own answers, never anyone else's, and only a few times.
    const phonePatches = phone.frames.filter((f) => f.kind === 'patch');
    expect(phonePatches.length).toBeLessThanOrEqual(3);
    const me = phonePatches
      .map((p) => p.parts.me)
      .filter(Boolean)
      .at(-1) as { answers: { text: string }[] };
    expect(me.answers.map((a) => a.text)).toEqual(['idea 0-1', 'idea 0-2', 'idea 0-3']);
    expect(JSON.stringify(phonePatches)).not.toContain('idea 1-1');
  });

  it('leaves out of a reconnecting phone’s view the shared parts it still holds unchanged', async () => {
    t = testApp();
    const { code, leadKey } = await t.startSession();
    const ana = await t.joinAs(code, 'Ana');
    await t.showSlide(code, leadKey, 4);
    const { hub } = t.registry.get(code)!;
    const first = recorder('participant', ana.participantId);
    const raw: string[] = [];
    const send = first.connection.send;
    first.connection.send = (frame) => (raw.push(frame), send(frame));
    hub.connect(first.connection);
    const tags = message(raw[0])!.data.tags as Record<string, string>;
    expect(Object.keys(tags)).toContain('session');

    // The phone comes back holding the session part's tag: it is kept, not resent.
    const again = recorder('participant', ana.participantId);
    const frames: string[] = [];
    again.connection.send = (frame) => (frames.push(frame), true);
    again.connection.heldTags = new Map([['session', tags.session]]);
    hub.connect(again.connection);
    const view = message(frames[0])!.data as { kept?: string[]; parts: Record<string, { name?: string }> };
    expect(view.kept).toEqual(['session']);
    expect(view.parts).not.toHaveProperty('session');
    expect(view.parts.me.name).toBe('Ana');

    // A stale tag gets the part in full.
    const stale = recorder('participant', ana.participantId);
    stale.connection.heldTags = new Map([['session', 'not-the-tag']]);
    hub.connect(stale.connection);
    expect(stale.frames[0].parts).toHaveProperty('session');
  });

  it('drops a client that cannot keep up instead of queueing for it', async () => {
    t = testApp();
    const { code, leadKey } = await t.startSession();
    const { hub } = t.registry.get(code)!;
    let closed = false;
    hub.connect({ role: 'lead', send: (frame) => message(frame)?.event === 'view', close: () => (closed = true) });
    await t.showSlide(code, leadKey, 2);
    await settle(100);
    expect(closed).toBe(true);
    expect(hub.connectionCount).toBe(0);
  });

  /** A phone of `participantId` whose frames are kept with the (fake) time they arrived. */
  function timedPhone(participantId: string) {
    const frames: { at: number; parts: Record<string, any> }[] = [];
    const phone = recorder('participant', participantId);
    const send = phone.connection.send;
    phone.connection.send = (frame) => (send(frame), frames.push({ at: performance.now(), parts: phone.frames.at(-1)!.parts }), true);
    return { connection: phone.connection, frames };
  }

  /**
   * A walk of eight, with `phoneCount` phones of the first person connected (the first one
   * recorded); that person then places six stickers a tenth of a second apart.
   */
  async function sixTapsWith(phoneCount: number) {
    const ready = await galleryReady(8);
    t = ready.t;
    const { hub } = t.registry.get(ready.code)!;
    const person = ready.phones[0];
    const { connection, frames } = timedPhone(person.participantId);
    const disconnect = hub.connect(connection);
    for (let i = 1; i < phoneCount; i++) hub.connect(timedPhone(person.participantId).connection);
    frames.length = 0;
    const started = performance.now();
    for (const card of ready.cardsOn('agreements').slice(1, 7)) {
      expect((await ready.sticker(person.token, card)).status).toBe(201);
      await settle(100);
    }
    return { ...ready, hub, person, frames, started, disconnect };
  }

  it('echoes a person’s own sticker taps to their phones when they have two connected, never two echoes within half of OWN_ECHO_INTERVAL_MS, and the last within that interval of the last tap', async () => {
    // The same person's second phone (a tablet, say): the one that tapped needs no echo, this one does.
    const { frames, started, code, leadKey } = await sixTapsWith(2);
    await settle(OWN_ECHO_INTERVAL_MS + 400);
    const echoes = frames.filter((f) => f.parts.myStickers);
    expect(echoes.length).toBeGreaterThanOrEqual(1);
    expect(echoes.length).toBeLessThanOrEqual(3);
    for (let i = 1; i < echoes.length; i++) expect(echoes[i].at - echoes[i - 1].at).toBeGreaterThanOrEqual(OWN_ECHO_INTERVAL_MS / 2 - 5);
    // The last echo holds all six, and came within the interval (and a phone update) of the last tap.
    expect(echoes.at(-1)!.parts.myStickers.left.agreements).toBe(0);
    expect(echoes.at(-1)!.at - started).toBeLessThan(600 + OWN_ECHO_INTERVAL_MS + 400);

    // What a facilitator does still arrives at the usual pace.
    frames.length = 0;
    const shown = performance.now();
    await t.call('PUT', `/api/sessions/${code}/gallery/reveal`, { key: leadKey, body: { revealed: true } });
    await settle(400);
    expect(frames.length).toBeGreaterThan(0);
    expect(frames[0].at - shown).toBeLessThan(400);
  });
  it('a person with one phone gets the echo of their own taps only every SOLE_PHONE_ECHO_INTERVAL_MS (the phone shows its taps already), and every OWN_ECHO_INTERVAL_MS again once a second phone connects', async () => {
    const { frames, started, hub, person, cardsOn, sticker, disconnect } = await sixTapsWith(1);
    // Ten seconds on, at most the first tap's echo has come.
    await settle(OWN_ECHO_INTERVAL_MS + 400);
    expect(frames.filter((f) => f.parts.myStickers).length).toBeLessThanOrEqual(1);
    // The safety net: the last echo holds all six, within the long interval of the first.
    await settle(SOLE_PHONE_ECHO_INTERVAL_MS - OWN_ECHO_INTERVAL_MS);
    const echoes = frames.filter((f) => f.parts.myStickers);
    expect(echoes.at(-1)!.parts.myStickers.left.agreements).toBe(0);
    expect(echoes.at(-1)!.at - started).toBeLessThan(600 + SOLE_PHONE_ECHO_INTERVAL_MS + 400);
    // A second phone connects: a tap on it reaches the first within the short interval.
    hub.connect(timedPhone(person.participantId).connection);
    frames.length = 0;
    const tapped = performance.now();
    expect((await sticker(person.token, cardsOn('definitions')[1])).status).toBe(201);
    await settle(OWN_ECHO_INTERVAL_MS + 400);
    const echo = frames.find((f) => f.parts.myStickers?.stickers.length === 7);
    expect(echo).toBeDefined();
    expect(echo!.at - tapped).toBeLessThan(OWN_ECHO_INTERVAL_MS + 400);
    disconnect();
  });

  it('never leaves a quiet stream silent for longer than the ping interval', async () => {
    t = testApp();
    const { code } = await t.startSession();
    const me = await t.joinAs(code, 'Quiet');
    // A hub made now runs on the fake clock.
    const { SessionHub } = await import('./session-hub.js');
    const hub = new SessionHub(t.registry.get(code)!.runtime);
    const heard: number[] = [];
    hub.connect({ role: 'participant', participantId: me.participantId, send: () => (heard.push(performance.now()), true), close() {} });
    for (let ms = 0; ms < 4 * PING_INTERVAL_MS; ms += 1000) vi.advanceTimersByTime(1000);
    const gaps = heard.slice(1).map((at, i) => at - heard[i]);
    expect(heard.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...gaps, performance.now() - heard.at(-1)!)).toBeLessThanOrEqual(PING_INTERVAL_MS);
    hub.closeAll();
  });

  it('moves every phone with the lead’s slide, with its own sticker budget only where it applies, and lands a late phone on the current slide', async () => {
    const ready = await galleryReady(3);
    const { phones, code, leadKey, sticker, cardsOn } = ready;
    t = ready.t;
    const { hub } = t.registry.get(code)!;
    const phone = recorder('participant', phones[0].participantId);
    hub.connect(phone.connection);
    expect(phone.frames[0].parts).toMatchObject({ session: { slideCount: 28 }, slide: { slide: 23 }, myStickers: { slide: 23 } });
    // One person places a sticker; another, whose phone is also open, places none.
    expect((await sticker(phones[0].token, cardsOn('agreements')[1])).status).toBe(201);
    const idle = recorder('participant', phones[2].participantId);
    hub.connect(idle.connection);
    await settle(1000);

    // Off the gallery walk: the phone shows the new slide and no longer offers stickers.
    await t.showSlide(code, leadKey, 22);
    await settle(400);
    const away = phone.frames.at(-1)!;
    expect(away.kind).toBe('patch');
    expect(away.parts).toMatchObject({ slide: { slide: 22 }, myStickers: null });
    // What does not depend on the slide (the workshop, the person's own cards) is not sent again.
    expect(away.parts).not.toHaveProperty('session');
    expect(away.parts).not.toHaveProperty('me');

    // Back on it: each phone's budget is back, its person's own (made once for everyone who placed nothing).
    await t.showSlide(code, leadKey, 23);
    await settle(400);
    const wallBudget = (idle.frames.at(-1)!.parts.myStickers as { budgets: { agreements: number } }).budgets.agreements;
    expect(idle.frames.at(-1)!.parts).toMatchObject({ slide: { slide: 23 }, myStickers: { slide: 23, left: { agreements: wallBudget }, stickers: [] } });
    expect(phone.frames.at(-1)!.parts).toMatchObject({ slide: { slide: 23 }, myStickers: { slide: 23, left: { agreements: wallBudget - 1 } } });
    expect((phone.frames.at(-1)!.parts.myStickers as { stickers: unknown[] }).stickers).toHaveLength(1);

    // A phone that connects after the changes lands where the room is.
    await t.showSlide(code, leadKey, 24);
    await settle(400);
    const late = recorder('participant', phones[1].participantId);
    hub.connect(late.connection);
    expect(late.frames[0]).toMatchObject({ kind: 'view', parts: { session: { slideCount: 28 }, slide: { slide: 24 }, myStickers: null, me: { name: 'P1' } } });
    expect(phone.frames.at(-1)!.parts).toMatchObject({ slide: { slide: 24 } });
  });

  it('moves the phones as soon as the slide change is on disk, never before: in the turn that commits it, with no timer to wait for', async () => {
    t = testApp();
    const { code, leadKey } = await t.startSession();
    const ana = await t.joinAs(code, 'Ana');
    const { hub } = t.registry.get(code)!;
    const phone = recorder('participant', ana.participantId);
    /** For each frame, whether every write so far was committed when it was sent. */
    const committedWhenSent: boolean[] = [];
    const send = phone.connection.send;
    phone.connection.send = (frame) => (committedWhenSent.push(t.registry.committed() === null), send(frame));
    hub.connect(phone.connection);
    // A quiet second since the join's update: the next one is due at once.
    await settle(1000);
    await t.showSlide(code, leadKey, 3);
    // No faked time passes: only the event loop turns.
    await new Promise((resolve) => setImmediate(resolve));
    expect(phone.frames.at(-1)).toMatchObject({ kind: 'patch', parts: { slide: { slide: 3 } } });
    expect(committedWhenSent).toEqual(phone.frames.map(() => true));
  });

  it('moves every phone with one small frame per slide change, the same bytes for all, and lands a phone that joins late, or comes back after a restart, on the current slide', async () => {
    t = testApp({ limits: { participantBurst: 1000, participantPerSecond: 1000 } });
    const { code, leadKey } = await t.startSession();
    await t.showSlide(code, leadKey, 2);
    const people = [];
    for (let i = 0; i < 12; i++) people.push(await t.joinAs(code, `P${i}`));
    const { hub, runtime } = t.registry.get(code)!;
    const phones = people.map((p) => {
      const framesSent: (readonly Uint8Array[])[] = [];
      const recorded = recorder('participant', p.participantId);
      recorded.connection.sendBytes = (chunks) => (framesSent.push(chunks), recorded.connection.send(Buffer.concat(chunks).toString('utf8')));
      hub.connect(recorded.connection);
      return { ...recorded, framesSent };
    });
    // Every slide Module 1 has before the gallery walk, one after the other.
    for (let slide = 3; slide <= 22; slide++) {
      await t.showSlide(code, leadKey, slide);
      await settle(400);
      const frames = phones.map((phone) => phone.framesSent.at(-1)!);
      // One frame, the very same bytes on every phone's stream.
      expect(new Set(frames).size).toBe(1);
      const { parts } = phones[0].frames.at(-1)!;
      expect(parts.slide).toMatchObject({ slide });
      // Only what the slide changes: never the workshop or a person's own cards and moves again.
      expect(Object.keys(parts)).not.toContain('session');
      expect(
        Object.keys(parts).filter((name) => name !== 'move' && name !== 'timer' && name !== 'agreementNote' && name !== 'gallery' && name !== 'slide'),
      ).toEqual([]);
      // A slide without an activity is a couple of hundred bytes; one with an activity adds what it asks.
      const activity = runtime.deck.slides[slide - 1].activity;
      const bytes = frames[0].reduce((sum, chunk) => sum + chunk.byteLength, 0);
      expect(bytes).toBeLessThan(300 + (activity ? JSON.stringify(activity).length + 300 : 0));
    }

    // Someone who joins now lands on the current slide.
    const late = await t.joinAs(code, 'Late');
    const latePhone = recorder('participant', late.participantId);
    hub.connect(latePhone.connection);
    expect(latePhone.frames[0]).toMatchObject({ kind: 'view', parts: { session: { slideCount: 28 }, slide: { slide: 22 }, me: { name: 'Late' } } });

    // After a restart, a phone that comes back holding the workshop part keeps it and gets the current slide.
    const firstView = message(Buffer.concat(phones[0].framesSent[0]).toString('utf8'))!;
    const sessionTag = firstView.data.tags!.session!;
    t = t.restart();
    const back = recorder('participant', people[0].participantId);
    const raw: string[] = [];
    const send = back.connection.send;
    back.connection.send = (frame) => (raw.push(frame), send(frame));
    back.connection.heldTags = new Map([['session', sessionTag]]);
    t.registry.get(code)!.hub.connect(back.connection);
    expect(message(raw[0])).toMatchObject({ event: 'view', data: { kept: ['session'] } });
    expect(back.frames[0]).toMatchObject({ kind: 'view', parts: { slide: { slide: 22 }, me: { name: 'P0' } } });
  });
});
