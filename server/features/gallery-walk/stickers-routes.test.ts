import { describe, expect, it } from 'vitest';
import { galleryReady } from '../../../tests/unit/gallery-setup.js';

describe('stickers: the budget per wall and per card', () => {
  it('takes paper stickers as a count per card, and a count typed again corrects it', async () => {
    const { cardsOn, code, supportKey, runtime, t } = await galleryReady(3);
    const card = cardsOn('definitions')[0];
    const set = (count: number) => t.call('PUT', `/api/sessions/${code}/gallery/paper-stickers/${card}`, { key: supportKey, body: { count } });
    const paperOn = () => [...runtime.state.gallery.stickers.values()].filter((s) => s.paper && s.cardId === card).length;
    expect((await set(12)).status).toBe(200);
    expect(paperOn()).toBe(12);
    expect((await set(3)).json.count).toBe(3);
    expect(paperOn()).toBe(3);
    expect((await set(501)).status).toBe(400);
    expect((await t.call('PUT', `/api/sessions/${code}/gallery/paper-stickers/${card}`, { key: supportKey, body: { count: -1 } })).status).toBe(400);
    t.close();
  });

  it('on a wall with fewer cards than stickers, what a person can spend there is what counts as done', async () => {
    // Three people: each wall has three cards; hiding one leaves two on the agreements wall.
    const { phones, cardsOn, sticker, code, supportKey, runtime, t } = await galleryReady(3);
    const agreements = cardsOn('agreements');
    await t.call('PUT', `/api/sessions/${code}/cards/${agreements[2]}/visibility`, { key: supportKey, body: { hidden: true } });
    for (const card of agreements.slice(0, 2)) expect((await sticker(phones[0].token, card)).status).toBe(201);
    const { galleryProgress } = await import('./gallery-views.js');
    const { participantOwnView } = await import('../views.js');
    const own = participantOwnView(runtime.state, runtime.deck, phones[0].participantId).myStickers!;
    expect(own.budgets.agreements).toBe(2);
    expect(own.left.agreements).toBe(0);
    const activity = runtime.deck.slides[22].activity as Parameters<typeof galleryProgress>[2];
    const progress = galleryProgress(runtime.state, 23, activity);
    expect(progress.budgets).toMatchObject({ agreements: 2, definitions: 3 });
    expect(progress.people.agreements).toBe(1);
    // Spending the other walls' reachable budget makes the person done, not stuck at "2 left".
    for (const wall of ['definitions', 'examples']) for (const card of cardsOn(wall)) await sticker(phones[0].token, card);
    expect(galleryProgress(runtime.state, 23, activity).peopleDone).toBe(1);
    t.close();
  });

  it('a phone shows the same stickers left on a short wall before and after someone else places the walk’s first sticker', async () => {
    // Three people, three cards per wall, one sticker per card: three to spend, not the deck's six.
    const { phones, cardsOn, sticker, runtime, t } = await galleryReady(3);
    const { participantOwnView } = await import('../views.js');
    const shown = () => participantOwnView(runtime.state, runtime.deck, phones[1].participantId).myStickers!;
    const before = shown();
    expect(before.left.agreements).toBe(3);
    expect(before.budgets.agreements).toBe(3);
    expect((await sticker(phones[0].token, cardsOn('examples')[0])).status).toBe(201);
    expect(shown().left).toEqual(before.left);
    expect(shown().budgets).toEqual(before.budgets);
    t.close();
  });

  it('before the walk’s first sticker, a phone’s budget on a short wall follows the cards taken off and put back', async () => {
    const { phones, cardsOn, code, supportKey, runtime, t } = await galleryReady(3);
    const { participantOwnView } = await import('../views.js');
    const shown = () => participantOwnView(runtime.state, runtime.deck, phones[1].participantId).myStickers!;
    const card = cardsOn('agreements')[2];
    const hide = (hidden: boolean) => t.call('PUT', `/api/sessions/${code}/cards/${card}/visibility`, { key: supportKey, body: { hidden } });
    expect(shown().budgets.agreements).toBe(3);
    expect((await hide(true)).status).toBe(200);
    expect(shown()).toMatchObject({ budgets: { agreements: 2 }, left: { agreements: 2 } });
    expect((await hide(false)).status).toBe(200);
    expect(shown()).toMatchObject({ budgets: { agreements: 3 }, left: { agreements: 3 } });
    t.close();
  });

  it('places up to the wall budget and then refuses with budget_spent, telling what is left', async () => {
    const { phones, cardsOn, sticker, t } = await galleryReady(8);
    const walls = cardsOn('agreements');
    const lefts = [];
    for (let i = 0; i < 6; i++) {
      const res = await sticker(phones[0].token, walls[i]);
      expect(res.status).toBe(201);
      lefts.push(res.json.left.agreements);
    }
    expect(lefts).toEqual([5, 4, 3, 2, 1, 0]);
    const seventh = await sticker(phones[0].token, walls[6]);
    expect(seventh.status).toBe(409);
    expect(seventh.json.error.code).toBe('budget_spent');
    expect(seventh.json.error.message).toMatch(/all 6 of your Blue/);
    // Other walls' budgets are untouched.
    const other = await sticker(phones[0].token, cardsOn('definitions')[0]);
    expect(other.status).toBe(201);
    expect(other.json.left).toEqual({ agreements: 0, definitions: 5, examples: 6 });
    t.close();
  });

  it('refuses a second sticker on one card (maxPerCard 1) with card_full', async () => {
    const { phones, cardsOn, sticker, t } = await galleryReady(3);
    const card = cardsOn('examples')[0];
    expect((await sticker(phones[1].token, card)).status).toBe(201);
    const again = await sticker(phones[1].token, card);
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('card_full');
    // Someone else may still sticker it.
    expect((await sticker(phones[2].token, card)).status).toBe(201);
    t.close();
  });

  it('a removed sticker goes back to the budget; only its owner may remove it', async () => {
    const { phones, cardsOn, sticker, code, t } = await galleryReady(7);
    const ids: string[] = [];
    for (const card of cardsOn('definitions').slice(0, 6)) ids.push((await sticker(phones[0].token, card)).json.stickerId);
    expect((await sticker(phones[0].token, cardsOn('definitions')[6])).status).toBe(409);
    const stranger = await t.call('DELETE', `/api/sessions/${code}/stickers/${ids[0]}`, { key: phones[1].token });
    expect(stranger.status).toBe(404);
    const mine = await t.call('DELETE', `/api/sessions/${code}/stickers/${ids[0]}`, { key: phones[0].token });
    expect(mine.status).toBe(200);
    expect(mine.json.left.definitions).toBe(1);
    expect((await sticker(phones[0].token, cardsOn('definitions')[6])).status).toBe(201);
    t.close();
  });

  it('refuses stickers with activity_closed before the walk, and after the reveal', async () => {
    const { phones, cardsOn, sticker, code, leadKey, t } = await galleryReady(2);
    await t.showSlide(code, leadKey, 22);
    // The walk was shown once, so moving back keeps it open; a deck that never reached it refuses.
    const fresh = await galleryReadyBefore();
    expect(fresh.res.status).toBe(409);
    expect(fresh.res.json.error.code).toBe('activity_closed');
    await t.showSlide(code, leadKey, 23);
    const reveal = await t.call('PUT', `/api/sessions/${code}/gallery/reveal`, { key: leadKey, body: { revealed: true } });
    expect(reveal.status).toBe(200);
    const late = await sticker(phones[0].token, cardsOn('agreements')[0]);
    expect(late.status).toBe(409);
    expect(late.json.error.code).toBe('activity_closed');
    expect(late.json.error.message).toMatch(/tallies/);
    t.close();
  });

  it('racing requests from one person (two devices, 20 taps at once) never store more than the budget', async () => {
    const { phones, cardsOn, sticker, runtime, t } = await galleryReady(30);
    const cards = cardsOn('agreements');
    const results = await Promise.all(cards.slice(0, 20).map((card) => sticker(phones[0].token, card)));
    const placed = results.filter((r) => r.status === 201);
    expect(placed).toHaveLength(6);
    expect(results.filter((r) => r.status === 409).every((r) => r.json.error.code === 'budget_spent')).toBe(true);
    const stored = [...runtime.state.gallery.stickers.values()].filter((s) => s.participantId === phones[0].participantId);
    expect(stored).toHaveLength(6);
    // And the same card tapped on two devices at once counts once.
    const same = await Promise.all([1, 2, 3, 4].map(() => sticker(phones[1].token, cards[0])));
    expect(same.filter((r) => r.status === 201)).toHaveLength(1);
    t.close();
  });

  it('a retry with the same Idempotency-Key is applied once and gets the first answer', async () => {
    const { phones, cardsOn, sticker, runtime, t } = await galleryReady(3);
    const first = await sticker(phones[0].token, cardsOn('examples')[0], 'retry-op-123');
    const retry = await sticker(phones[0].token, cardsOn('examples')[0], 'retry-op-123');
    expect(retry.status).toBe(201);
    expect(retry.json).toEqual(first.json);
    expect(runtime.state.gallery.stickers.size).toBe(1);
    t.close();
  });

  it('facilitators may not place participant stickers; bad bodies are refused', async () => {
    const { cardsOn, code, leadKey, phones, t } = await galleryReady(2);
    const asLead = await t.call('POST', `/api/sessions/${code}/stickers`, { key: leadKey, body: { cardId: cardsOn('agreements')[0] } });
    expect(asLead.status).toBe(403);
    const extra = await t.call('POST', `/api/sessions/${code}/stickers`, { key: phones[0].token, body: { cardId: cardsOn('agreements')[0], wall: 'x' } });
    expect(extra.status).toBe(400);
    const unknown = await t.call('POST', `/api/sessions/${code}/stickers`, { key: phones[0].token, body: { cardId: 'nope' } });
    expect(unknown.status).toBe(404);
    t.close();
  });
});

/** A session that never reached the gallery walk. */
async function galleryReadyBefore() {
  const { testApp } = await import('../../../tests/unit/test-app.js');
  const t = testApp();
  const { code, leadKey } = await t.startSession();
  const p = await t.joinAs(code, 'A');
  await t.showSlide(code, leadKey, 11);
  const card = await t.call('POST', `/api/sessions/${code}/cards`, { key: p.token, body: { slide: 11, text: 'Listen first' } });
  const res = await t.call('POST', `/api/sessions/${code}/stickers`, { key: p.token, body: { cardId: card.json.cardIds[0] } });
  t.close();
  return { res };
}

describe('stickers: hidden, withdrawn and small walls', () => {
  it('a sticker on a hidden card still spends the budget but leaves the tally; a withdrawn card gives it back', async () => {
    const { phones, cardsOn, sticker, code, supportKey, leadKey, runtime, t } = await galleryReady(3);
    const [a, b] = cardsOn('agreements');
    await sticker(phones[0].token, a);
    await sticker(phones[0].token, b);
    await t.call('PUT', `/api/sessions/${code}/cards/${a}/visibility`, { key: supportKey, body: { hidden: true } });
    const { participantOwnView } = await import('../views.js');
    const own = participantOwnView(runtime.state, runtime.deck, phones[0].participantId) as any;
    // Two cards still on show (b and c) and the one with her sticker taken off: 3 in all, 2 spent.
    expect(own.myStickers.left.agreements).toBe(1);
    expect(own.myStickers.stickers.find((s: any) => s.cardId === a).hidden).toBe(true);
    // Its author withdraws card b (slide 11 is still open): the sticker on it comes back.
    const authorOfB = phones.find((p) => runtime.state.cards.get(b)!.authorId === p.participantId)!;
    expect((await t.call('DELETE', `/api/sessions/${code}/cards/${b}`, { key: authorOfB.token })).status).toBe(200);
    const after = participantOwnView(runtime.state, runtime.deck, phones[0].participantId) as any;
    // The sticker on b is given back; b is gone, so c and the hidden a remain: 2 in all, 1 spent.
    expect(after.myStickers.left.agreements).toBe(1);
    expect(after.myStickers.stickers).toHaveLength(1);
    await t.call('PUT', `/api/sessions/${code}/gallery/reveal`, { key: leadKey, body: { revealed: true } });
    const { staffView } = await import('../views.js');
    const wall = ((staffView(runtime.state, runtime.deck) as any).tallies.walls as any[]).find((w) => w.wall === 'agreements');
    expect(wall.cards.map((c: any) => c.id)).toEqual([cardsOn('agreements').find((id) => id !== a && id !== b)]);
    t.close();
  });

  it('when a wall has no more cards than the cut, every card is on top and there is no tie', async () => {
    const { phones, cardsOn, sticker, code, leadKey, runtime, t } = await galleryReady(4);
    await sticker(phones[0].token, cardsOn('examples')[0]);
    await t.call('PUT', `/api/sessions/${code}/gallery/reveal`, { key: leadKey, body: { revealed: true } });
    const { staffView } = await import('../views.js');
    const agreements = ((staffView(runtime.state, runtime.deck) as any).tallies.walls as any[]).find((w) => w.wall === 'agreements');
    expect(agreements.cards).toHaveLength(4);
    expect(agreements.cards.every((c: any) => c.status === 'top')).toBe(true);
    expect(agreements.tie).toBeNull();
    const examples = ((staffView(runtime.state, runtime.deck) as any).tallies.walls as any[]).find((w) => w.wall === 'examples');
    // 8 example cards, one with a sticker: it is first, and the other seven tie for five places.
    expect(examples.cards[0]).toMatchObject({ stickers: 1, rank: 1, status: 'top' });
    expect(examples.tie).toMatchObject({ seats: 5 });
    expect(examples.tie.cardIds).toHaveLength(7);
    t.close();
  });
});
