import { describe, expect, it } from 'vitest';
import { ContentTags } from './content-tags.js';
import { serialise } from './frame-encoding.js';

describe('content tags', () => {
  it('tag a part by its content, so a restarted server knows a phone still holds it, and a changed part by a new tag', () => {
    const before = new ContentTags();
    before.retag(serialise({ session: { slide: 23 }, gallery: { walls: ['a'] } }));
    const held = new Map(Object.entries(before.all()));
    const restarted = new ContentTags();
    restarted.retag(serialise({ session: { slide: 23 }, gallery: { walls: ['a', 'b'] } }));
    expect(restarted.keptBy(held)).toEqual(['session']);
    expect(restarted.of(['gallery']).gallery).not.toBe(held.get('gallery'));
    expect(restarted.keptBy(undefined)).toEqual([]);
  });
});
