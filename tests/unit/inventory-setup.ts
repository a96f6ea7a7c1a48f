import { testApp } from './test-app.js';

type App = ReturnType<typeof testApp>;

/** The district inventory deck's slides the tests use. */
export const INVENTORY_SLIDES = { firstStrategy: 4, lastStrategy: 9, rollup: 11, changes: 17, plan: 18 } as const;

/**
 * District inventory sessions through the real API: `team(n)` starts one (as the operator,
 * from `previousCode` when given) with n members joined as the deck's groups and the deck
 * on its first marking slide. `closeAll()` closes every app made.
 */
export function inventorySetup() {
  const apps: App[] = [];
  const groups = ['district-facilitator', 'principal', 'sac-chair', 'parent', 'other'];

  async function team(people: number, options: { app?: App; previousCode?: string; schoolName?: string } = {}) {
    const t = options.app ?? testApp();
    if (!options.app) apps.push(t);
    const started = await t.call('POST', '/api/sessions', {
      key: t.operatorKey,
      body: { deckId: 'district-inventory', schoolName: options.schoolName ?? 'Mesa Valley District', ...(options.previousCode ? { previousCode: options.previousCode } : {}) },
    });
    if (started.status !== 201) throw new Error(`could not start: ${JSON.stringify(started.json)}`);
    const s = started.json as { code: string; leadKey: string; supportKey: string };
    const members: { participantId: string; token: string }[] = [];
    for (let i = 0; i < people; i++) members.push(await t.joinAs(s.code, `M${i}`, groups[i % groups.length]));
    await t.showSlide(s.code, s.leadKey, INVENTORY_SLIDES.firstStrategy);
    const base = `/api/sessions/${s.code}/inventory`;
    return {
      t,
      s,
      members,
      base,
      live: () => t.registry.get(s.code)!,
      mark: (member: number, activityId: string, mark: string | null) => t.call('PUT', `${base}/marks/${activityId}`, { key: members[member].token, body: { mark } }),
      decide: (item: string, decision: string | null, note?: string) => t.call('PUT', `${base}/decisions/${item}`, { key: s.leadKey, body: { decision, ...(note === undefined ? {} : { note }) } }),
    };
  }

  return {
    team,
    closeAll() {
      for (const app of apps.splice(0)) app.close();
    },
  };
}
