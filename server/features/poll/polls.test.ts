import { describe, expect, it } from 'vitest';
import { participantSharedView } from '../views.js';
import { roomSetup } from '../../../tests/unit/room-setup.js';

const { room } = roomSetup();

describe('polls', () => {
  it('tallies votes from the votes themselves, counts a changed vote once, and shows bars to phones only after the reveal', async () => {
    const { t, s, tokens, base } = await room(4);
    expect((await t.call('PUT', `${base}/polls/18/vote`, { key: tokens[0].token, body: { choices: ['respect'] } })).status).toBe(409);
    await t.showSlide(s.code, s.leadKey, 18);
    // The deck opens this poll by hand: shown, it still takes no vote until a facilitator opens it.
    expect((await t.call('PUT', `${base}/polls/18/vote`, { key: tokens[0].token, body: { choices: ['respect'] } })).json.error.code).toBe('activity_closed');
    await t.call('PUT', `${base}/activities/18`, { key: s.supportKey, body: { open: true } });
    // Coming back to the slide later does not close it again.
    await t.showSlide(s.code, s.leadKey, 19);
    await t.showSlide(s.code, s.leadKey, 18);
    await t.call('PUT', `${base}/polls/18/vote`, { key: tokens[0].token, body: { choices: ['respect', 'integrity'] } });
    await t.call('PUT', `${base}/polls/18/vote`, { key: tokens[1].token, body: { choices: ['respect'] } });
    await t.call('PUT', `${base}/polls/18/vote`, { key: tokens[2].token, body: { choices: ['authority'] } });
    await t.call('PUT', `${base}/polls/18/vote`, { key: tokens[2].token, body: { choices: ['competence'] } });
    expect((await t.call('PUT', `${base}/polls/18/vote`, { key: tokens[3].token, body: { choices: ['nonsense'] } })).json.error.code).toBe('unknown_choice');
    expect((await t.call('PUT', `${base}/polls/18/vote`, { key: tokens[3].token, body: { choices: [] } })).status).toBe(400);
    const tally = await t.call('GET', `${base}/polls/18`, { key: s.leadKey });
    expect(tally.json).toMatchObject({ voters: 3, revealed: false, counts: { respect: 2, integrity: 1, competence: 1, authority: 0, 'personal-regard': 0 } });
    const live = t.registry.get(s.code)!;
        expect(participantSharedView(live.runtime.state, live.runtime.deck).move).toEqual({ revealed: false });
    expect((await t.call('PUT', `${base}/polls/18/reveal`, { key: tokens[0].token, body: { revealed: true } })).status).toBe(403);
    await t.call('PUT', `${base}/polls/18/reveal`, { key: s.leadKey, body: { revealed: true } });
    expect(participantSharedView(live.runtime.state, live.runtime.deck).move).toMatchObject({ revealed: true, voters: 3, counts: { respect: 2 } });
    // The phone never learns which answers are right.
    expect(JSON.stringify(participantSharedView(live.runtime.state, live.runtime.deck))).not.toContain('correct');
  });
});
