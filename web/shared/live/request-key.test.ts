import { describe, expect, it } from 'vitest';
import { RequestKey } from './request-key.js';

describe('RequestKey: one key per request the operator means', () => {
  it('the same request asked again before an answer (a retry) keeps its key', () => {
    const keys = new RequestKey();
    const first = keys.for({ deckId: 'module-1', schoolName: 'Lincoln' });
    expect(first).toMatch(/^[0-9a-f]{24}$/);
    expect(keys.for({ deckId: 'module-1', schoolName: 'Lincoln' })).toBe(first);
  });

  it('another request, or the same one after its answer, gets a new key', () => {
    const keys = new RequestKey();
    const lincoln = keys.for({ deckId: 'module-1', schoolName: 'Lincoln' });
    const roosevelt = keys.for({ deckId: 'module-1', schoolName: 'Roosevelt' });
    expect(roosevelt).not.toBe(lincoln);
    keys.answered();
    const again = keys.for({ deckId: 'module-1', schoolName: 'Roosevelt' });
    expect(again).not.toBe(roosevelt);
  });
});
