import { describe, expect, it } from 'vitest';
import { participantSharedView } from '../views.js';
import { roomSetup } from '../../../tests/unit/room-setup.js';

const { room } = roomSetup();

describe('Block Party rounds', () => {
  it('runs rounds with the deck’s round timer and prompts', async () => {
    const { t, s, base } = await room(2);
    await t.showSlide(s.code, s.leadKey, 13);
    const r1 = await t.call('POST', `${base}/block-party/13/rounds`, { key: s.leadKey, body: {} });
    expect(r1.json.round).toBe(1);
    const r2 = await t.call('POST', `${base}/block-party/13/rounds`, { key: s.leadKey, body: {} });
    expect(r2.json.round).toBe(2);
    const live = t.registry.get(s.code)!;
        const shared = participantSharedView(live.runtime.state, live.runtime.deck);
    expect(shared.move).toMatchObject({ round: 2, prompt: 'Find a new partner', lineup: 'none' });
    expect(shared.timer).toMatchObject({ label: '', round: 2, durationMs: 2 * 60_000, running: true });
  });
});
