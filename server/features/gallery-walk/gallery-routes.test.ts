import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { galleryReady } from '../../../tests/unit/gallery-setup.js';
import { staffView } from '../views.js';
import { participantOwnView, participantSharedView } from '../views.js';

describe('gallery walk: merge, reveal, ties, paper, revise', () => {
  it('merging keeps every author and every sticker; a person who stickered both keeps both', async () => {
    const { phones, cardsOn, sticker, code, supportKey, runtime, t } = await galleryReady(4);
    const [a, b] = cardsOn('agreements');
    await sticker(phones[0].token, a);
    await sticker(phones[1].token, b);
    await sticker(phones[2].token, a);
    await sticker(phones[2].token, b);
    const merge = await t.call('POST', `/api/sessions/${code}/gallery/merges`, { key: supportKey, body: { cardId: b, intoId: a } });
    expect(merge.status).toBe(201);
    await t.call('PUT', `/api/sessions/${code}/gallery/reveal`, { key: supportKey, body: { revealed: true } });
    const tally = (staffView(runtime.state, runtime.deck).tallies as any).walls.find((w: any) => w.wall === 'agreements');
    const merged = tally.cards.find((c: any) => c.id === a);
    expect(merged.stickers).toBe(4);
    expect(merged.authors).toBe(2);
    expect(merged.merged).toEqual([b]);
    expect(tally.cards.some((c: any) => c.id === b)).toBe(false);
    // The merged card still refuses a third sticker from the person who has two on it.
    await t.call('PUT', `/api/sessions/${code}/gallery/reveal`, { key: supportKey, body: { revealed: false } });
    expect((await sticker(phones[2].token, b)).json.error.code).toBe('card_full');
    // Cards on different walls cannot merge; participants cannot merge.
    const cross = await t.call('POST', `/api/sessions/${code}/gallery/merges`, { key: supportKey, body: { cardId: cardsOn('examples')[0], intoId: a } });
    expect(cross.json.error.code).toBe('different_walls');
    const byPhone = await t.call('POST', `/api/sessions/${code}/gallery/merges`, { key: phones[0].token, body: { cardId: a, intoId: b } });
    expect(byPhone.status).toBe(403);
    t.close();
  });

  it('while voting, staff see progress and no tallies; after the reveal the ranked tallies', async () => {
    const { phones, cardsOn, sticker, code, leadKey, runtime, t } = await galleryReady(7);
    for (const card of cardsOn('agreements').slice(0, 6)) await sticker(phones[0].token, card);
    for (const card of cardsOn('agreements').slice(0, 2)) await sticker(phones[1].token, card);
    let view = staffView(runtime.state, runtime.deck) as any;
    expect(view.galleryProgress.stickersPlaced).toBe(8);
    expect(view.galleryProgress.people).toEqual({ agreements: 1, definitions: 0, examples: 0 });
    expect(view.tallies).toBeNull();
    expect(JSON.stringify(view.galleryProgress)).not.toContain(cardsOn('agreements')[0]);
    await t.call('PUT', `/api/sessions/${code}/gallery/reveal`, { key: leadKey, body: { revealed: true } });
    view = staffView(runtime.state, runtime.deck) as any;
    const wall = view.tallies.walls.find((w: any) => w.wall === 'agreements');
    expect(wall.cards.slice(0, 2).map((c: any) => c.stickers)).toEqual([2, 2]);
    expect(wall.cards[0].rank).toBe(1);
    expect(wall.cards[1].rank).toBe(1);
    expect(wall.cards[2].rank).toBe(3);
    t.close();
  });

  it('a tie at the sixth place is shown as a tie, and the facilitator chooses', async () => {
    const { phones, cardsOn, sticker, code, leadKey, runtime, t } = await galleryReady(9);
    const cards = cardsOn('agreements');
    // Cards 0–4 get 2 stickers each; cards 5, 6, 7 get 1 each: three cards tie for the one seat left.
    for (const card of cards.slice(0, 5)) {
      await sticker(phones[0].token, card);
      await sticker(phones[1].token, card);
    }
    for (const [i, card] of cards.slice(5, 8).entries()) await sticker(phones[2 + i].token, card);
    await t.call('PUT', `/api/sessions/${code}/gallery/reveal`, { key: leadKey, body: { revealed: true } });
    const wall = () => ((staffView(runtime.state, runtime.deck) as any).tallies.walls as any[]).find((w) => w.wall === 'agreements');
    expect(wall().cards.filter((c: any) => c.status === 'top')).toHaveLength(5);
    expect(wall().tie).toEqual({ cardIds: cards.slice(5, 8), seats: 1, chosen: [] });
    expect(wall().cards.filter((c: any) => c.status === 'tie').map((c: any) => c.id)).toEqual(cards.slice(5, 8));
    const tooMany = await t.call('PUT', `/api/sessions/${code}/gallery/cut`, { key: leadKey, body: { wall: 'agreements', cardIds: cards.slice(5, 7) } });
    expect(tooMany.status).toBe(400);
    const notTied = await t.call('PUT', `/api/sessions/${code}/gallery/cut`, { key: leadKey, body: { wall: 'agreements', cardIds: [cards[0]] } });
    expect(notTied.json.error.code).toBe('not_tied');
    const choose = await t.call('PUT', `/api/sessions/${code}/gallery/cut`, { key: leadKey, body: { wall: 'agreements', cardIds: [cards[6]] } });
    expect(choose.status).toBe(200);
    expect(wall().cards.find((c: any) => c.id === cards[6]).status).toBe('tie-chosen');
    // The agreement takes the five top cards and the chosen one.
    const assembled = await t.call('POST', `/api/sessions/${code}/agreement/assemble`, { key: leadKey });
    expect(assembled.json.agreement.agreements).toEqual([0, 1, 2, 3, 4, 6].map((i) => `Agreement ${i}`));
    t.close();
  });

  it('paper cards and paper stickers count like the others and are marked paper in exports', async () => {
    const { phones, code, supportKey, runtime, sticker, t } = await galleryReady(2);
    const paper = await t.call('POST', `/api/sessions/${code}/gallery/paper-cards`, { key: supportKey, body: { wall: 'examples', text: 'Greet every family by name', group: 'community' } });
    expect(paper.status).toBe(201);
    const cardId = paper.json.cardId;
    for (let i = 0; i < 3; i++) expect((await t.call('POST', `/api/sessions/${code}/gallery/paper-stickers`, { key: supportKey, body: { cardId } })).status).toBe(201);
    await sticker(phones[0].token, cardId);
    await t.call('PUT', `/api/sessions/${code}/gallery/reveal`, { key: supportKey, body: { revealed: true } });
    const examples = ((staffView(runtime.state, runtime.deck) as any).tallies.walls as any[]).find((w) => w.wall === 'examples');
    expect(examples.cards[0]).toMatchObject({ id: cardId, stickers: 4, paperStickers: 3, paper: true });
    const csv = await t.call('GET', `/api/sessions/${code}/exports/cards.csv`, { key: supportKey });
    expect(csv.status).toBe(200);
    const line = (csv.json as string).split('\r\n').find((l) => l.includes('Greet every family'))!;
    expect(line).toContain(',community,true,false,false,');
    const json = await t.call('GET', `/api/sessions/${code}/exports/session.json`, { key: supportKey });
    expect(json.json.stickers.filter((s: any) => s.paper)).toHaveLength(3);
    expect(json.json.tallies.find((w: any) => w.wall === 'examples').cards[0].stickers).toBe(4);
    const stickersCsv = await t.call('GET', `/api/sessions/${code}/exports/stickers.csv`, { key: supportKey });
    expect((stickersCsv.json as string).trim().split('\r\n')).toHaveLength(5);
    expect((await t.call('GET', `/api/sessions/${code}/exports/session.json`, { key: phones[0].token })).status).toBe(403);
    t.close();
  });

  it('slide 22 revises the slide-12 definition (earlier wording kept) and writes one example', async () => {
    const { t, code, leadKey, runtime } = await galleryReady(1);
    const p = await t.joinAs(code, 'Late', 'community');
    await t.showSlide(code, leadKey, 12);
    await t.call('POST', `/api/sessions/${code}/cards`, { key: p.token, body: { slide: 12, front: 'Working together', back: 'Say hello' } });
    await t.showSlide(code, leadKey, 22);
    const rev = await t.call('PUT', `/api/sessions/${code}/revise/22/definition`, { key: p.token, body: { text: 'Working together for every student' } });
    expect(rev.status).toBe(200);
    const card = runtime.state.cards.get(rev.json.cardId)!;
    expect(card.slide).toBe(12);
    expect(card.revisions.map((r) => [r.slide, r.text])).toEqual([
      [12, 'Working together'],
      [22, 'Working together for every student'],
    ]);
    const ex1 = await t.call('PUT', `/api/sessions/${code}/revise/22/example`, { key: p.token, body: { text: 'Answer every message in a day' } });
    const ex2 = await t.call('PUT', `/api/sessions/${code}/revise/22/example`, { key: p.token, body: { text: 'Answer every message within a day' } });
    expect(ex2.json.cardId).toBe(ex1.json.cardId);
    expect(runtime.state.cards.get(ex1.json.cardId)).toMatchObject({ wall: 'examples', slide: 22, text: 'Answer every message within a day' });
    const wrong = await t.call('PUT', `/api/sessions/${code}/revise/23/example`, { key: p.token, body: { text: 'x' } });
    expect(wrong.status).toBe(400);
    t.close();
  });

  it('phones see the walls without authors or hidden cards, and their own stickers left per wall', async () => {
    const { phones, cardsOn, sticker, code, supportKey, runtime, t } = await galleryReady(3);
    const hidden = cardsOn('agreements')[0];
    await t.call('PUT', `/api/sessions/${code}/cards/${hidden}/visibility`, { key: supportKey, body: { hidden: true } });
    await sticker(phones[0].token, cardsOn('examples')[1]);
    const shared = participantSharedView(runtime.state, runtime.deck) as any;
    expect(shared.gallery.walls.find((w: any) => w.id === 'agreements').cards).toBe(2);
    const page = await t.call('GET', `/api/sessions/${code}/walls/agreements/pages/0`, { key: phones[1].token });
    expect(page.json.cards.map((c: any) => c.id)).not.toContain(hidden);
    expect(page.json.cards).toHaveLength(2);
    const json = JSON.stringify([shared.gallery, page.json]);
    expect(json).not.toMatch(/authorId|participantId|"name"|"group"/);
    for (const p of phones) expect(json).not.toContain(p.participantId);
    const own = participantOwnView(runtime.state, runtime.deck, phones[0].participantId) as any;
    // What each wall lets this person still place: 2 agreements on show, 3 definitions, 6 examples less the one placed.
    expect(own.myStickers.left).toEqual({ agreements: 2, definitions: 3, examples: 5 });
    expect(own.myStickers.stickers).toHaveLength(1);
    t.close();
  });
});

describe('the Partnership Agreement', () => {
  it('is projected from the log: edits, assembly from the top statements, and a restart replays it', async () => {
    const { phones, cardsOn, sticker, code, leadKey, supportKey, t } = await galleryReady(3, ['parent', 'teacher', 'community']);
    for (const p of phones) await sticker(p.token, cardsOn('definitions')[2]);
    await t.call('PUT', `/api/sessions/${code}/gallery/reveal`, { key: leadKey, body: { revealed: true } });
    const assembled = await t.call('POST', `/api/sessions/${code}/agreement/assemble`, { key: supportKey });
    expect(assembled.json.agreement.definition).toBe('Definition 2');
    expect(assembled.json.agreement.schoolName).toBe('Lincoln Elementary');
    const edit = await t.call('PUT', `/api/sessions/${code}/agreement`, { key: leadKey, body: { definition: 'Definition 2, combined with 0', date: '2026-11-22' } });
    await t.call('PUT', `/api/sessions/${code}/preparation/values`, { key: leadKey, body: { nextMeeting: '2027-03-03T18:00' } });
    expect(edit.status).toBe(200);
    const bad = await t.call('PUT', `/api/sessions/${code}/agreement`, { key: leadKey, body: { date: 'tomorrow' } });
    expect(bad.status).toBe(400);
    expect((await t.call('PUT', `/api/sessions/${code}/agreement`, { key: phones[0].token, body: { definition: 'mine' } })).status).toBe(403);
    const again = t.restart();
    const read = await again.call('GET', `/api/sessions/${code}/agreement`);
    expect(read.json.agreement).toMatchObject({
      schoolName: 'Lincoln Elementary',
      definition: 'Definition 2, combined with 0',
      nextMeeting: '2027-03-03T18:00',
      date: '2026-11-22',
      groups: ['parent', 'teacher', 'community'],
    });
    expect(read.json.agreement.examples).toHaveLength(6);
    again.close();
  });

  it('its PDF is exactly one page, even for a very long agreement, and holds the statements', async () => {
    const { code, leadKey, t } = await galleryReady(1);
    const long = Array.from({ length: 20 }, (_, i) => `Statement ${i} ` + 'we listen to every voice and act together '.repeat(10));
    await t.call('PUT', `/api/sessions/${code}/agreement`, { key: leadKey, body: { definition: 'Partnership means sharing the work — “juntos”', agreements: ['Start on time', 'Listen first'], examples: long } });
    for (const size of ['letter', 'a4']) {
      const res = await t.app.request(`/api/sessions/${code}/agreement/pdf?size=${size}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const pdf = Buffer.from(await res.arrayBuffer());
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
      if (hasPdftotext()) {
        const text = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString();
        expect(text).toContain('Listen first');
        expect(text).toContain('juntos');
      }
    }
    t.close();
  });
});

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
