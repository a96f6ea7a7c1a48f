import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { AGREEMENT_LIMITS } from './agreement-commands.js';
import { galleryReady } from '../../../tests/unit/gallery-setup.js';
import { testApp } from '../../../tests/unit/test-app.js';
import { AGREEMENT_PDF_RATE } from './agreement-routes.js';

type App = ReturnType<typeof testApp>;
const opened: App[] = [];
afterEach(() => {
  for (const t of opened.splice(0)) t.close();
});
const track = <T extends { t: App }>(ready: T) => (opened.push(ready.t), ready);

/** A GET of the agreement PDF as it arrives from a device at `address` (the per-address limit keys on it). */
async function pdfFrom(t: App, code: string, address: string, init: { size?: string; etag?: string } = {}) {
  const query = init.size ? `?size=${init.size}` : '';
  const headers: Record<string, string> = init.etag ? { 'if-none-match': init.etag } : {};
  const res = await t.app.request(`/api/sessions/${code}/agreement/pdf${query}`, { headers }, { incoming: { socket: { remoteAddress: address, remotePort: 50000, remoteFamily: 'IPv4' } } });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, body, etag: res.headers.get('etag'), headers: res.headers, json: () => JSON.parse(body.toString()) };
}

/** The seq part of an ETag `W/"agreement-<seq>-<variant>-<digest>"`. */
const versionOf = (etag: string | null) => Number(/agreement-(\d+)-/.exec(etag ?? '')?.[1]);

function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString();
}

/** An agreement at every length limit: the slowest one to lay out. */
function longestAgreement() {
  const words = (n: number, seed: number) => Array.from({ length: n }, (_, i) => ['families', 'listen', 'together', 'every', 'voice', 'teachers', 'share', 'weekly'][(i * seed) % 8]).join(' ');
  return {
    schoolName: 'Lincoln Elementary School of the Arts and Sciences',
    definition: words(200, 3).slice(0, AGREEMENT_LIMITS.definition),
    agreements: Array.from({ length: AGREEMENT_LIMITS.items }, (_, i) => words(90, i + 1).slice(0, AGREEMENT_LIMITS.statement)),
    examples: Array.from({ length: AGREEMENT_LIMITS.items }, (_, i) => words(90, i + 2).slice(0, AGREEMENT_LIMITS.statement)),
  };
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('the agreement PDF', () => {
  it('is drawn once per version: a roomful of concurrent requests share one render, stickers do not change it, and a repeat fetch gets 304', async () => {
    const { t, code, leadKey, phones, cardsOn, sticker } = track(await galleryReady(3));
    const edit = await t.call('PUT', `/api/sessions/${code}/agreement`, { key: leadKey, body: { agreements: ['Start on time', 'Listen first'], definition: 'Partnership means sharing the work' } });
    const editedAt = Number(edit.headers.get('x-log-seq'));

    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => pdfFrom(t, code, `10.0.0.${i + 1}`)));
    expect(answers.map((a) => a.status)).toEqual(Array(30).fill(200));
    expect(t.agreementPdfs.renders).toBe(1);
    expect(new Set(answers.map((a) => a.etag)).size).toBe(1);
    expect(answers.every((a) => a.body.equals(answers[0].body))).toBe(true);
    // The version is the log position of the edit, not wherever the log has got to.
    expect(versionOf(answers[0].etag)).toBe(editedAt);

    // The room keeps voting: the log moves on, the agreement does not.
    await sticker(phones[0].token, cardsOn('agreements').find((id) => id !== cardsOn('agreements')[0])!);
    await t.showSlide(code, leadKey, 24);
    const later = await pdfFrom(t, code, '10.0.1.1');
    expect(t.registry.get(code)!.runtime.state.seq).toBeGreaterThan(editedAt);
    expect(later.etag).toBe(answers[0].etag);
    expect(t.agreementPdfs.renders).toBe(1);

    const again = await pdfFrom(t, code, '10.0.1.2', { etag: answers[0].etag! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.get('etag')).toBe(answers[0].etag);
    expect(t.agreementPdfs.renders).toBe(1);
  });

  it('an edit makes a new version with a new render that shows it; each paper size is its own render', async () => {
    const { t, code, leadKey } = track(await galleryReady(2));
    await t.call('PUT', `/api/sessions/${code}/agreement`, { key: leadKey, body: { agreements: ['Start on time', 'Listen first'] } });
    await t.call('PUT', `/api/sessions/${code}/preparation/values`, { key: leadKey, body: { nextMeeting: '2027-03-03T18:00' } });
    const first = await pdfFrom(t, code, '10.0.0.1');
    expect(pdfText(first.body)).toContain('March 3, 2027 at 6:00 PM');

    await t.call('PUT', `/api/sessions/${code}/agreement`, { key: leadKey, body: { examples: ['Teachers call home with good news — “juntos”'] } });
    const edit = await t.call('PUT', `/api/sessions/${code}/preparation/values`, { key: leadKey, body: { nextMeeting: '2027-04-14T17:30' } });
    const second = await pdfFrom(t, code, '10.0.0.1', { etag: first.etag! });
    expect(second.status).toBe(200);
    expect(second.etag).not.toBe(first.etag);
    expect(versionOf(second.etag)).toBe(Number(edit.headers.get('x-log-seq')));
    expect(t.agreementPdfs.renders).toBe(2);
    const text = pdfText(second.body);
    expect(text).toContain('April 14, 2027 at 5:30 PM');
    expect(text).toContain('juntos');
    expect(text).toContain('Listen first');
    expect(text).not.toContain('March 3');

    // A new stakeholder group joining changes "Built together by …": a new version too.
    await t.joinAs(code, 'Ana', 'administrator');
    const third = await pdfFrom(t, code, '10.0.0.1');
    expect(third.etag).not.toBe(second.etag);
    expect(pdfText(third.body)).toContain('administrators');

    const a4 = await pdfFrom(t, code, '10.0.0.1', { size: 'a4' });
    expect(a4.status).toBe(200);
    expect(a4.etag).not.toBe(third.etag);
    expect(t.agreementPdfs.renders).toBe(4);
    // Only the newest version is held: both sizes of it.
    expect(t.agreementPdfs.cache.heldFor(t.registry.get(code)!.runtime.id)).toBe(2);
  });

  it('is drawn off the event loop: while the longest agreement renders, the loop stays free for everyone else', async () => {
    const t = testApp();
    opened.push(t);
    const { code, leadKey } = await t.startSession();
    // A first, small render starts the renderer thread; what is measured is a render, not a start.
    expect((await pdfFrom(t, code, '10.0.0.1')).status).toBe(200);
    // Sent in two parts: the whole of it is larger than one request body may be.
    const { examples, ...rest } = longestAgreement();
    for (const part of [rest, { examples }]) expect((await t.call('PUT', `/api/sessions/${code}/agreement`, { key: leadKey, body: part })).status).toBe(200);

    const before = performance.eventLoopUtilization();
    const [letter, a4] = await Promise.all([pdfFrom(t, code, '10.0.0.1'), pdfFrom(t, code, '10.0.0.1', { size: 'a4' })]);
    const busy = performance.eventLoopUtilization(before).utilization;
    expect([letter.status, a4.status]).toEqual([200, 200]);
    expect(t.agreementPdfs.renders).toBe(3);
    expect(letter.body.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
    // The share of the time the loop was running code rather than waiting for work. Drawn
    // on this thread, pdfkit holds it at 1 for the whole render; on the renderer thread it
    // stays low. (A timer's lateness would say the same, but it also grows when other
    // processes crowd the machine's cores, which this does not.)
    expect(busy).toBeLessThan(0.5);
  });

  it(`allows ${AGREEMENT_PDF_RATE.burst} downloads at once per address, then answers 429 with Retry-After`, async () => {
    const t = testApp();
    opened.push(t);
    const { code } = await t.startSession();
    const answers = await Promise.all(Array.from({ length: AGREEMENT_PDF_RATE.burst + 5 }, () => pdfFrom(t, code, '10.0.0.7')));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(AGREEMENT_PDF_RATE.burst);
    const refused = answers.at(-1)!;
    expect(answers.filter((a) => a.status === 429)).toHaveLength(5);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.json().error.code).toBe('too_fast');
    // Another phone in the room is not held back.
    expect((await pdfFrom(t, code, '10.0.0.8')).status).toBe(200);
    expect(t.agreementPdfs.renders).toBe(1);
  });

  it('answers 503 with Retry-After when the renderers and their queue are full, and serves the same requests once they drain', async () => {
    const t = testApp({ agreementPdfs: { pool: { threads: 1, maxWaiting: 1 } } });
    opened.push(t);
    const sessions = [await t.startSession('Adams'), await t.startSession('Baker')];
    // Four different PDFs (two sessions, two sizes): one is drawn, one waits, two are refused.
    const wanted = sessions.flatMap(({ code }) => [{ code, size: 'letter' }, { code, size: 'a4' }]);
    const answers = await Promise.all(wanted.map((w, i) => pdfFrom(t, w.code, `10.0.0.${i + 1}`, { size: w.size })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 503, 503]);
    for (const busy of answers.filter((a) => a.status === 503)) {
      expect(busy.headers.get('retry-after')).toBe('2');
      expect(busy.json().error.code).toBe('busy');
    }
    const retried = await Promise.all(wanted.map(async (w, i) => (answers[i].status === 503 ? pdfFrom(t, w.code, `10.0.0.${i + 1}`, { size: w.size }) : answers[i])));
    expect(retried.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(t.agreementPdfs.renders).toBe(4);
  });

  it('survives its renderer crashing: the render is tried once more on a new thread; a second crash is a clear 500, and the next request works', async () => {
    const t = testApp();
    opened.push(t);
    const { code, leadKey } = await t.startSession();
    await t.call('PUT', `/api/sessions/${code}/agreement`, { key: leadKey, body: { agreements: ['Start on time'] } });
    const pool = t.agreementPdfs.pool;

    const retried = pdfFrom(t, code, '10.0.0.1');
    await until(() => pool.pending === 1 && pool.threads().length === 1);
    await pool.threads()[0].terminate();
    const ok = await retried;
    expect(ok.status).toBe(200);
    expect(pdfText(ok.body)).toContain('Start on time');
    expect(pool.crashes).toBe(1);
    expect(pool.started).toBe(2);

    await t.call('PUT', `/api/sessions/${code}/agreement`, { key: leadKey, body: { agreements: ['Listen first'] } });
    const failing = pdfFrom(t, code, '10.0.0.1');
    for (const startedBefore of [2, 3]) {
      await until(() => pool.pending === 1 && pool.started === startedBefore);
      await pool.threads()[0].terminate();
    }
    const failed = await failing;
    expect(failed.status).toBe(500);
    expect(failed.json()).toEqual({ error: { code: 'pdf_failed', message: 'The PDF could not be made. Please try again.' } });
    expect((await t.call('GET', '/healthz')).status).toBe(200);

    const after = await pdfFrom(t, code, '10.0.0.1');
    expect(after.status).toBe(200);
    expect(pdfText(after.body)).toContain('Listen first');
  });

  it('stops a render that runs past its time limit and answers a clear 500 (no second try)', async () => {
    const t = testApp({ agreementPdfs: { pool: { timeoutMs: 1 } } });
    opened.push(t);
    const { code } = await t.startSession();
    const late = await pdfFrom(t, code, '10.0.0.1');
    expect(late.status).toBe(500);
    expect(late.json().error.code).toBe('pdf_failed');
    expect(t.agreementPdfs.pool.crashes).toBe(1);
    expect(t.agreementPdfs.pool.started).toBe(1);
  });

  it('lets go of a deleted session’s PDFs', async () => {
    // The sweep is slow here: deleting the session must drop its PDFs at once.
    const t = testApp({ agreementPdfs: { sweepMs: 60_000 } });
    opened.push(t);
    const { code } = await t.startSession();
    const id = t.registry.get(code)!.runtime.id;
    expect((await pdfFrom(t, code, '10.0.0.1')).status).toBe(200);
    expect(t.agreementPdfs.cache.heldFor(id)).toBe(1);
    expect((await t.call('DELETE', `/api/sessions/${code}`, { key: t.operatorKey })).status).toBe(200);
    expect(t.agreementPdfs.cache.heldFor(id)).toBe(0);
    expect(t.agreementPdfs.cache.bytes).toBe(0);
  });
});
