import { describe, expect, it } from 'vitest';
import { birthdayBox } from '../../server/features/lineup/birthday-box.js';
import { roomSetup } from './room-setup.js';

const { room } = roomSetup();

describe('bad input to the facilitation moves', () => {
  it('answers every malformed, forged or misplaced request with a clear 4xx and changes nothing', async () => {
    const { t, s, tokens, base } = await room(2);
    const p = tokens[0].token;
    await t.showSlide(s.code, s.leadKey, 13);
    await t.call('POST', `${base}/lineup/slides/13/open`, { key: s.leadKey });
    const seqBefore = t.registry.get(s.code)!.runtime.state.seq;
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
    expect(t.registry.get(s.code)!.runtime.state.seq).toBe(seqBefore);
    expect(birthdayBox.size(t.registry.get(s.code)!.runtime.id)).toBe(0);
  });
});
