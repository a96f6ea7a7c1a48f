import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { testApp } from '../../../tests/unit/test-app.js';

type App = ReturnType<typeof testApp>;
const opened: App[] = [];
afterEach(() => {
  for (const t of opened.splice(0)) t.close();
});

async function session() {
  const t = testApp();
  opened.push(t);
  return { t, ...(await t.startSession()) };
}

async function pdfText(t: App, code: string): Promise<string> {
  const res = await t.app.request(`/api/sessions/${code}/agreement/pdf`);
  expect(res.status).toBe(200);
  return execFileSync('pdftotext', ['-', '-'], { input: Buffer.from(await res.arrayBuffer()) }).toString();
}

/**
 * Slide 27 says "copies at our next meeting on …" and the printed agreement says it too:
 * one fact, entered once (on the preparation page or the notes view), never a second field
 * of the agreement's own that could say another date.
 */
describe("the agreement's next meeting", () => {
  it('is the prepared next meeting: the page and the PDF show it, written out, and a change made after a download reaches the next download', async () => {
    const { t, code, leadKey, supportKey } = await session();
    const base = `/api/sessions/${code}`;
    // A PDF downloaded before the next meeting is known (the renderer keeps it as the current version).
    expect(await pdfText(t, code)).not.toContain('next meeting');

    await t.call('PUT', `${base}/preparation/values`, { key: leadKey, body: { nextMeeting: '2027-04-13T18:30' } });
    expect((await t.call('GET', `${base}/agreement`)).json.agreement.nextMeeting).toBe('2027-04-13T18:30');
    expect(await pdfText(t, code)).toContain('Copies at our next meeting: Tuesday, April 13, 2027 at 6:30 PM');

    // Moved on the notes view (the same values, by the support facilitator): the agreement follows.
    await t.call('PUT', `${base}/preparation/values`, { key: supportKey, body: { nextMeeting: '2027-05-04' } });
    const text = await pdfText(t, code);
    expect(text).toContain('Copies at our next meeting: Tuesday, May 4, 2027');
    expect(text).not.toContain('April 13');
    // Slide 27 says the same date.
    const deck = (await t.call('GET', `${base}/deck`, { key: leadKey })).json;
    expect(deck.slides[26].html).toContain('next meeting on Tuesday, May 4, 2027');
  });

  it('has no second field on the agreement: editing the wording cannot set another next meeting', async () => {
    const { t, code, leadKey } = await session();
    const base = `/api/sessions/${code}`;
    await t.call('PUT', `${base}/preparation/values`, { key: leadKey, body: { nextMeeting: '2027-04-13' } });
    const refused = await t.call('PUT', `${base}/agreement`, { key: leadKey, body: { definition: 'We share the work.', nextMeeting: 'some other day' } });
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe('invalid');
    const edited = await t.call('PUT', `${base}/agreement`, { key: leadKey, body: { definition: 'We share the work.' } });
    expect(edited.json.agreement.nextMeeting).toBe('2027-04-13');
  });

  it('from a log written when the agreement had its own next meeting, replays as the one next meeting', async () => {
    const { t, code, leadKey } = await session();
    const runtime = t.registry.get(code)!.runtime;
    // What the builder's free-text field wrote before: an agreement edit carrying a next meeting.
    t.store.append(runtime.id, runtime.state.seq + 1, { role: 'lead' }, [{ type: 'agreement.edited', data: { changes: { nextMeeting: 'after spring break, in the library' } } }], Date.now());
    const again = t.restart();
    opened.splice(opened.indexOf(t), 1, again);
    const read = await again.call('GET', `/api/sessions/${code}/preparation`, { key: leadKey });
    expect(read.json.values.nextMeeting).toBe('after spring break, in the library');
    expect(await pdfText(again, code)).toContain('Copies at our next meeting: after spring break, in the library');
  });
});
