import { describe, expect, it } from 'vitest';
import { roomSetup } from '../../../tests/unit/room-setup.js';

const { room } = roomSetup();

describe('feedback', () => {
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
