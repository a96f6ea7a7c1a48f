import { describe, expect, it } from 'vitest';
import { gradeSpans } from '../../web/present/grade-spans.js';

const GRADES = ['Pre-K', 'K', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'];

describe('a strategy’s grades on the continuum', () => {
  it('joins neighbouring grades into a range and lists the others, youngest first', () => {
    expect(gradeSpans(['5', '3', '4'], GRADES)).toBe('3–5');
    expect(gradeSpans(['7'], GRADES)).toBe('7');
    expect(gradeSpans(['8', 'K', '2', '7'], GRADES)).toBe('K, 2, 7–8');
  });
});
