import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testApp } from '../../../tests/unit/test-app.js';
import { TINY_JPEG, TINY_PNG } from './test-images.js';

type App = ReturnType<typeof testApp>;
let apps: App[] = [];
afterEach(() => {
  for (const a of apps) a.close();
  apps = [];
});

async function session() {
  const t = testApp();
  apps.push(t);
  const s = await t.startSession();
  return { t, s, base: `/api/sessions/${s.code}` };
}

/** Raw bytes as the preparation page uploads them. */
async function upload(t: App, path: string, key: string, bytes: Uint8Array, type = 'image/png') {
  const res = await t.app.request(path, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': type }, body: new Blob([new Uint8Array(bytes)]) });
  return { status: res.status, json: (await res.json()) };
}

describe('preparation', () => {
  it('lists the deck’s customisable fields, stores a quote, and the projected deck shows it in place of nothing', async () => {
    const { t, s, base } = await session();
    const listed = await t.call('GET', `${base}/preparation`, { key: s.leadKey });
    expect(listed.status).toBe(200);
    expect(listed.json.languages).toEqual(['en', 'es']);
    expect(listed.json.fields.map((f: { id: string; slide: number }) => `${f.slide}:${f.id}`)).toContain('16:boundary-dynamics-text');
    const before = (await t.call('GET', `${base}/deck`, { key: s.leadKey })).json.slides[15];
    expect(before.unfilled.map((u: { id: string }) => u.id)).toEqual(['boundary-dynamics-text']);
    expect(before.html).not.toMatch(/Placeholder/i);

    const value = { kind: 'quote', text: { en: 'Boundaries are where families and schools meet.' }, source: { en: 'A. Author, Boundary Dynamics, 2001, p. 4' } };
    expect((await t.call('PUT', `${base}/preparation/fields/boundary-dynamics-text`, { key: s.leadKey, body: { value } })).status).toBe(200);
    const after = (await t.call('GET', `${base}/deck`, { key: s.leadKey })).json.slides[15];
    expect(after.unfilled).toEqual([]);
    expect(after.html).toContain('Boundaries are where families and schools meet.');
    expect(after.html).toContain('A. Author, Boundary Dynamics, 2001, p. 4');
    // It is in the log: a restart keeps it.
    const again = t.restart();
    apps.push(again);
    expect((await again.call('GET', `${base}/preparation`, { key: s.leadKey })).json.filled['boundary-dynamics-text']).toEqual(value);
  });

  it('writes the school, the next meeting and future dates into slides 27 and 28', async () => {
    const { t, s, base } = await session();
    const put = await t.call('PUT', `${base}/preparation/values`, { key: s.supportKey, body: { schoolName: 'Roosevelt Middle', nextMeeting: '2026-04-02T18:30', futureDates: ['2026-05-07', '2026-06-04'] } });
    expect(put.status).toBe(200);
    const deck = (await t.call('GET', `${base}/deck`, { key: s.leadKey })).json;
    expect(deck.slides[26].html).toMatch(/April 2, 2026/);
    expect(deck.slides[27].html).toMatch(/May 7, 2026/);
    expect(deck.slides[27].html).toMatch(/June 4, 2026/);
    expect(t.registry.get(s.code)!.runtime.state.schoolName).toBe('Roosevelt Middle');
  });

  it('refuses a field of another kind, an unknown field, a bad date, and a participant', async () => {
    const { t, s, base } = await session();
    const wrongKind = await t.call('PUT', `${base}/preparation/fields/boundary-dynamics-text`, { key: s.leadKey, body: { value: { kind: 'text', text: { en: 'x' } } } });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.json.error.code).toBe('wrong_kind');
    expect((await t.call('PUT', `${base}/preparation/fields/no-such-field`, { key: s.leadKey, body: { value: null } })).status).toBe(404);
    const remote = await t.call('PUT', `${base}/preparation/fields/who-image`, { key: s.leadKey, body: { value: { kind: 'image', src: 'https://elsewhere.example/x.png', alt: {} } } });
    expect(remote.status).toBe(400);
    expect((await t.call('PUT', `${base}/preparation/values`, { key: s.leadKey, body: { nextMeeting: 'next Tuesday' } })).status).toBe(400);
    const person = await t.joinAs(s.code, 'Ana', 'parent');
    expect((await t.call('PUT', `${base}/preparation/values`, { key: person.token, body: { schoolName: 'Mine' } })).status).toBe(403);
  });

  it('takes PNG and JPEG images by their content, stores them in the data folder and serves them from this origin', async () => {
    const { t, s, base } = await session();
    const png = await upload(t, `${base}/preparation/images`, s.leadKey, TINY_PNG);
    expect(png.status).toBe(201);
    expect(png.json.src).toMatch(/^\/images\/[0-9a-f]{64}\.png$/);
    expect(existsSync(join(t.dataDir, 'images', png.json.src.split('/').pop()))).toBe(true);
    const served = await t.app.request(png.json.src);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(new Uint8Array(TINY_PNG));
    // A JPEG sent as "image/png" is still a JPEG: the type claimed does not matter.
    const jpeg = await upload(t, `${base}/preparation/images`, s.leadKey, TINY_JPEG, 'image/png');
    expect(jpeg.json.src).toMatch(/\.jpg$/);

    const svg = await upload(t, `${base}/preparation/images`, s.leadKey, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'image/png');
    expect(svg.status).toBe(415);
    expect(svg.json.error.code).toBe('not_an_image');
    const huge = Buffer.concat([TINY_PNG, Buffer.alloc(6 * 1024 * 1024)]);
    expect((await upload(t, `${base}/preparation/images`, s.leadKey, huge)).status).toBe(413);
    const person = await t.joinAs(s.code, 'Ana', 'parent');
    expect((await upload(t, `${base}/preparation/images`, person.token, TINY_PNG)).status).toBe(403);
    expect((await t.app.request('/images/..%2Fpartnerdeck.sqlite')).status).toBe(404);

    const field = await t.call('PUT', `${base}/preparation/fields/who-image`, { key: s.leadKey, body: { value: { kind: 'image', src: png.json.src, alt: { en: 'Parents, teachers and students at a school fair' } } } });
    expect(field.status).toBe(200);
    const slide4 = (await t.call('GET', `${base}/deck`, { key: s.leadKey })).json.slides[3];
    expect(slide4.html).toContain(`src="${png.json.src}"`);
    expect(slide4.html).toContain('alt="Parents, teachers and students at a school fair"');
  });
});
