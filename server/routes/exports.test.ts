import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { galleryReady } from '../../tests/unit/gallery-setup.js';
import { jsonPieces } from '../exports/export-stream.js';
import { csvLine, csvPieces, EXPORT_TABLES, exportCsv, sessionExport, sessionRecord } from '../exports/session-export.js';

/** What people type that a file must carry as typed: quotes, a comma, a line break, emoji, and markup. */
const TRICKY = 'She said "yes, always",\nthen 🙂 </script><script>x</script>';

type Room = Awaited<ReturnType<typeof galleryReady>>;
let rooms: Room[] = [];
afterEach(() => {
  for (const room of rooms) room.t.close();
  rooms = [];
});

/**
 * A session with something in every list of its record, through the API: cards (one
 * revised, one merged into another, one typed in from paper), stickers, a word-cloud
 * answer, poll votes, small-group notes and reflections (one private).
 */
async function liveRoom() {
  const room = await galleryReady(4);
  rooms.push(room);
  const { t, code, leadKey, supportKey, phones, cardsOn, sticker } = room;
  const base = `/api/sessions/${code}`;
  const as = (i: number) => ({ key: phones[i].token });
  const ok = async (reply: Promise<{ status: number; json: any }>) => {
    const { status, json } = await reply;
    expect(status, JSON.stringify(json)).toBeLessThan(300);
    return json;
  };
  await t.showSlide(code, leadKey, 4);
  await ok(t.call('POST', `${base}/answers`, { ...as(0), body: { slide: 4, text: TRICKY } }));
  await t.showSlide(code, leadKey, 13);
  await ok(t.call('POST', `${base}/lineup/slides/13/open`, { key: leadKey }));
  for (let i = 0; i < 4; i++) await ok(t.call('POST', `${base}/lineup/answers`, { ...as(i), body: { month: i + 1, day: 1 } }));
  await ok(t.call('POST', `${base}/lineup/slides/13/groups`, { key: leadKey }));
  await t.showSlide(code, leadKey, 14);
  await ok(t.call('POST', `${base}/round-robin/14/start`, { key: leadKey }));
  await ok(t.call('PUT', `${base}/round-robin/14/notes`, { ...as(0), body: { text: 'We listen first.' } }));
  await t.showSlide(code, leadKey, 18);
  await ok(t.call('PUT', `${base}/activities/18`, { key: leadKey, body: { open: true } }));
  await ok(t.call('PUT', `${base}/polls/18/vote`, { ...as(0), body: { choices: ['respect'] } }));
  await ok(t.call('PUT', `${base}/polls/18/vote`, { ...as(1), body: { choices: ['respect', 'authority'] } }));
  await t.showSlide(code, leadKey, 22);
  await ok(t.call('PUT', `${base}/revise/22/definition`, { ...as(0), body: { text: 'Working together for every student' } }));
  await t.showSlide(code, leadKey, 26);
  await ok(t.call('PUT', `${base}/reflections/26/mine`, { ...as(0), body: { text: TRICKY, shared: true } }));
  await ok(t.call('PUT', `${base}/reflections/26/mine`, { ...as(1), body: { text: 'My private worry.', shared: false } }));
  await t.showSlide(code, leadKey, 23);
  const paper = (await ok(t.call('POST', `${base}/gallery/paper-cards`, { key: supportKey, body: { wall: 'agreements', text: TRICKY, group: 'community' } })))
    .cardId as string;
  const [a, b] = cardsOn('agreements');
  await ok(sticker(phones[0].token, a));
  const onB = (await ok(sticker(phones[1].token, b))).stickerId as string;
  await ok(sticker(phones[2].token, paper));
  await ok(t.call('POST', `${base}/gallery/merges`, { key: supportKey, body: { cardId: b, intoId: a } }));
  return { ...room, base, paper, a, b, onB };
}

function download(room: Room & { base: string }, file: string, headers: Record<string, string> = {}) {
  return room.t.app.request(`${room.base}/exports/${file}`, { headers: { authorization: `Bearer ${room.supportKey}`, ...headers } });
}

describe('exports written as they are sent', () => {
  it('session.json holds the whole record as before, and what people typed comes back as they typed it', async () => {
    const room = await liveRoom();
    const { runtime, code } = room;
    const res = await download(room, 'session.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="partnerdeck-${code}.json"`);
    const text = await res.text();
    const expected = sessionExport(runtime.state, runtime.deck);
    expect(JSON.parse(text)).toEqual(expected);
    // The very text a whole-file JSON.stringify gave (what c.json sent), not just the same data.
    expect(text).toBe(JSON.stringify(expected));

    // Every list of the record has something in it, so the comparison above covers them all.
    const record = JSON.parse(text);
    expect(record.cards.find((c: any) => c.revisions.length === 2)?.text).toBe('Working together for every student');
    expect(record.cards.find((c: any) => c.id === room.b).mergedInto).toBe(room.a);
    expect(record.stickers.find((s: any) => s.id === room.onB)).toMatchObject({ cardId: room.b, countsFor: room.a });
    expect(record.answers.map((a: any) => a.text)).toEqual([TRICKY]);
    expect(record.polls.find((p: any) => p.slide === 18).voters).toBe(2);
    expect(record.reflections.map((r: any) => r.text)).toEqual([TRICKY]);
    expect(record.groupNotes.map((g: any) => g.notes)).toContain('We listen first.');
    expect(record.cards.find((c: any) => c.id === room.paper)).toMatchObject({ text: TRICKY, paper: true, authorGroup: 'community' });
    expect(text).not.toContain('My private worry.');

    // In pieces of two elements the text is the same, cut between elements.
    const pieces = [...jsonPieces(sessionRecord(runtime.state, runtime.deck), 2)];
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join('')).toBe(text);

    // A browser takes gzip: the file is gzipped as it goes, and unzips to the same text.
    const zipped = await download(room, 'session.json', { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('content-disposition')).toBe(`attachment; filename="partnerdeck-${code}.json"`);
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8')).toBe(text);
  });

  it('every CSV comes out byte for byte as the whole-file CSV, the streamed cards and stickers included', async () => {
    const room = await liveRoom();
    const { runtime, code } = room;
    const whole = sessionExport(runtime.state, runtime.deck);
    for (const table of EXPORT_TABLES) {
      const res = await download(room, `${table}.csv`);
      expect(res.status, table).toBe(200);
      expect(res.headers.get('content-type'), table).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition'), table).toBe(`attachment; filename="partnerdeck-${code}-${table}.csv"`);
      expect(await res.text(), table).toBe(exportCsv(whole, table));
    }
    const stickers = await (await download(room, 'stickers.csv')).text();
    expect(stickers.split('\r\n')[0]).toBe('id,card_id,counts_for,wall,slide,participant_id,group,paper,placed_at');
    // The sticker on the merged card counts for the card it was merged into (csvLine: an id may start with "-", which gets the formula guard).
    expect(stickers).toContain(`\r\n${csvLine([room.onB, room.b, room.a, 'agreements', 23, room.phones[1].participantId, 'teacher', false])},`);
    expect(stickers.split('\r\n')).toHaveLength(whole.stickers.length + 2);
    const cards = await (await download(room, 'cards.csv')).text();
    expect(cards).toContain(`,"She said ""yes, always"",\nthen 🙂 </script><script>x</script>",`);

    // In pieces of one line the bytes are the same.
    const record = sessionRecord(runtime.state, runtime.deck);
    for (const table of ['cards', 'stickers'] as const) {
      const pieces = [...csvPieces(record, table, 1)];
      expect(pieces.length, table).toBeGreaterThan(2);
      expect(pieces.join(''), table).toBe(exportCsv(whole, table));
    }
  });

  it('the file is the moment the download began: what the room does while it is written is not in it', async () => {
    const room = await liveRoom();
    const { t, base, runtime, phones, supportKey } = room;
    const before = sessionExport(runtime.state, runtime.deck);
    const record = sessionRecord(runtime.state, runtime.deck);
    const started = await download(room, 'session.json');
    // The room goes on: a card hidden, a merge undone, a sticker taken back and another
    // placed, a person changing group.
    const changes = [
      () => t.call('PUT', `${base}/cards/${room.paper}/visibility`, { key: supportKey, body: { hidden: true } }),
      () => t.call('DELETE', `${base}/gallery/merges/${room.b}`, { key: supportKey }),
      () => t.call('DELETE', `${base}/stickers/${room.onB}`, { key: phones[1].token }),
      () => t.call('POST', `${base}/stickers`, { key: phones[3].token, body: { cardId: room.a } }),
      () => t.call('PUT', `${base}/participants/me`, { key: phones[0].token, body: { group: 'community' } }),
    ];
    for (const change of changes) {
      const { status, json } = await change();
      expect(status, JSON.stringify(json)).toBeLessThan(300);
    }
    const now = sessionExport(runtime.state, runtime.deck);
    expect(now).not.toEqual(before);

    expect(await started.text()).toBe(JSON.stringify(before));
    expect([...jsonPieces(record, 1)].join('')).toBe(JSON.stringify(before));
    for (const table of ['cards', 'stickers'] as const) expect([...csvPieces(record, table, 1)].join(''), table).toBe(exportCsv(before, table));
    // And a download begun now has the room as it is now.
    expect(JSON.parse(await (await download(room, 'session.json')).text())).toEqual(now);
  });

  it('only the facilitators may download, and only the files there are', async () => {
    const room = await liveRoom();
    for (const file of ['session.json', 'cards.csv', 'stickers.csv', 'attendance.csv']) {
      const res = await download(room, file, { authorization: `Bearer ${room.phones[0].token}` });
      expect(res.status, file).toBe(403);
      expect((await res.json()).error.code, file).toBe('forbidden');
    }
    for (const file of ['session.xml', 'secrets.csv', '..%2F..%2Fpartnerdeck.sqlite']) {
      const res = await download(room, file);
      expect(res.status, file).toBe(400);
      expect(await res.text(), file).not.toContain('    at ');
    }
  });
});
