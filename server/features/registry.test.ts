import { describe, expect, it } from 'vitest';
import { deckSchemas } from '../deck/deck-schema.js';
import { z } from 'zod';
import { features } from './registry.js';

describe('the list of features', () => {
  it('gives every activity kind of the deck format to exactly one feature', () => {
    const { activity } = deckSchemas(z.string());
    const kinds = activity.options.map((option) => option.shape.kind.value).sort();
    const claimed = features.flatMap((feature) => feature.deckKinds ?? []).sort();
    expect(claimed).toEqual(kinds);
  });

  it('names each feature once, after its folder', () => {
    const names = features.map((feature) => feature.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
