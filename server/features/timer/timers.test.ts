import { describe, expect, it, vi } from 'vitest';
import { participantSharedView } from '../views.js';
import { roomSetup } from '../../../tests/unit/room-setup.js';

const setup = roomSetup();
const { room } = setup;

describe('timers', () => {
  it('starts with the deck’s minutes, pauses, adds a minute, resumes and ends, with server times', async () => {
    const { t, s, base } = await room(1);
    vi.useFakeTimers({ now: 1_000_000, toFake: ['Date'] });
    await t.showSlide(s.code, s.leadKey, 22);
    const started = await t.call('POST', `${base}/timers/22`, { key: s.leadKey, body: { action: 'start' } });
    expect(started.status).toBe(200);
    expect(started.json.timer).toMatchObject({ running: true, durationMs: 7 * 60_000, endsAt: 1_000_000 + 7 * 60_000 });
    vi.setSystemTime(1_000_000 + 60_000);
    const paused = await t.call('POST', `${base}/timers/22`, { key: s.leadKey, body: { action: 'pause' } });
    expect(paused.json.timer).toMatchObject({ running: false, endsAt: null, remainingMs: 6 * 60_000 });
    await t.call('POST', `${base}/timers/22`, { key: s.leadKey, body: { action: 'extend' } });
    vi.setSystemTime(1_000_000 + 5 * 60_000);
    const resumed = await t.call('POST', `${base}/timers/22`, { key: s.leadKey, body: { action: 'resume' } });
    expect(resumed.json.timer).toMatchObject({ running: true, endsAt: 1_000_000 + 5 * 60_000 + 7 * 60_000 });
    const ended = await t.call('POST', `${base}/timers/22`, { key: s.leadKey, body: { action: 'end' } });
    expect(ended.json.timer).toMatchObject({ running: false, ended: true, remainingMs: 0 });
    expect((await t.call('POST', `${base}/timers/22`, { key: s.leadKey, body: { action: 'pause' } })).status).toBe(409);
  });

  it('gives the same time left after a restart (the timer is in the log), and the phone view carries it', async () => {
    const { t, s, base } = await room(1);
    await t.showSlide(s.code, s.leadKey, 24);
    const started = await t.call('POST', `${base}/timers/24`, { key: s.leadKey, body: { action: 'start' } });
    // The log records only the lead's own words; the deck's label is worded by each view.
    expect(started.json.timer).toMatchObject({ label: '', durationMs: 8 * 60_000 });
    await t.call('POST', `${base}/timers/24`, { key: s.leadKey, body: { action: 'pause' } });
    const before = t.registry.get(s.code)!.runtime.state.timers.get(24)!;
    const again = t.restart();
    setup.keep(again);
    const after = again.registry.get(s.code)!.runtime.state.timers.get(24)!;
    expect(after).toEqual(before);
        const live = again.registry.get(s.code)!;
    expect(participantSharedView(live.runtime.state, live.runtime.deck).timer).toMatchObject({ slide: 24, label: 'Break', running: false, remainingMs: before.remainingMs });
    // A phone reconnecting to the restarted server gets the same timer in its first view.
    const frames: string[] = [];
    const phone = await again.joinAs(s.code, 'Back');
    live.hub.connect({ role: 'participant', participantId: phone.participantId, send: (f) => (frames.push(f), true), close: () => {} });
    const first = JSON.parse(frames[0].split('data: ')[1]);
    expect(first.parts.timer).toEqual({ slide: 24, label: 'Break', round: null, durationMs: 8 * 60_000, running: false, endsAt: null, remainingMs: before.remainingMs, ended: false });
    // A phone reading Spanish gets the deck's Spanish label.
    const spanish: string[] = [];
    live.hub.connect({ role: 'participant', participantId: phone.participantId, lang: 'es', send: (f) => (spanish.push(f), true), close: () => {} });
    const firstInSpanish = JSON.parse(spanish[0].split('data: ')[1]);
    expect(firstInSpanish.parts.timer).toMatchObject({ label: 'Descanso', round: null });
    expect(firstInSpanish.parts.session.lang).toBe('es');
    const clock = await again.call('GET', `${base}/timers/clock`);
    expect(Math.abs(clock.json.now - Date.now())).toBeLessThan(1000);
  });

  it('refuses bad timer requests clearly', async () => {
    const { t, s, tokens, base } = await room(1);
    expect((await t.call('POST', `${base}/timers/5`, { key: s.leadKey, body: { action: 'start' } })).json.error.code).toBe('no_timer');
    expect((await t.call('POST', `${base}/timers/5`, { key: s.leadKey, body: { action: 'start', minutes: 3 } })).status).toBe(200);
    expect((await t.call('POST', `${base}/timers/5`, { key: s.leadKey, body: { action: 'explode' } })).status).toBe(400);
    expect((await t.call('POST', `${base}/timers/5`, { key: s.leadKey, body: { action: 'start', minutes: -1 } })).status).toBe(400);
    expect((await t.call('POST', `${base}/timers/5`, { key: tokens[0].token, body: { action: 'end' } })).status).toBe(403);
    expect((await t.call('POST', `${base}/timers/99`, { key: s.leadKey, body: { action: 'start', minutes: 1 } })).status).toBe(404);
  });
});
