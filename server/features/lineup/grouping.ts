/**
 * The guide's birthday line-up: line up January to December and count off groups of 5,
 * so that every group has 4–5 people. Pure functions (chance comes from the caller), so
 * the tests can run every room size; the command that uses them records only the groups.
 */

export interface Birthday {
  month: number;
  day: number;
}

/**
 * Group sizes, largest first, for `count` people. Uses the fewest groups whose sizes all
 * lie within [minSize, maxSize] (23 → 5,5,5,4,4; 8 → 4,4). A room smaller than minSize is
 * one group. Where no split fits (6, 7 and 11 people with sizes 4–5), groups grow past
 * maxSize rather than fall below minSize: a round robin of 6 still works, one of 3 is
 * what the guide avoids (6 → 6, 7 → 7, 11 → 6,5).
 */
export function groupSizes(count: number, maxSize: number, minSize: number): number[] {
  if (count <= 0) return [];
  if (count < minSize) return [count];
  let groups = Math.ceil(count / maxSize);
  if (Math.floor(count / groups) < minSize) groups = Math.max(1, Math.floor(count / minSize));
  const base = Math.floor(count / groups);
  const extra = count % groups;
  return Array.from({ length: groups }, (_, i) => base + (i < extra ? 1 : 0));
}

/**
 * The line, January first. People with the same birthday stand in random order; people
 * who skipped the question (no birthday) step into the line at random places.
 */
export function lineOrder(people: string[], birthdays: Map<string, Birthday>, random: (n: number) => number): string[] {
  const dated = people
    .filter((id) => birthdays.has(id))
    .map((id) => ({ id, b: birthdays.get(id)!, tie: random(1_000_000) }))
    .sort((a, b) => a.b.month - b.b.month || a.b.day - b.b.day || a.tie - b.tie)
    .map((p) => p.id);
  const line = [...dated];
  for (const id of people.filter((p) => !birthdays.has(p))) line.splice(random(line.length + 1), 0, id);
  return line;
}

/** Counts off the line into consecutive groups of the sizes above. */
export function countOff(line: string[], maxSize: number, minSize: number): string[][] {
  const groups: string[][] = [];
  let at = 0;
  for (const size of groupSizes(line.length, maxSize, minSize)) {
    groups.push(line.slice(at, at + size));
    at += size;
  }
  return groups;
}

/** The 0-based index of the group with the fewest members (the first such). */
export function smallestGroup(groups: string[][]): number {
  let best = 0;
  for (let i = 1; i < groups.length; i++) if (groups[i].length < groups[best].length) best = i;
  return best;
}
