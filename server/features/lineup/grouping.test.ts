import { describe, expect, it } from 'vitest';
import { seededContext } from '../../domain/command.js';
import { countOff, groupSizes, lineOrder, smallestGroup } from './grouping.js';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `p${i}`);

describe('birthday groups', () => {
  it('makes groups of 4–5 for every room of 4 to 200 people that can be split that way', () => {
    const unsplittable = [6, 7, 11]; // no sum of 4s and 5s makes these
    for (let n = 4; n <= 200; n++) {
      const sizes = groupSizes(n, 5, 4);
      expect(sizes.reduce((a, b) => a + b, 0), `room of ${n}`).toBe(n);
      if (unsplittable.includes(n)) continue;
      for (const size of sizes) expect(size, `room of ${n}: ${sizes.join(',')}`).toBeGreaterThanOrEqual(4);
      for (const size of sizes) expect(size, `room of ${n}: ${sizes.join(',')}`).toBeLessThanOrEqual(5);
    }
  });

  it('counts off 23 people as 5, 5, 5, 4, 4 and 8 people as 4 and 4 (never 5 and 3)', () => {
    expect(groupSizes(23, 5, 4)).toEqual([5, 5, 5, 4, 4]);
    expect(groupSizes(8, 5, 4)).toEqual([4, 4]);
  });

  it('keeps nobody in a group below 4 where no 4–5 split exists: 6, 7 and 11 people', () => {
    expect(groupSizes(6, 5, 4)).toEqual([6]);
    expect(groupSizes(7, 5, 4)).toEqual([7]);
    expect(groupSizes(11, 5, 4)).toEqual([6, 5]);
  });

  it('puts 1–3 people in one group', () => {
    expect(groupSizes(1, 5, 4)).toEqual([1]);
    expect(groupSizes(2, 5, 4)).toEqual([2]);
    expect(groupSizes(3, 5, 4)).toEqual([3]);
    expect(groupSizes(0, 5, 4)).toEqual([]);
  });

  it('follows the deck: groups of 3–4 when a deck asks for them', () => {
    expect(groupSizes(10, 4, 3)).toEqual([4, 3, 3]);
  });

  it('orders the line January to December, by month and then day', () => {
    const birthdays = new Map([
      ['dec', { month: 12, day: 1 }],
      ['jan31', { month: 1, day: 31 }],
      ['jan2', { month: 1, day: 2 }],
      ['jul', { month: 7, day: 4 }],
      ['feb', { month: 2, day: 29 }],
    ]);
    expect(lineOrder(['dec', 'jan31', 'jan2', 'jul', 'feb'], birthdays, seededContext(1).random)).toEqual(['jan2', 'jan31', 'feb', 'jul', 'dec']);
  });

  it('places people who skipped at random places without disturbing the order of the rest', () => {
    const birthdays = new Map(ids(10).map((id, i) => [id, { month: i + 1, day: 1 }]));
    const people = [...ids(10), 'skip-a', 'skip-b'];
    const seen = new Set<number>();
    const { random } = seededContext(7);
    for (let run = 0; run < 40; run++) {
      const line = lineOrder(people, birthdays, random);
      expect(line).toHaveLength(12);
      expect(line.filter((id) => !id.startsWith('skip'))).toEqual(ids(10));
      seen.add(line.indexOf('skip-a'));
    }
    expect(seen.size).toBeGreaterThan(3);
  });

  it('counts off consecutive stretches of the line', () => {
    expect(countOff(ids(9), 5, 4)).toEqual([ids(9).slice(0, 5), ids(9).slice(5)]);
  });

  it('sends a late joiner to the smallest group', () => {
    expect(smallestGroup([['a', 'b', 'c', 'd', 'e'], ['f', 'g', 'h', 'i'], ['j', 'k', 'l', 'm']])).toBe(1);
  });
});
