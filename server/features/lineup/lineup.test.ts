import { describe, expect, it } from 'vitest';
import { participantOwnView } from '../views.js';
import { birthdayBox } from './birthday-box.js';
import { roomSetup } from '../../../tests/unit/room-setup.js';

const { room } = roomSetup();

describe('the birthday line-up', () => {
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
    const live = t.registry.get(s.code)!;
    expect(birthdayBox.size(live.runtime.id)).toBe(8);
    const made = await t.call('POST', `${base}/lineup/slides/13/groups`, { key: s.leadKey });
    expect(made.status).toBe(201);
    expect(made.json.groups).toEqual([4, 4]);
    const groups = live.runtime.state.lineup!.groups!;
    const order = [...tokens].reverse().map((p) => p.participantId);
    expect(groups).toEqual([order.slice(0, 4), order.slice(4)]);
    // The day is gone: not in memory, not in the log, not on disk.
    expect(birthdayBox.size(live.runtime.id)).toBe(0);
    const log = JSON.stringify(t.store.readEvents(live.runtime.id));
    expect(log).not.toMatch(/"month"|"day"/);
    // Each phone sees its own group number and its members' first names only.
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
    const state = t.registry.get(s.code)!.runtime.state;
    expect(state.lineup!.groups!.flat().sort()).toEqual(tokens.map((p) => p.participantId).sort());
    const late = await t.joinAs(s.code, 'Late');
    const joined = await t.call('POST', `${base}/lineup/join`, { key: late.token });
    expect(joined.json).toEqual({ grouped: true, group: 2 });
    expect(state.lineup!.groups!.map((g) => g.length)).toEqual([5, 5]);
    // A birthday sent after grouping places the person and is never kept.
    const later = await t.joinAs(s.code, 'Later');
    const answered = await t.call('POST', `${base}/lineup/answers`, { key: later.token, body: { month: 6, day: 6 } });
    expect(answered.json).toEqual({ grouped: true, group: 1 });
    expect(birthdayBox.size(t.registry.get(s.code)!.runtime.id)).toBe(0);
    const moved = await t.call('PUT', `${base}/lineup/members/${late.participantId}`, { key: s.leadKey, body: { group: 1 } });
    expect(moved.status).toBe(200);
    expect(state.lineup!.groups![0]).toContain(late.participantId);
    expect((await t.call('PUT', `${base}/lineup/members/${late.participantId}`, { key: late.token, body: { group: 2 } })).status).toBe(403);
    expect((await t.call('PUT', `${base}/lineup/members/nobody`, { key: s.leadKey, body: { group: 2 } })).status).toBe(404);
    const regrouped = await t.call('POST', `${base}/lineup/regroup`, { key: s.leadKey });
    // 11 people cannot all be in groups of 4–5: two groups, none below 4.
    expect(regrouped.json.groups).toEqual([6, 5]);
  });
});
