import { testApp } from './test-app.js';

/**
 * A Module 1 session brought to the gallery walk through the real API: `people` phones
 * joined, each wrote a group agreement (slide 11), a two-sided card (slide 12) and an
 * example (slide 22), and the deck now shows slide 23.
 */
export async function galleryReady(people = 3, groups: string[] = ['parent', 'teacher', 'student'], options: Pick<Parameters<typeof testApp>[0] & object, 'load'> = {}) {
  const t = testApp({ limits: { participantBurst: 1000, participantPerSecond: 1000 }, ...options });
  const session = await t.startSession('Lincoln Elementary');
  const { code, leadKey, supportKey } = session;
  const phones = [];
  for (let i = 0; i < people; i++) phones.push(await t.joinAs(code, `P${i}`, groups[i % groups.length]));
  await t.showSlide(code, leadKey, 11);
  for (const [i, p] of phones.entries()) await t.call('POST', `/api/sessions/${code}/cards`, { key: p.token, body: { slide: 11, text: `Agreement ${i}` } });
  await t.showSlide(code, leadKey, 12);
  for (const [i, p] of phones.entries()) await t.call('POST', `/api/sessions/${code}/cards`, { key: p.token, body: { slide: 12, front: `Definition ${i}`, back: `Example ${i}` } });
  await t.showSlide(code, leadKey, 22);
  for (const [i, p] of phones.entries()) await t.call('PUT', `/api/sessions/${code}/revise/22/example`, { key: p.token, body: { text: `Second example ${i}` } });
  await t.showSlide(code, leadKey, 23);
  const runtime = t.registry.get(code)!.runtime;
  const cardsOn = (wall: string) => [...runtime.state.cards.values()].filter((c) => c.wall === wall && !c.withdrawn).map((c) => c.id);
  const sticker = (token: string, cardId: string, op?: string) => t.call('POST', `/api/sessions/${code}/stickers`, { key: token, body: { cardId }, ...(op ? { op } : {}) });
  return { t, code, leadKey, supportKey, phones, runtime, cardsOn, sticker };
}
