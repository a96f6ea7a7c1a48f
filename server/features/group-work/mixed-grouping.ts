import { groupSizes } from '../lineup/grouping.js';

/**
 * Small groups that mix school staff and partners, as the process protocol asks ("set up
 * small groups of staff and partners"), instead of the birthday line-up's count-off.
 * Pure functions: chance comes from the caller (the command's context), so a test knows
 * exactly which groups a seed makes and can check the mix for every room it likes.
 *
 * The mix, in order of what matters:
 * 1. Staff and partners are each spread evenly: any two groups differ by at most one
 *    staff member, and by at most one partner. Everyone else fills the places left.
 * 2. As many groups as possible have both staff and partners: with fewer partners than
 *    groups, each partner joins a group that has staff (and no partner yet).
 * 3. Within a side, each stakeholder group (teachers, classified staff, administrators;
 *    parents, community partners) is spread too, so no group is all administrators.
 * Group sizes follow the line-up's rule (groupSizes): the fewest groups within the sizes.
 */
export type Side = 'staff' | 'partner' | 'other';

export interface Person {
  id: string;
  side: Side;
  /** The person's stakeholder group, spread within their side. */
  group: string;
}

export interface GroupSizes {
  groupSize: number;
  minGroupSize: number;
}

const OPPOSITE: Record<Side, Side | null> = { staff: 'partner', partner: 'staff', other: null };

/** Proposes mixed groups for the people in the room; each group lists member ids. */
export function mixedGroups(people: readonly Person[], sizes: GroupSizes, random: (n: number) => number): string[][] {
  const capacity = groupSizes(people.length, sizes.groupSize, sizes.minGroupSize);
  const groups: Person[][] = capacity.map(() => []);
  const bySide = (side: Side) => people.filter((p) => p.side === side);
  const staff = bySide('staff');
  const partners = bySide('partner');
  // The larger side first: it reaches every group, and the smaller side then mixes into them.
  const sides = staff.length >= partners.length ? [staff, partners, bySide('other')] : [partners, staff, bySide('other')];
  for (const side of sides) {
    for (const person of dealingOrder(side, random)) {
      const open = groups.map((_, i) => i).filter((i) => groups[i].length < capacity[i]);
      groups[bestGroup(groups, open, person)].push(person);
    }
  }
  return groups.map((g) => g.map((p) => p.id));
}

/** The group (0-based) a person who arrives after the groups were made joins: the one the mix most needs them in. */
export function groupForLateJoiner(groups: readonly (readonly Person[])[], person: Person): number {
  return bestGroup(groups, groups.map((_, i) => i), person);
}

/**
 * A side's people in the order they are dealt: stakeholder groups one after another (the
 * largest first), each shuffled, so dealing them in turn spreads every stakeholder group.
 */
function dealingOrder(side: readonly Person[], random: (n: number) => number): Person[] {
  const byGroup = new Map<string, Person[]>();
  for (const person of side) byGroup.set(person.group, [...(byGroup.get(person.group) ?? []), person]);
  return [...byGroup.values()].sort((a, b) => b.length - a.length).flatMap((members) => shuffle(members, random));
}

function shuffle<T>(items: readonly T[], random: (n: number) => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Among `candidates`, the group that most needs this person (see the order above); the first on a tie. */
function bestGroup(groups: readonly (readonly Person[])[], candidates: readonly number[], person: Person): number {
  const opposite = OPPOSITE[person.side];
  const score = (i: number) => {
    const members = groups[i];
    return [
      members.filter((m) => m.side === person.side).length,
      opposite && members.some((m) => m.side === opposite) ? 0 : 1,
      members.filter((m) => m.side === person.side && m.group === person.group).length,
      members.length,
    ];
  };
  let best = candidates[0];
  let bestScore = score(best);
  for (const i of candidates.slice(1)) {
    const s = score(i);
    const better = s.findIndex((v, k) => v !== bestScore[k]);
    if (better >= 0 && s[better] < bestScore[better]) {
      best = i;
      bestScore = s;
    }
  }
  return best;
}
