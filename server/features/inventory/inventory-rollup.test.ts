import { afterEach, describe, expect, it } from 'vitest';
import { INVENTORY_DECISIONS, type InventoryMark } from '../../contract/parts.js';
import { seededContext } from '../../domain/command.js';
import { DomainError } from '../../domain/domain-error.js';
import { SessionRuntime } from '../../runtime/session-runtime.js';
import { inventorySetup } from '../../../tests/unit/inventory-setup.js';
import { decide, editPlanRow, mergeOthers, unmergeOther } from './decision-commands.js';
import { addOther, changeOther, markActivity, removeOther } from './inventory-commands.js';
import { inventoryPart, myInventoryPart } from './inventory-views.js';

const setup = inventorySetup();
afterEach(() => setup.closeAll());

const staffInventory = (live: { runtime: SessionRuntime }) => inventoryPart(live.runtime.state, live.runtime.deck).inventory!;
const strategy = (live: { runtime: SessionRuntime }, id: string) => staffInventory(live).strategies.find((s) => s.id === id)!;
const counts = (live: { runtime: SessionRuntime }, activityId: string) => {
  const found = staffInventory(live).strategies.flatMap((s) => s.activities).find((a) => a.id === activityId)!;
  return { conducted: found.conducted, initiate: found.initiate, neither: found.neither, disagree: found.disagree };
};

describe('the inventory roll-up', () => {
  it('counts ✓, ☆ and neither per activity, counts a changed answer once, and puts the disagreements first', async () => {
    const { mark, live } = await setup.team(4);
    // align-1: two say conducted, one wants to initiate, one says neither: the team disagrees.
    await mark(0, 'align-1', 'conducted');
    await mark(1, 'align-1', 'conducted');
    await mark(2, 'align-1', 'initiate');
    await mark(3, 'align-1', 'neither');
    // align-2: everyone who answered says conducted: no disagreement.
    await mark(0, 'align-2', 'conducted');
    await mark(1, 'align-2', 'conducted');
    // align-3: three stars, one changed their mind from ✓ to ☆ (counted once, as ☆).
    await mark(0, 'align-3', 'initiate');
    await mark(1, 'align-3', 'initiate');
    await mark(2, 'align-3', 'conducted');
    await mark(2, 'align-3', 'initiate');
    // align-5: one ✓ then taken back: unanswered again.
    await mark(3, 'align-5', 'conducted');
    await mark(3, 'align-5', null);
    // align-7: one ✓ and one ☆: the most even split among the disagreements.
    await mark(0, 'align-7', 'conducted');
    await mark(1, 'align-7', 'initiate');

    expect(counts(live(), 'align-1')).toEqual({ conducted: 2, initiate: 1, neither: 1, disagree: true });
    expect(counts(live(), 'align-2')).toEqual({ conducted: 2, initiate: 0, neither: 0, disagree: false });
    expect(counts(live(), 'align-3')).toEqual({ conducted: 0, initiate: 3, neither: 0, disagree: false });
    expect(counts(live(), 'align-5')).toEqual({ conducted: 0, initiate: 0, neither: 0, disagree: false });
    expect(counts(live(), 'align-7')).toEqual({ conducted: 1, initiate: 1, neither: 0, disagree: true });

    const align = strategy(live(), 'align');
    // Both disagreements first (align-1 is 2 of 4 ✓ and align-7 1 of 2: equally even, so the inventory's order), then the most-starred.
    expect(align.order.slice(0, 3)).toEqual(['align-1', 'align-7', 'align-3']);
    expect(align.mostStarred).toEqual(['align-3', 'align-1', 'align-7']);
    expect(align.started).toBe(4);
    expect(staffInventory(live()).members).toBe(4);
  });

  it('takes answers once the deck has shown a marking slide, until the one shown last is closed', async () => {
    const { t, s, mark, live } = await setup.team(2);
    await t.showSlide(s.code, s.leadKey, 2);
    // Shown already: answers still arrive after the deck moved on (a phone that was offline).
    expect((await mark(0, 'awareness-1', 'conducted')).status).toBe(200);
    await t.call('PUT', `/api/sessions/${s.code}/activities/4`, { key: s.leadKey, body: { open: false } });
    const closed = await mark(0, 'awareness-2', 'conducted');
    expect(closed.status).toBe(409);
    expect(closed.json.error.code).toBe('activity_closed');
    // The next marking slide opens the inventory again.
    await t.showSlide(s.code, s.leadKey, 5);
    expect((await mark(0, 'awareness-2', 'conducted')).status).toBe(200);
    expect((await mark(0, 'no-such-activity', 'conducted')).json.error.code).toBe('unknown_activity');
    expect((await mark(0, 'awareness-3', 'maybe')).status).toBe(400);
    expect(counts(live(), 'awareness-1').conducted).toBe(1);
  });

  it('shows each member only their own answers and activities, and the facilitators no one’s identity', async () => {
    const { t, base, members, mark, live } = await setup.team(3);
    await mark(0, 'learning-1', 'conducted');
    await mark(1, 'learning-1', 'initiate');
    await t.call('POST', `${base}/others`, { key: members[1].token, body: { strategy: 'learning', text: 'Monthly coffee with SAC chairs', mark: 'initiate' } });
    const { runtime } = live();
    const mine = myInventoryPart(runtime.state, runtime.deck, members[0].participantId).myInventory!;
    expect(mine).toEqual({ marks: { 'learning-1': 'conducted' }, others: [] });
    const theirs = myInventoryPart(runtime.state, runtime.deck, members[1].participantId).myInventory!;
    expect(theirs.others.map((o) => o.text)).toEqual(['Monthly coffee with SAC chairs']);
    const staff = JSON.stringify(inventoryPart(runtime.state, runtime.deck));
    for (const m of members) expect(staff).not.toContain(m.participantId);
    // Another member's activity is unknown to a member who tries to change it.
    const other = theirs.others[0].id;
    expect((await t.call('PATCH', `${base}/others/${other}`, { key: members[0].token, body: { text: 'mine now' } })).status).toBe(404);
  });

  it('gathers the "other" activities, merges duplicates as on the walls, and counts a person once per merged group', async () => {
    const { t, s, base, members } = await setup.team(4);
    const add = async (member: number, text: string, mark: string) =>
      (await t.call('POST', `${base}/others`, { key: members[member].token, body: { strategy: 'knowledge', text, mark } })).json.otherId as string;
    const a = await add(0, 'Family newsletter in Spanish', 'conducted');
    const b = await add(1, 'Spanish family newsletter', 'initiate');
    const c = await add(2, 'A podcast for parents', 'initiate');
    const d = await add(0, 'Newsletter for families, Spanish', 'initiate');
    const align = await t.call('POST', `${base}/others`, { key: members[3].token, body: { strategy: 'align', text: 'Board policy review', mark: 'initiate' } });
    const staff = (path: string, body?: unknown, method = 'POST') => t.call(method, `${base}${path}`, { key: s.leadKey, ...(body === undefined ? {} : { body }) });

    expect((await staff('/merges', { otherId: b, intoId: a })).status).toBe(200);
    expect((await staff('/merges', { otherId: d, intoId: b })).json.intoId).toBe(a);
    expect((await staff('/merges', { otherId: c, intoId: align.json.otherId })).json.error.code).toBe('different_strategies');
    expect((await staff('/merges', { otherId: a, intoId: d })).json.error.code).toBe('already_merged');
    // A member may not merge.
    expect((await t.call('POST', `${base}/merges`, { key: members[0].token, body: { otherId: c, intoId: a } })).status).toBe(403);

    const { runtime } = t.registry.get(s.code)!;
    const knowledge = inventoryPart(runtime.state, runtime.deck).inventory!.strategies.find((x) => x.id === 'knowledge')!;
    const merged = knowledge.others.find((o) => o.id === a)!;
    // Three wordings, two people (member 0 wrote two of them and counts once, as their first mark).
    expect(merged).toMatchObject({ texts: ['Family newsletter in Spanish', 'Spanish family newsletter', 'Newsletter for families, Spanish'], people: 2, conducted: 1, initiate: 1 });
    expect(knowledge.others.map((o) => o.id)).toEqual([a, c]);

    // The merged activity is decided as one; its duplicates cannot be decided on their own.
    expect((await staff(`/decisions/${b}`, { decision: 'later' }, 'PUT')).json.error.code).toBe('merged');
    expect((await staff(`/decisions/${a}`, { decision: 'initiate-this-year', note: 'Start with the spring issue' }, 'PUT')).status).toBe(200);
    // Undo one merge: it stands alone again.
    expect((await staff(`/merges/${d}`, undefined, 'DELETE')).status).toBe(200);
    const after = inventoryPart(runtime.state, runtime.deck).inventory!.strategies.find((x) => x.id === 'knowledge')!;
    expect(after.others.map((o) => o.id).sort()).toEqual([a, c, d].sort());
    // An activity the team decided on stays, even if its author tries to take it back.
    expect((await t.call('DELETE', `${base}/others/${a}`, { key: members[0].token })).json.error.code).toBe('already_decided');
  });

  it('records decisions with notes, and makes the plan from "to initiate this year", keeping a row’s fields when the decision goes and comes back', async () => {
    const { t, s, base, decide: decideOn, live } = await setup.team(1);
    expect((await decideOn('align-3', 'initiate-this-year', 'Ask the Title I office first')).status).toBe(200);
    await decideOn('align-1', 'conducted');
    await decideOn('celebrate-1', 'initiate-this-year');
    await decideOn('awareness-6', 'not-for-us', 'The website is run by the state');
    const edit = (item: string, body: unknown) => t.call('PUT', `${base}/plan-rows/${item}`, { key: s.leadKey, body });
    expect((await edit('align-3', { lead: 'Dana (Title I office)', start: '2025-09-01', due: '2025-12-15', resources: ['title-i-funding', 'time'], status: 'in-progress' })).status).toBe(200);
    expect((await edit('align-3', { due: '2025-08-01' })).json.error.code).toBe('dates_out_of_order');
    expect((await edit('align-3', { resources: ['gold'] })).json.error.code).toBe('unknown_resource');
    expect((await edit('align-3', { start: '2025-02-30' })).json.error.code).toBe('bad_date');
    expect((await edit('align-1', { lead: 'Someone' })).json.error.code).toBe('not_in_plan');
    expect((await t.call('PUT', `${base}/plan-rows/align-3`, { key: (await t.joinAs(s.code, 'X', 'parent')).token, body: { lead: 'Me' } })).status).toBe(403);

    const plan = () => staffInventory(live()).plan;
    expect(plan().map((r) => r.item)).toEqual(['align-3', 'celebrate-1']);
    // The resources are kept in the deck's order, whatever order they were given in.
    expect(plan()[0]).toMatchObject({ lead: 'Dana (Title I office)', start: '2025-09-01', due: '2025-12-15', resources: ['time', 'title-i-funding'], status: 'in-progress', note: 'Ask the Title I office first' });
    expect(plan()[1]).toMatchObject({ lead: '', status: 'not-started', resources: [] });
    expect(staffInventory(live()).decisions['awareness-6']).toMatchObject({ decision: 'not-for-us', note: 'The website is run by the state' });

    await decideOn('align-3', 'later');
    expect(plan().map((r) => r.item)).toEqual(['celebrate-1']);
    await decideOn('align-3', 'initiate-this-year');
    expect(plan()[0]).toMatchObject({ item: 'align-3', lead: 'Dana (Title I office)', status: 'in-progress' });
    await decideOn('align-3', null);
    expect(staffInventory(live()).decisions['align-3']).toBeUndefined();
    expect((await decideOn('align-3', 'maybe')).status).toBe(400);
  });
});

/**
 * The same sums three ways: the live projection, a projection rebuilt by replaying the log
 * from the store (what a restart does), and a plain recount from the log's events written
 * here without the reducers (so a reducer that counts wrongly the same way twice is caught).
 */
describe('the roll-up against its log', () => {
  it('after a random run of answers, own activities, merges, decisions and plan edits, replay and a plain recount agree with the live state', async () => {
    const { t, s, members, live } = await setup.team(6);
    const { runtime } = live();
    const deck = runtime.deck;
    const activities = deck.inventory!.strategies.flatMap((st) => st.activities.map((a) => a.id));
    // Half the answers go to the shortest strategy, so people finish it (and some take an answer back after).
    const documentStrategy = activities.filter((id) => id.startsWith('document-'));
    const strategies = deck.inventory!.strategies.map((st) => st.id);
    const marks: (InventoryMark | null)[] = ['conducted', 'initiate', 'neither', null];
    // mulberry32: a small generator whose low bits are as good as its high ones.
    let seed = 20250901;
    const random = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) % n;
    };
    const pick = <T>(list: readonly T[]) => list[random(list.length)];
    const context = seededContext(7, Date.parse('2025-09-01T17:00:00Z'));
    let refused = 0;
    for (let step = 0; step < 600; step++) {
      const member = pick(members).participantId;
      const others = [...runtime.state.inventory.others.values()].filter((o) => !o.removed);
      const anyOther = () => pick(others).id;
      const roll = random(100);
      try {
        if (roll < 55) {
          const activity = random(2) ? pick(documentStrategy) : pick(activities);
          const mark = random(6) ? pick(marks.slice(0, 3)) : null;
          runtime.execute({ role: 'participant', participantId: member }, undefined, (state) => markActivity(state, deck, member, activity, mark), context);
        }
        else if (roll < 63) runtime.execute({ role: 'participant', participantId: member }, undefined, (state, ctx) => addOther(state, deck, member, pick(strategies), `idea ${random(5)}`, pick(['conducted', 'initiate'] as const), ctx), context);
        else if (roll < 66 && others.length) runtime.execute({ role: 'participant', participantId: member }, undefined, (state) => changeOther(state, deck, member, anyOther(), { mark: pick(['conducted', 'initiate', null] as const) }), context);
        else if (roll < 69 && others.length) runtime.execute({ role: 'participant', participantId: member }, undefined, (state) => removeOther(state, deck, member, anyOther()), context);
        else if (roll < 76 && others.length) runtime.execute({ role: 'lead' }, undefined, (state) => mergeOthers(state, deck, anyOther(), anyOther()), context);
        else if (roll < 79 && others.length) runtime.execute({ role: 'lead' }, undefined, (state) => unmergeOther(state, deck, anyOther()), context);
        else if (roll < 92) {
          const item = random(4) === 0 && others.length ? anyOther() : pick(activities);
          runtime.execute({ role: 'lead' }, undefined, (state) => decide(state, deck, item, pick([...INVENTORY_DECISIONS, null]), `note ${random(3)}`), context);
        } else {
          const item = pick([...runtime.state.inventory.decisions.keys(), 'align-1']);
          runtime.execute({ role: 'lead' }, undefined, (state) => editPlanRow(state, deck, item, { lead: `lead ${random(4)}`, status: pick(['not-started', 'in-progress', 'done', 'on-hold'] as const), resources: random(2) ? ['time'] : [] }), context);
        }
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        refused++;
      }
      // Closing and reopening the inventory now and then: refused answers must leave no trace.
      if (step % 100 === 60) await t.call('PUT', `/api/sessions/${s.code}/activities/4`, { key: s.leadKey, body: { open: false } });
      if (step % 100 === 75) await t.call('PUT', `/api/sessions/${s.code}/activities/4`, { key: s.leadKey, body: { open: true } });
    }
    expect(refused).toBeGreaterThan(0);
    expect(runtime.state.inventory.decisions.size).toBeGreaterThan(10);

    // Commits are grouped per turn of the event loop: read the log once the last one is on disk.
    await t.registry.committed();
    const log = t.store.readEvents(runtime.id);
    expect(log.at(-1)!.seq).toBe(runtime.state.seq);
    const replayed = new SessionRuntime(runtime.id, runtime.code, deck, t.store, log);
    expect(inventoryPart(replayed.state, deck)).toEqual(inventoryPart(runtime.state, deck));
    for (const m of members) expect(myInventoryPart(replayed.state, deck, m.participantId)).toEqual(myInventoryPart(runtime.state, deck, m.participantId));

    // A plain recount from the events: the last answer of each person for each activity.
    const last = new Map<string, InventoryMark>();
    for (const event of log) {
      if (event.type !== 'inventory.marked') continue;
      const key = `${event.data.participantId} ${event.data.activityId}`;
      if (event.data.mark) last.set(key, event.data.mark);
      else last.delete(key);
    }
    const live_ = inventoryPart(runtime.state, deck).inventory!;
    for (const id of activities) {
      const answers = [...last].filter(([key]) => key.endsWith(` ${id}`)).map(([, m]) => m);
      const conducted = answers.filter((m) => m === 'conducted').length;
      const shown = live_.strategies.flatMap((st) => st.activities).find((a) => a.id === id)!;
      expect({ id, conducted: shown.conducted, initiate: shown.initiate, neither: shown.neither, disagree: shown.disagree }).toEqual({
        id,
        conducted,
        initiate: answers.filter((m) => m === 'initiate').length,
        neither: answers.filter((m) => m === 'neither').length,
        disagree: conducted > 0 && conducted < answers.length,
      });
    }
    // Who has answered each strategy, and who answered all of it, from the same recount.
    for (const st of deck.inventory!.strategies) {
      const byPerson = new Map<string, number>();
      for (const key of last.keys()) {
        const [person, id] = key.split(' ');
        if (st.activities.some((a) => a.id === id)) byPerson.set(person, (byPerson.get(person) ?? 0) + 1);
      }
      const shown = live_.strategies.find((x) => x.id === st.id)!;
      expect({ started: shown.started, done: shown.done }).toEqual({ started: byPerson.size, done: [...byPerson.values()].filter((n) => n === st.activities.length).length });
    }
    expect(live_.strategies.find((x) => x.id === 'document')!.done).toBeGreaterThan(0);
    // The plan is exactly the items decided "to initiate this year" that can still be decided on.
    const planned = live_.plan.map((r) => r.item).sort();
    const decidedToInitiate = Object.entries(live_.decisions).filter(([, d]) => d.decision === 'initiate-this-year').map(([item]) => item);
    const shownItems = new Set([...activities, ...live_.strategies.flatMap((st) => st.others.map((o) => o.id))]);
    expect(planned).toEqual(decidedToInitiate.filter((item) => shownItems.has(item)).sort());
  });
});
