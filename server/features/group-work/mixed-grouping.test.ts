import { describe, expect, it } from 'vitest';
import { SLIDES_DIR } from '../../../tests/unit/test-app.js';
import { loadDecks } from '../../deck/load-decks.js';
import { seededContext } from '../../domain/command.js';
import { groupSizes } from '../lineup/grouping.js';
import type { MixedGroupsActivity } from './group-work-model.js';
import { groupForLateJoiner, mixedGroups, type Person, type Side } from './mixed-grouping.js';

// The stakeholder groups the process protocol's deck declares, and which side each is on
// as its mixed-groups slide says: a rename in the deck is a rename here.
const deck = loadDecks(SLIDES_DIR).get('partnership-protocol')!;
const activity = deck.slides.find((s) => s.activity?.kind === 'mixed-groups')!.activity as MixedGroupsActivity;
const SIZES = { groupSize: 5, minGroupSize: 4 };
const STAFF_GROUPS = activity.staff;
const PARTNER_GROUPS = activity.partners;
const [TEACHER, CLASSIFIED, ADMINISTRATOR] = STAFF_GROUPS;
const [, , PARENT] = PARTNER_GROUPS;

/** A room of `staff` staff, `partners` partners and `others` others, stakeholder groups cycling within each side. */
function room(staff: number, partners: number, others = 0): Person[] {
  const make = (n: number, side: Side, groups: string[], prefix: string) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, side, group: groups[i % groups.length] }));
  return [...make(staff, 'staff', STAFF_GROUPS, 's'), ...make(partners, 'partner', PARTNER_GROUPS, 'p'), ...make(others, 'other', ['student'], 'o')];
}

function countsOf(groups: string[][], people: Person[], pick: (p: Person) => boolean): number[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  return groups.map((g) => g.filter((id) => pick(byId.get(id)!)).length);
}

const spread = (counts: number[]) => Math.max(...counts) - Math.min(...counts);

describe('mixed groups', () => {
  it('spreads the stakeholder groups the deck declares: three of staff, three of partners, each a group people join as', () => {
    expect(STAFF_GROUPS).toHaveLength(3);
    expect(PARTNER_GROUPS).toHaveLength(3);
    const joinable = deck.groups.map((g) => g.id);
    for (const id of [...STAFF_GROUPS, ...PARTNER_GROUPS]) expect(joinable).toContain(id);
  });

  it('mixes a room of 12 staff and 8 partners into four groups of five, each with staff and partners', () => {
    const people = room(12, 8);
    const groups = mixedGroups(people, SIZES, seededContext(7).random);
    expect(groups.map((g) => g.length)).toEqual([5, 5, 5, 5]);
    expect(countsOf(groups, people, (p) => p.side === 'staff')).toEqual([3, 3, 3, 3]);
    expect(countsOf(groups, people, (p) => p.side === 'partner')).toEqual([2, 2, 2, 2]);
    // Four teachers, four classified staff, four administrators: one of each at least per group.
    for (const group of STAFF_GROUPS) expect(countsOf(groups, people, (p) => p.group === group).every((n) => n === 1 || n === 2)).toBe(true);
  });

  it('puts each of too few partners with staff, never two partners together while a group has none', () => {
    const people = room(16, 2);
    const groups = mixedGroups(people, SIZES, seededContext(3).random);
    expect(groups).toHaveLength(4);
    const partners = countsOf(groups, people, (p) => p.side === 'partner');
    expect(partners.filter((n) => n === 1)).toHaveLength(2);
    expect(partners.every((n) => n <= 1)).toBe(true);
    // One staff member and one partner in a room too small to split: they work together.
    const two = room(1, 1);
    expect(mixedGroups(two, SIZES, seededContext(1).random)).toEqual([[expect.any(String), expect.any(String)]]);
  });

  it('for every room up to 40 people and many seeds: everyone once, the line-up sizes, staff and partners each spread within one, the most mixed groups possible', () => {
    for (let staff = 0; staff <= 24; staff += 3) {
      for (let partners = 0; partners <= 16; partners += 2) {
        for (const others of [0, 1, 3, 8, 15]) {
          const people = room(staff, partners, others);
          for (let seed = 1; seed <= 4; seed++) {
            const groups = mixedGroups(people, SIZES, seededContext(seed * 101 + staff).random);
            const where = `${staff} staff, ${partners} partners, ${others} others, seed ${seed}`;
            expect(groups.flat().sort(), where).toEqual(people.map((p) => p.id).sort());
            expect(groups.map((g) => g.length), where).toEqual(groupSizes(people.length, 5, 4));
            for (const side of ['staff', 'partner'] as const) expect(spread(countsOf(groups, people, (p) => p.side === side)), `${where}: ${side}`).toBeLessThanOrEqual(1);
            // Others fill the places staff and partners leave, so they may differ by two.
            expect(spread(countsOf(groups, people, (p) => p.side === 'other')), where).toBeLessThanOrEqual(2);
            const mixed = groups.filter((g) => g.some((id) => id.startsWith('s')) && g.some((id) => id.startsWith('p'))).length;
            expect(mixed, where).toBe(Math.min(groups.length, staff, partners));
          }
        }
      }
    }
  });

  it('draws on the seed alone: the same seed makes the same groups, another seed others', () => {
    const people = room(10, 10);
    expect(mixedGroups(people, SIZES, seededContext(42).random)).toEqual(mixedGroups(people, SIZES, seededContext(42).random));
    expect(mixedGroups(people, SIZES, seededContext(42).random)).not.toEqual(mixedGroups(people, SIZES, seededContext(43).random));
  });

  it('sends a late partner to a group with staff and the fewest partners, a late teacher where staff are fewest', () => {
    const s = (id: string, group = TEACHER): Person => ({ id, side: 'staff', group });
    const p = (id: string, group = PARENT): Person => ({ id, side: 'partner', group });
    const groups = [[s('a'), s('b'), p('c')], [s('d'), s('e')], [p('f'), p('g')]];
    expect(groupForLateJoiner(groups, p('late'))).toBe(1);
    expect(groupForLateJoiner(groups, s('late'))).toBe(2);
    // Fewer staff wins over fewer members.
    expect(groupForLateJoiner([[s('a', CLASSIFIED), s('b', CLASSIFIED), p('c')], [s('d', CLASSIFIED), p('e'), p('f'), p('g')]], s('late'))).toBe(1);
    // Same sides: where their own stakeholder group is fewest (a second administrator goes elsewhere).
    expect(groupForLateJoiner([[s('a', ADMINISTRATOR), p('b')], [s('c'), p('d')]], s('late', ADMINISTRATOR))).toBe(1);
    // Same sides everywhere: the smaller group.
    expect(groupForLateJoiner([[s('a'), p('b'), s('c')], [s('d'), p('e')]], s('late', CLASSIFIED))).toBe(1);
  });
});
