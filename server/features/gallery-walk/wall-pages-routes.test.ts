import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { galleryReady } from '../../../tests/unit/gallery-setup.js';
import { participantSharedView } from '../views.js';
import { WALL_PAGE_SIZE } from './wall-listing.js';

/** A gallery walk whose first wall holds more than two pages of cards (paper cards typed in by the support facilitator). */
async function longWall(extra = WALL_PAGE_SIZE * 2) {
  const ready = await galleryReady(3);
  const { t, code, supportKey } = ready;
  for (let i = 0; i < extra; i++) await t.call('POST', `/api/sessions/${code}/gallery/paper-cards`, { key: supportKey, body: { wall: 'agreements', text: `Paper card ${i}` } });
  const page = (n: number, key = ready.phones[0].token, headers: Record<string, string> = {}) =>
    t.app.request(`/api/sessions/${code}/walls/agreements/pages/${n}`, { headers: { authorization: `Bearer ${key}`, ...headers } });
  return { ...ready, page, total: 3 + extra };
}

describe('walls read a page at a time', () => {
  it('the stream carries each wall’s count and tag, not its cards', async () => {
    const { runtime, total, t } = await longWall();
    const gallery = participantSharedView(runtime.state, runtime.deck).gallery!;
    const agreements = gallery.walls.find((w) => w.id === 'agreements')!;
    expect(agreements.cards).toBe(total);
    expect(agreements.pages).toBe(Math.ceil(total / WALL_PAGE_SIZE));
    expect(JSON.stringify(gallery)).not.toContain('Paper card');
    t.close();
  });

  it('pages follow one another in the order written, and past the end a page is empty', async () => {
    const { page, total, t } = await longWall();
    const read = async (n: number) => (await (await page(n)).json()) as { page: number; cards: { id: string; text: string }[] };
    const pages = await Promise.all([0, 1, 2].map(read));
    expect(pages[0].cards).toHaveLength(WALL_PAGE_SIZE);
    expect(pages.flatMap((p) => p.cards)).toHaveLength(total);
    expect(pages[0].cards[0].text).toBe('Agreement 0');
    expect(pages[0].cards[3].text).toBe('Paper card 0');
    expect(new Set(pages.flatMap((p) => p.cards.map((c) => c.id))).size).toBe(total);
    expect((await read(9)).cards).toEqual([]);
    t.close();
  });

  it('an unchanged page answers 304 to its tag; a hidden card changes the pages and the stream’s tag', async () => {
    const { page, runtime, t, code, supportKey } = await longWall();
    const first = await page(0);
    const etag = first.headers.get('etag')!;
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    expect((await page(0, undefined, { 'if-none-match': etag })).status).toBe(304);
    const tagBefore = participantSharedView(runtime.state, runtime.deck).gallery!.walls[0].tag;
    const hidden = ((await first.json()) as { cards: { id: string }[] }).cards[1].id;
    await t.call('PUT', `/api/sessions/${code}/cards/${hidden}/visibility`, { key: supportKey, body: { hidden: true } });
    const after = await page(0, undefined, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(JSON.stringify(await after.json())).not.toContain(hidden);
    expect(participantSharedView(runtime.state, runtime.deck).gallery!.walls[0].tag).not.toBe(tagBefore);
    t.close();
  });

  it('is gzipped for a client that accepts it, to a fraction of its size', async () => {
    const { page, t } = await longWall();
    const plain = new Uint8Array(await (await page(0)).arrayBuffer());
    const zipped = await page(0, undefined, { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    const bytes = new Uint8Array(await zipped.arrayBuffer());
    expect(gunzipSync(bytes).toString()).toBe(Buffer.from(plain).toString());
    expect(bytes.byteLength).toBeLessThan(plain.byteLength / 2);
    t.close();
  });

  it('phones read the walls only while the walk is on screen; strangers and unknown walls are refused', async () => {
    const { page, t, code, leadKey, phones } = await longWall(0);
    expect((await page(0, 'participant.forged')).status).toBe(401);
    const unknown = await t.app.request(`/api/sessions/${code}/walls/nowhere/pages/0`, { headers: { authorization: `Bearer ${phones[0].token}` } });
    expect(unknown.status).toBe(404);
    expect((await page(-1)).status).toBe(400);
    await t.showSlide(code, leadKey, 24);
    const later = await page(0);
    expect(later.status).toBe(409);
    expect(((await later.json()) as { error: { code: string } }).error.code).toBe('walls_not_shown');
    expect((await page(0, leadKey)).status).toBe(200);
    t.close();
  });
});
