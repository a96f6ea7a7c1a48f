import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpsLog } from '../ops/ops-log.js';
import type { SessionRegistry } from '../runtime/session-registry.js';
import type { PostgresStore } from '../store/postgres-store.js';
import { SETTLE_MAX_MS, SETTLE_MIN_MS, SETTLE_QUIET_MS, SessionOwnership } from './session-ownership.js';

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] }));
afterEach(() => vi.useRealTimers());

const CODE = 'ABCDEF';

/** An instance that takes over a session whose owner is gone: a database and a registry that say just that. */
async function tookOver(): Promise<SessionOwnership> {
  const row = { id: 's1', code: CODE, deckId: 'module-1', createdAt: 0, startedBy: 'operator' };
  let adopted = false;
  const store = {
    instanceId: 'me',
    onSessionsLost: () => {},
    locate: async () => ({ live: false, owner: null, ownerUrl: null, row }),
    claim: async () => true,
    readEvents: async () => [],
    forget: () => {},
  } as unknown as PostgresStore;
  const registry = {
    get: () => (adopted ? {} : undefined),
    row: () => undefined,
    adopt: () => ((adopted = true), null),
  } as unknown as SessionRegistry;
  const ownership = new SessionOwnership(store, registry, { event: () => {} } as unknown as OpsLog);
  expect(await ownership.whereIs(CODE)).toEqual({ at: 'here' });
  return ownership;
}

describe('a session just taken over gives its phones their views before it takes their writes again', () => {
  it('waits for the phones to start coming back: no stream in the first second is not yet the end of it', async () => {
    const ownership = await tookOver();
    expect(ownership.settling(CODE)).toBe(true);
    vi.advanceTimersByTime(SETTLE_QUIET_MS + 250);
    expect(ownership.settling(CODE)).toBe(true);
    vi.advanceTimersByTime(SETTLE_MIN_MS - SETTLE_QUIET_MS);
    expect(ownership.settling(CODE)).toBe(false);
  });

  it('goes on while streams keep arriving, until none came for a while, and never past its limit', async () => {
    const quiet = await tookOver();
    vi.advanceTimersByTime(SETTLE_MIN_MS - 100);
    quiet.streamArrived(CODE);
    vi.advanceTimersByTime(SETTLE_QUIET_MS - 50);
    expect(quiet.settling(CODE)).toBe(true);
    vi.advanceTimersByTime(100);
    expect(quiet.settling(CODE)).toBe(false);

    const busy = await tookOver();
    for (let ms = 0; ms < SETTLE_MAX_MS - 200; ms += 200) {
      vi.advanceTimersByTime(200);
      busy.streamArrived(CODE);
      expect(busy.settling(CODE)).toBe(true);
    }
    vi.advanceTimersByTime(400);
    busy.streamArrived(CODE);
    expect(busy.settling(CODE)).toBe(false);
  });
});
