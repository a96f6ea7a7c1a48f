import { describe, expect, it } from 'vitest';
import type { Answer } from './answer-state.js';
import { wordCloud } from './word-cloud.js';

const answer = (text: string): Answer => ({ id: text, slide: 4, authorId: 'p', text, hidden: false, withdrawn: false, at: 0 });

describe('wordCloud', () => {
  it('counts the same idea together whatever its case, punctuation or article', () => {
    const cloud = wordCloud(['The bus driver', 'a bus driver!', 'Bus Driver', 'Grandma'].map(answer));
    expect(cloud).toEqual([
      { text: 'bus driver', count: 3 },
      { text: 'Grandma', count: 1 },
    ]);
  });
});
