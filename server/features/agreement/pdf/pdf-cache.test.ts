import { describe, expect, it } from 'vitest';
import { PdfCache, pdfCacheKey } from './pdf-cache.js';

const pdf = (kb: number) => new Uint8Array(kb * 1024);
const letter = { size: 'LETTER', languages: ['en'] } as const;
const a4 = { size: 'A4', languages: ['en'] } as const;
const letterInSpanish = { size: 'LETTER', languages: ['es'] } as const;
const letterInBoth = { size: 'LETTER', languages: ['en', 'es'] } as const;

describe('the PDF cache', () => {
  it('names a PDF by session, version and variant', () => {
    expect(pdfCacheKey('s1', 7, letter)).not.toBe(pdfCacheKey('s1', 7, a4));
    expect(pdfCacheKey('s1', 7, letter)).not.toBe(pdfCacheKey('s1', 7, letterInSpanish));
    expect(pdfCacheKey('s1', 7, letterInSpanish)).not.toBe(pdfCacheKey('s1', 7, letterInBoth));
    expect(pdfCacheKey('s1', 7, letter)).not.toBe(pdfCacheKey('s1', 8, letter));
    expect(pdfCacheKey('s1', 7, letter)).not.toBe(pdfCacheKey('s2', 7, letter));
  });

  it('keeps only the newest version of a session, and ignores a late render of an older one', () => {
    const cache = new PdfCache();
    cache.put(pdfCacheKey('s1', 5, letter), 's1', 5, pdf(20));
    cache.put(pdfCacheKey('s1', 5, a4), 's1', 5, pdf(20));
    cache.put(pdfCacheKey('s1', 9, letter), 's1', 9, pdf(20));
    expect(cache.get(pdfCacheKey('s1', 5, letter))).toBeUndefined();
    expect(cache.get(pdfCacheKey('s1', 5, a4))).toBeUndefined();
    expect(cache.heldFor('s1')).toBe(1);
    cache.put(pdfCacheKey('s1', 7, a4), 's1', 7, pdf(20));
    expect(cache.get(pdfCacheKey('s1', 7, a4))).toBeUndefined();
    expect(cache.bytes).toBe(20 * 1024);
  });

  it('holds at most `perSession` variants of a session', () => {
    const cache = new PdfCache({ perSession: 2 });
    const variants = ([letter, a4, letter] as const).map((variant, i) => pdfCacheKey('s1', 3, variant) + `:lang${i}`);
    for (const key of variants) cache.put(key, 's1', 3, pdf(10));
    expect(cache.heldFor('s1')).toBe(2);
    expect(cache.get(variants[0])).toBeUndefined();
    expect(cache.get(variants[2])).toBeDefined();
  });

  it('stays under its byte budget by letting go of the least recently used PDFs first', () => {
    const cache = new PdfCache({ maxBytes: 100 * 1024 });
    for (const session of ['a', 'b', 'c', 'd']) cache.put(pdfCacheKey(session, 1, letter), session, 1, pdf(30));
    // 120 KB asked for: the oldest, "a", went.
    expect(cache.bytes).toBe(90 * 1024);
    expect(cache.heldFor('a')).toBe(0);
    // Reading "b" makes it recent; the next PDF pushes out "c" instead.
    cache.get(pdfCacheKey('b', 1, letter));
    cache.put(pdfCacheKey('e', 1, letter), 'e', 1, pdf(30));
    expect(cache.heldFor('b')).toBe(1);
    expect(cache.heldFor('c')).toBe(0);
    // One PDF bigger than the whole budget is not held at all.
    cache.put(pdfCacheKey('f', 1, letter), 'f', 1, pdf(200));
    expect(cache.heldFor('f')).toBe(0);
    expect(cache.bytes).toBe(90 * 1024);
  });

  it('drops the PDFs of sessions that are gone', () => {
    const cache = new PdfCache();
    cache.put(pdfCacheKey('kept', 1, letter), 'kept', 1, pdf(5));
    cache.put(pdfCacheKey('gone', 1, letter), 'gone', 1, pdf(5));
    cache.retain((id) => id === 'kept');
    expect(cache.heldFor('gone')).toBe(0);
    expect(cache.bytes).toBe(5 * 1024);
  });
});
