import { describe, expect, it } from 'vitest';
import { galleryReady } from '../../../tests/unit/gallery-setup.js';
import { SessionRuntime } from '../../runtime/session-runtime.js';
import { staffView } from '../views.js';
import { recountWalks } from './gallery-sums.js';

/**
 * The deck's progress and equity of voice are kept as running sums during the walk. They
 * must always say what counting every sticker afresh says: the same session replayed from
 * its log into a new projection (as a restarted server would) is the reference.
 */
describe('sticker progress kept as running sums', () => {
  it('matches a fresh count after places, take-backs, a withdrawn card and a person changing group', async () => {
    const { phones, cardsOn, sticker, code, runtime, t } = await galleryReady(8);
    const shown = (state = runtime.state) => {
      const view = staffView(state, runtime.deck) as any;
      return { progress: view.galleryProgress, equity: view.equity };
    };
    const counted = () => shown(new SessionRuntime(runtime.id, runtime.code, runtime.deck, t.store, t.store.readEvents(runtime.id)).state);
    // Every person's stickers looked at again from scratch (the reducers add a placed sticker in a step).
    const recounted = () => {
      const copy = structuredClone(runtime.state);
      recountWalks(copy, runtime.deck);
      return shown(copy);
    };
    const progress = () => {
      const running = shown();
      expect(running).toEqual(counted());
      expect(running).toEqual(recounted());
      return running;
    };
    const agreements = cardsOn('agreements');
    // Everyone but the last person fills their Group Agreements stickers; progress is read in between.
    for (const [i, phone] of phones.slice(0, 5).entries()) {
      for (const card of agreements.filter((_, j) => j !== i).slice(0, 6)) expect((await sticker(phone.token, card)).status).toBe(201);
      progress();
    }
    const placed = await sticker(phones[5].token, agreements[0]);
    expect(progress().progress.stickersPlaced).toBe(31);
    expect(progress().progress.people.agreements).toBe(5);
    // A take-back, a card withdrawn by its author (its stickers go back) and a change of group.
    expect((await t.call('DELETE', `/api/sessions/${code}/stickers/${placed.json.stickerId}`, { key: phones[5].token })).status).toBe(200);
    progress();
    expect((await t.call('DELETE', `/api/sessions/${code}/cards/${agreements[1]}`, { key: phones[1].token })).status).toBe(200);
    progress();
    expect((await t.call('PUT', `/api/sessions/${code}/participants/me`, { key: phones[2].token, body: { name: 'P2', group: 'community' } })).status).toBe(200);
    // Everyone who had a sticker on the withdrawn card has it back; only its author is still full.
    expect(progress().progress.people.agreements).toBe(1);
    // Another take-back after all that, counted from the running sums again.
    const second = runtime.state.gallery.walks.get(23)!.people.get(phones[1].participantId)!.placed.keys().next().value!;
    expect((await t.call('DELETE', `/api/sessions/${code}/stickers/${second}`, { key: phones[1].token })).status).toBe(200);
    expect(progress().progress.people.agreements).toBe(0);
    t.close();
  });
});
