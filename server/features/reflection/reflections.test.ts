import { describe, expect, it } from 'vitest';
import { staffView } from '../views.js';
import { roomSetup } from '../../../tests/unit/room-setup.js';

const { room } = roomSetup();

describe('reflections', () => {
  it('keeps a reflection private unless shared; shared ones reach the deck without a name', async () => {
    const { t, s, tokens, base } = await room(2);
    await t.showSlide(s.code, s.leadKey, 26);
    await t.call('PUT', `${base}/reflections/26/mine`, { key: tokens[0].token, body: { text: 'Private thought', shared: false } });
    const shared = await t.call('PUT', `${base}/reflections/26/mine`, { key: tokens[1].token, body: { text: '<b>We agreed</b>', shared: true } });
    expect(shared.status).toBe(200);
    const live = t.registry.get(s.code)!;
        const staff = JSON.stringify((staffView(live.runtime.state, live.runtime.deck) as any).reflections);
    expect(staff).toContain('<b>We agreed</b>');
    expect(staff).not.toContain('Private thought');
    expect(staff).not.toContain('P1');
    const reflections = () => (staffView(live.runtime.state, live.runtime.deck) as any).reflections[26].shared as { text: string; approved: boolean; hidden: boolean }[];
    // Shared, but waiting for a facilitator: not approved until one taps.
    expect(reflections()).toMatchObject([{ text: '<b>We agreed</b>', approved: false, hidden: false }]);
    expect((await t.call('POST', `${base}/reflections/${shared.json.reflectionId}/approve`, { key: tokens[0].token })).status).toBe(403);
    expect((await t.call('POST', `${base}/reflections/${shared.json.reflectionId}/approve`, { key: s.supportKey })).json.approved).toBe(1);
    expect(reflections()[0].approved).toBe(true);
    // New words wait again; "show all" lets every waiting one on the slide through.
    await t.call('PUT', `${base}/reflections/26/mine`, { key: tokens[1].token, body: { text: 'We agreed, mostly', shared: true } });
    expect(reflections()[0]).toMatchObject({ text: 'We agreed, mostly', approved: false });
    expect((await t.call('POST', `${base}/reflections/26/approve-all`, { key: s.leadKey })).json.approved).toBe(1);
    expect(reflections()[0].approved).toBe(true);
    const hidden = await t.call('PUT', `${base}/reflections/${shared.json.reflectionId}/visibility`, { key: s.supportKey, body: { hidden: true } });
    expect(hidden.json.hidden).toBe(true);
    expect((await t.call('PUT', `${base}/reflections/26/mine`, { key: tokens[0].token, body: { text: '   ', shared: false } })).status).toBe(400);
  });
});
