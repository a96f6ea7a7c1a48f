import { describe, expect, it, vi } from 'vitest';
import { participantOwnView, staffView } from '../views.js';
import { roomSetup } from '../../../tests/unit/room-setup.js';

const { grouped } = roomSetup();

describe('round robin', () => {
  it('gives each group its turn order, passes turns once per tap, and moves on when a turn runs out', async () => {
    const { t, s, tokens, base } = await grouped(8);
    vi.useFakeTimers({ now: 5_000_000, toFake: ['Date'] });
    await t.showSlide(s.code, s.leadKey, 14);
    expect((await t.call('POST', `${base}/round-robin/14/turn`, { key: tokens[0].token, body: { from: 0 } })).json.error.code).toBe('not_started');
    expect((await t.call('POST', `${base}/round-robin/14/start`, { key: s.leadKey })).status).toBe(200);
    const live = t.registry.get(s.code)!;
        const own = (i: number) => participantOwnView(live.runtime.state, live.runtime.deck, tokens[i].participantId).myMoves as any;
    expect(own(0).group.members.map((m: any) => m.name)).toEqual(['P0', 'P1', 'P2', 'P3']);
    expect(own(0).group.roundRobins[14]).toMatchObject({ turn: 0, recorder: 0, turnMs: 120_000 });
    // Two members tap "next" for turn 0 at once: the turn moves once, to P1.
    expect((await t.call('POST', `${base}/round-robin/14/turn`, { key: tokens[0].token, body: { from: 0 } })).json.turn).toBe(1);
    expect((await t.call('POST', `${base}/round-robin/14/turn`, { key: tokens[2].token, body: { from: 0 } })).json.turn).toBe(1);
    expect(own(3).group.roundRobins[14].turn).toBe(1);
    // The other group is untouched.
    expect(own(4).group.roundRobins[14].turn).toBe(0);
    // P1's two minutes run out: it is P2's turn without anyone tapping. Only P2 ends it by a tap.
    vi.setSystemTime(5_000_000 + 2 * 60_000 + 1000);
    const notMine = await t.call('POST', `${base}/round-robin/14/turn`, { key: tokens[1].token, body: { from: 2 } });
    expect(notMine.status).toBe(403);
    expect(notMine.json.error.code).toBe('not_your_turn');
    expect((await t.call('POST', `${base}/round-robin/14/turn`, { key: tokens[2].token, body: { from: 2 } })).json.turn).toBe(3);
    // A facilitator ends a turn for a group (P3 stepped out); a participant cannot use that route.
    expect((await t.call('POST', `${base}/round-robin/14/groups/1/turn`, { key: tokens[0].token, body: { from: 3 } })).status).toBe(403);
    expect((await t.call('POST', `${base}/round-robin/14/groups/1/turn`, { key: s.supportKey, body: { from: 3 } })).json.turn).toBe(4);
    expect(own(0).group.roundRobins[14].turn).toBe(4);
    expect((await t.call('POST', `${base}/round-robin/14/groups/9/turn`, { key: s.leadKey, body: { from: 0 } })).status).toBe(404);
    // The recorder writes the group's ideas; the group sees them; another member may not write them.
    expect((await t.call('PUT', `${base}/round-robin/14/notes`, { key: tokens[1].token, body: { text: 'x' } })).status).toBe(403);
    expect((await t.call('PUT', `${base}/round-robin/14/notes`, { key: tokens[0].token, body: { text: 'We all listen first.' } })).status).toBe(200);
    expect(own(2).group.roundRobins[14].notes).toBe('We all listen first.');
    expect(own(5).group.roundRobins[14].notes).toBe('');
    await t.call('PUT', `${base}/round-robin/14/recorder`, { key: tokens[2].token });
    expect(own(0).group.roundRobins[14].recorder).toBe(2);
        const staff = staffView(live.runtime.state, live.runtime.deck) as any;
    expect(staff.roundRobins[14].groups.map((g: any) => g.notes)).toEqual(['We all listen first.', '']);
  });

  it('keeps markup in a reflection and a group’s notes as plain text, and refuses notes that are too long', async () => {
    const { t, s, tokens, base } = await grouped(4);
    await t.showSlide(s.code, s.leadKey, 14);
    await t.call('POST', `${base}/round-robin/14/start`, { key: s.leadKey });
    const markup = '<img src=x onerror=alert(1)>';
    expect((await t.call('PUT', `${base}/round-robin/14/notes`, { key: tokens[0].token, body: { text: markup } })).status).toBe(200);
    expect((await t.call('PUT', `${base}/round-robin/14/notes`, { key: tokens[0].token, body: { text: 'x'.repeat(2001) } })).json.error.code).toBe('text_too_long');
    const live = t.registry.get(s.code)!;
    expect(live.runtime.state.roundRobins.get(14)!.groups.get(0)!.notes).toBe(markup);
  });
});
