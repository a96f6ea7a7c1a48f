import { afterEach, describe, expect, it, vi } from 'vitest';
import { testApp } from '../../tests/unit/test-app.js';
import { birthdayBox } from '../runtime/birthday-box.js';

type App = ReturnType<typeof testApp>;
let apps: App[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const a of apps) a.close();
  apps = [];
});

async function room(people: number) {
  const t = testApp();
  apps.push(t);
  const s = await t.startSession();
  const tokens: { participantId: string; token: string }[] = [];
  for (let i = 0; i < people; i++) tokens.push(await t.joinAs(s.code, `P${i}`, i % 2 ? 'parent' : 'teacher'));
  return { t, s, tokens, base: `/api/sessions/${s.code}` };
}

/** The phone's and the deck's current view, read the way the stream would build them. */
function views(t: App, code: string) {
  return t.registry.get(code)!;
}

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
    const before = t.registry.get(s.code)!.runtime.state.moves.timers.get(24)!;
    const again = t.restart();
    apps.push(again);
    const after = again.registry.get(s.code)!.runtime.state.moves.timers.get(24)!;
    expect(after).toEqual(before);
    const { participantSharedView } = await import('../domain/views/participant-view.js');
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

describe('Block Party and the birthday line-up', () => {
  it('runs rounds with the deck’s round timer and prompts', async () => {
    const { t, s, base } = await room(2);
    await t.showSlide(s.code, s.leadKey, 13);
    const r1 = await t.call('POST', `${base}/block-party/13/rounds`, { key: s.leadKey, body: {} });
    expect(r1.json.round).toBe(1);
    const r2 = await t.call('POST', `${base}/block-party/13/rounds`, { key: s.leadKey, body: {} });
    expect(r2.json.round).toBe(2);
    const live = views(t, s.code);
    const { participantSharedView } = await import('../domain/views/participant-view.js');
    const shared = participantSharedView(live.runtime.state, live.runtime.deck);
    expect(shared.move).toMatchObject({ round: 2, prompt: 'Find a new partner', lineup: 'none' });
    expect(shared.timer).toMatchObject({ label: '', round: 2, durationMs: 2 * 60_000, running: true });
  });

  it('orders 8 people by month and day into groups of 4 and 4, and keeps no birthday after grouping', async () => {
    const { t, s, tokens, base } = await room(8);
    await t.showSlide(s.code, s.leadKey, 13);
    expect((await t.call('POST', `${base}/lineup/answers`, { key: tokens[0].token, body: { month: 3, day: 1 } })).json.error.code).toBe('lineup_closed');
    await t.call('POST', `${base}/lineup/slides/13/open`, { key: s.leadKey });
    // Birthdays in reverse order of joining: the line must come out reversed.
    const birthdays = [
      { month: 12, day: 25 },
      { month: 11, day: 3 },
      { month: 9, day: 9 },
      { month: 7, day: 14 },
      { month: 5, day: 30 },
      { month: 3, day: 17 },
      { month: 1, day: 20 },
      { month: 1, day: 2 },
    ];
    for (const [i, b] of birthdays.entries()) {
      const res = await t.call('POST', `${base}/lineup/answers`, { key: tokens[i].token, body: b });
      expect(res.status).toBe(200);
    }
    expect((await t.call('POST', `${base}/lineup/answers`, { key: tokens[0].token, body: { month: 2, day: 30 } })).status).toBe(400);
    const live = views(t, s.code);
    expect(birthdayBox.size(live.runtime.id)).toBe(8);
    const made = await t.call('POST', `${base}/lineup/slides/13/groups`, { key: s.leadKey });
    expect(made.status).toBe(201);
    expect(made.json.groups).toEqual([4, 4]);
    const groups = live.runtime.state.moves.lineup!.groups!;
    const order = [...tokens].reverse().map((p) => p.participantId);
    expect(groups).toEqual([order.slice(0, 4), order.slice(4)]);
    // The day is gone: not in memory, not in the log, not on disk.
    expect(birthdayBox.size(live.runtime.id)).toBe(0);
    const log = JSON.stringify(t.store.readEvents(live.runtime.id));
    expect(log).not.toMatch(/"month"|"day"/);
    // Each phone sees its own group number and its members' first names only.
    const { participantOwnView } = await import('../domain/views/participant-view.js');
    const own = participantOwnView(live.runtime.state, live.runtime.deck, tokens[7].participantId).myMoves as any;
    expect(own.group.number).toBe(1);
    expect(own.group.members.map((m: any) => m.name)).toEqual(['P7', 'P6', 'P5', 'P4']);
  });

  it('places a person who skips at random, a late joiner in the smallest group, and lets the facilitator move and regroup', async () => {
    const { t, s, tokens, base } = await room(9);
    await t.showSlide(s.code, s.leadKey, 13);
    await t.call('POST', `${base}/lineup/slides/13/open`, { key: s.leadKey });
    for (const [i, p] of tokens.entries()) {
      await t.call('POST', `${base}/lineup/answers`, { key: p.token, body: i === 4 ? { skip: true } : { month: i + 1, day: 1 } });
    }
    expect((await t.call('POST', `${base}/lineup/slides/13/groups`, { key: s.leadKey })).json.groups).toEqual([5, 4]);
    const state = views(t, s.code).runtime.state;
    expect(state.moves.lineup!.groups!.flat().sort()).toEqual(tokens.map((p) => p.participantId).sort());
    const late = await t.joinAs(s.code, 'Late');
    const joined = await t.call('POST', `${base}/lineup/join`, { key: late.token });
    expect(joined.json).toEqual({ grouped: true, group: 2 });
    expect(state.moves.lineup!.groups!.map((g) => g.length)).toEqual([5, 5]);
    // A birthday sent after grouping places the person and is never kept.
    const later = await t.joinAs(s.code, 'Later');
    const answered = await t.call('POST', `${base}/lineup/answers`, { key: later.token, body: { month: 6, day: 6 } });
    expect(answered.json).toEqual({ grouped: true, group: 1 });
    expect(birthdayBox.size(views(t, s.code).runtime.id)).toBe(0);
    const moved = await t.call('PUT', `${base}/lineup/members/${late.participantId}`, { key: s.leadKey, body: { group: 1 } });
    expect(moved.status).toBe(200);
    expect(state.moves.lineup!.groups![0]).toContain(late.participantId);
    expect((await t.call('PUT', `${base}/lineup/members/${late.participantId}`, { key: late.token, body: { group: 2 } })).status).toBe(403);
    expect((await t.call('PUT', `${base}/lineup/members/nobody`, { key: s.leadKey, body: { group: 2 } })).status).toBe(404);
    const regrouped = await t.call('POST', `${base}/lineup/regroup`, { key: s.leadKey });
    // 11 people cannot all be in groups of 4–5: two groups, none below 4.
    expect(regrouped.json.groups).toEqual([6, 5]);
  });
});

async function grouped(people: number) {
  const r = await room(people);
  const { t, s, tokens, base } = r;
  await t.showSlide(s.code, s.leadKey, 13);
  await t.call('POST', `${base}/lineup/slides/13/open`, { key: s.leadKey });
  for (const [i, p] of tokens.entries()) await t.call('POST', `${base}/lineup/answers`, { key: p.token, body: { month: 1 + i, day: 1 } });
  await t.call('POST', `${base}/lineup/slides/13/groups`, { key: s.leadKey });
  return r;
}

describe('round robin', () => {
  it('gives each group its turn order, passes turns once per tap, and moves on when a turn runs out', async () => {
    const { t, s, tokens, base } = await grouped(8);
    vi.useFakeTimers({ now: 5_000_000, toFake: ['Date'] });
    await t.showSlide(s.code, s.leadKey, 14);
    expect((await t.call('POST', `${base}/round-robin/14/turn`, { key: tokens[0].token, body: { from: 0 } })).json.error.code).toBe('not_started');
    expect((await t.call('POST', `${base}/round-robin/14/start`, { key: s.leadKey })).status).toBe(200);
    const live = views(t, s.code);
    const { participantOwnView } = await import('../domain/views/participant-view.js');
    const own = (i: number) => participantOwnView(live.runtime.state, live.runtime.deck, tokens[i].participantId).myMoves as any;
    expect(own(0).group.members.map((m: any) => m.name)).toEqual(['P0', 'P1', 'P2', 'P3']);
    expect(own(0).group.roundRobins[14]).toMatchObject({ turn: 0, recorder: 0, turnMs: 120_000 });
    // Two members tap "next" for turn 0 at once: the turn moves once, to P1.
    expect((await t.call('POST', `${base}/round-robin/14/turn`, { key: tokens[0].token, body: { from: 0 } })).json.turn).toBe(1);
    expect((await t.call('POST', `${base}/round-robin/14/turn`, { key: tokens[2].token, body: { from: 0 } })).json.turn).toBe(1);
    expect(own(3).group.roundRobins[14].turn).toBe(1);
    // The other group is untouched.
    expect(own(4).group.roundRobins[14].turn).toBe(0);
    // P1's two minutes run out: it is P2's turn without anyone tapping, and a tap moves to P3.
    vi.setSystemTime(5_000_000 + 2 * 60_000 + 1000);
    expect((await t.call('POST', `${base}/round-robin/14/turn`, { key: tokens[1].token, body: { from: 2 } })).json.turn).toBe(3);
    // The recorder writes the group's ideas; the group sees them; another member may not write them.
    expect((await t.call('PUT', `${base}/round-robin/14/notes`, { key: tokens[1].token, body: { text: 'x' } })).status).toBe(403);
    expect((await t.call('PUT', `${base}/round-robin/14/notes`, { key: tokens[0].token, body: { text: 'We all listen first.' } })).status).toBe(200);
    expect(own(2).group.roundRobins[14].notes).toBe('We all listen first.');
    expect(own(5).group.roundRobins[14].notes).toBe('');
    await t.call('PUT', `${base}/round-robin/14/recorder`, { key: tokens[2].token });
    expect(own(0).group.roundRobins[14].recorder).toBe(2);
    const { staffView } = await import('../domain/views/staff-view.js');
    const staff = staffView(live.runtime.state, live.runtime.deck) as any;
    expect(staff.roundRobins[14].groups.map((g: any) => g.notes)).toEqual(['We all listen first.', '']);
  });
});

describe('polls', () => {
  it('tallies votes from the votes themselves, counts a changed vote once, and shows bars to phones only after the reveal', async () => {
    const { t, s, tokens, base } = await room(4);
    expect((await t.call('PUT', `${base}/polls/18/vote`, { key: tokens[0].token, body: { choices: ['respect'] } })).status).toBe(409);
    await t.showSlide(s.code, s.leadKey, 18);
    await t.call('PUT', `${base}/polls/18/vote`, { key: tokens[0].token, body: { choices: ['respect', 'integrity'] } });
    await t.call('PUT', `${base}/polls/18/vote`, { key: tokens[1].token, body: { choices: ['respect'] } });
    await t.call('PUT', `${base}/polls/18/vote`, { key: tokens[2].token, body: { choices: ['authority'] } });
    await t.call('PUT', `${base}/polls/18/vote`, { key: tokens[2].token, body: { choices: ['competence'] } });
    expect((await t.call('PUT', `${base}/polls/18/vote`, { key: tokens[3].token, body: { choices: ['nonsense'] } })).json.error.code).toBe('unknown_choice');
    expect((await t.call('PUT', `${base}/polls/18/vote`, { key: tokens[3].token, body: { choices: [] } })).status).toBe(400);
    const tally = await t.call('GET', `${base}/polls/18`, { key: s.leadKey });
    expect(tally.json).toMatchObject({ voters: 3, revealed: false, counts: { respect: 2, integrity: 1, competence: 1, authority: 0, 'personal-regard': 0 } });
    const live = views(t, s.code);
    const { participantSharedView } = await import('../domain/views/participant-view.js');
    expect(participantSharedView(live.runtime.state, live.runtime.deck).move).toEqual({ revealed: false });
    expect((await t.call('PUT', `${base}/polls/18/reveal`, { key: tokens[0].token, body: { revealed: true } })).status).toBe(403);
    await t.call('PUT', `${base}/polls/18/reveal`, { key: s.leadKey, body: { revealed: true } });
    expect(participantSharedView(live.runtime.state, live.runtime.deck).move).toMatchObject({ revealed: true, voters: 3, counts: { respect: 2 } });
    // The phone never learns which answers are right.
    expect(JSON.stringify(participantSharedView(live.runtime.state, live.runtime.deck))).not.toContain('correct');
  });
});

describe('reflection and feedback', () => {
  it('keeps a reflection private unless shared; shared ones reach the deck without a name', async () => {
    const { t, s, tokens, base } = await room(2);
    await t.showSlide(s.code, s.leadKey, 26);
    await t.call('PUT', `${base}/reflections/26/mine`, { key: tokens[0].token, body: { text: 'Private thought', shared: false } });
    const shared = await t.call('PUT', `${base}/reflections/26/mine`, { key: tokens[1].token, body: { text: '<b>We agreed</b>', shared: true } });
    expect(shared.status).toBe(200);
    const live = views(t, s.code);
    const { staffView } = await import('../domain/views/staff-view.js');
    const staff = JSON.stringify((staffView(live.runtime.state, live.runtime.deck) as any).reflections);
    expect(staff).toContain('<b>We agreed</b>');
    expect(staff).not.toContain('Private thought');
    expect(staff).not.toContain('P1');
    const hidden = await t.call('PUT', `${base}/reflections/${shared.json.reflectionId}/visibility`, { key: s.supportKey, body: { hidden: true } });
    expect(hidden.json.hidden).toBe(true);
    expect((await t.call('PUT', `${base}/reflections/26/mine`, { key: tokens[0].token, body: { text: '   ', shared: false } })).status).toBe(400);
  });

  it('takes the deck’s feedback form, refuses unknown questions and bad ratings, and summarises it for staff only', async () => {
    const { t, s, tokens, base } = await room(3);
    await t.showSlide(s.code, s.leadKey, 28);
    const form = (ratings: Record<string, number>, comments: Record<string, string> = {}) => ({ ratings, comments });
    expect((await t.call('PUT', `${base}/feedback/28/mine`, { key: tokens[0].token, body: form({ voice: 5, 'objectives-clear': 4 }, { 'worked-well': 'The walls' }) })).status).toBe(200);
    await t.call('PUT', `${base}/feedback/28/mine`, { key: tokens[1].token, body: form({ voice: 3 }) });
    await t.call('PUT', `${base}/feedback/28/mine`, { key: tokens[1].token, body: form({ voice: 4 }, { improve: 'More time' }) });
    expect((await t.call('PUT', `${base}/feedback/28/mine`, { key: tokens[2].token, body: form({ voice: 6 }) })).status).toBe(400);
    expect((await t.call('PUT', `${base}/feedback/28/mine`, { key: tokens[2].token, body: form({ made_up: 3 }) })).json.error.code).toBe('unknown_question');
    expect((await t.call('PUT', `${base}/feedback/28/mine`, { key: tokens[2].token, body: form({}, { improve: '  ' }) })).json.error.code).toBe('empty_feedback');
    expect((await t.call('GET', `${base}/feedback`, { key: tokens[0].token })).status).toBe(403);
    const res = await t.call('GET', `${base}/feedback`, { key: s.leadKey });
    const summary = res.json.summary[0];
    expect(summary.responses).toBe(2);
    expect(summary.ratings.find((r: any) => r.id === 'voice')).toMatchObject({ count: 2, mean: 4.5, distribution: [0, 0, 0, 1, 1] });
    expect(summary.comments.find((c: any) => c.id === 'improve').answers).toEqual([{ text: 'More time', group: 'parent' }]);
    expect(res.json.responses).toHaveLength(2);
    expect(JSON.stringify(res.json)).not.toContain('P1');
    const exported = await t.call('GET', `${base}/exports/session.json`, { key: s.leadKey });
    expect(exported.json.feedback.summary[0].responses).toBe(2);
    expect(exported.json.pacing.sections.length).toBeGreaterThan(0);
  });
});

describe('bad input to the facilitation moves', () => {
  it('answers every malformed, forged or misplaced request with a clear 4xx and changes nothing', async () => {
    const { t, s, tokens, base } = await room(2);
    const p = tokens[0].token;
    await t.showSlide(s.code, s.leadKey, 13);
    await t.call('POST', `${base}/lineup/slides/13/open`, { key: s.leadKey });
    const seqBefore = views(t, s.code).runtime.state.seq;
    const cases: [string, Awaited<ReturnType<typeof t.call>>, number, string?][] = [
      ['no idempotency key', await t.call('POST', `${base}/lineup/answers`, { key: p, body: { month: 1, day: 1 }, op: false }), 400, 'missing_op_id'],
      ['a year as well (unknown field)', await t.call('POST', `${base}/lineup/answers`, { key: p, body: { month: 1, day: 1, year: 1990 } }), 400, 'invalid'],
      ['month 13', await t.call('POST', `${base}/lineup/answers`, { key: p, body: { month: 13, day: 1 } }), 400, 'invalid'],
      ['31 April', await t.call('POST', `${base}/lineup/answers`, { key: p, body: { month: 4, day: 31 } }), 400, 'invalid'],
      ['day as text', await t.call('POST', `${base}/lineup/answers`, { key: p, body: { month: 1, day: 'first' } }), 400, 'invalid'],
      ['malformed JSON', await t.call('POST', `${base}/lineup/answers`, { key: p, raw: '{"month":' }), 400],
      ['no key', await t.call('POST', `${base}/lineup/answers`, { body: { skip: true } }), 401, 'missing_key'],
      ['forged key', await t.call('POST', `${base}/lineup/answers`, { key: `${tokens[0].participantId}.forged`, body: { skip: true } }), 401, 'bad_key'],
      ['participant makes groups', await t.call('POST', `${base}/lineup/slides/13/groups`, { key: p }), 403, 'forbidden'],
      ['participant starts a round', await t.call('POST', `${base}/block-party/13/rounds`, { key: p, body: {} }), 403, 'forbidden'],
      ['unknown session', await t.call('POST', `/api/sessions/ZZZZZZ/lineup/answers`, { key: p, body: { skip: true } }), 404, 'unknown_session'],
      ['groups on a slide without a Block Party', await t.call('POST', `${base}/lineup/slides/12/groups`, { key: s.leadKey }), 400, 'wrong_activity'],
      ['a timer of 1000 minutes', await t.call('POST', `${base}/timers/13`, { key: s.leadKey, body: { action: 'start', minutes: 1000 } }), 400, 'invalid'],
      ['a round-robin turn with no groups', await t.call('POST', `${base}/round-robin/14/turn`, { key: p, body: { from: 0 } }), 409, 'activity_closed'],
      ['a vote before the poll is shown', await t.call('PUT', `${base}/polls/18/vote`, { key: p, body: { choices: ['respect'] } }), 409, 'activity_closed'],
      ['a rating as text', await t.call('PUT', `${base}/feedback/28/mine`, { key: p, body: { ratings: { voice: 'five' }, comments: {} } }), 400, 'invalid'],
      ['a staff poll read by a participant', await t.call('GET', `${base}/polls/18`, { key: p }), 403, 'forbidden'],
    ];
    for (const [name, res, status, code] of cases) {
      expect(res.status, name).toBe(status);
      expect(typeof res.json.error.message, name).toBe('string');
      if (code) expect(res.json.error.code, name).toBe(code);
    }
    expect(views(t, s.code).runtime.state.seq).toBe(seqBefore);
    expect(birthdayBox.size(views(t, s.code).runtime.id)).toBe(0);
  });

  it('keeps markup in a reflection and a group’s notes as plain text, and refuses notes that are too long', async () => {
    const { t, s, tokens, base } = await grouped(4);
    await t.showSlide(s.code, s.leadKey, 14);
    await t.call('POST', `${base}/round-robin/14/start`, { key: s.leadKey });
    const markup = '<img src=x onerror=alert(1)>';
    expect((await t.call('PUT', `${base}/round-robin/14/notes`, { key: tokens[0].token, body: { text: markup } })).status).toBe(200);
    expect((await t.call('PUT', `${base}/round-robin/14/notes`, { key: tokens[0].token, body: { text: 'x'.repeat(2001) } })).json.error.code).toBe('text_too_long');
    const live = views(t, s.code);
    expect(live.runtime.state.moves.roundRobins.get(14)!.groups.get(0)!.notes).toBe(markup);
  });
});
