import type Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testApp } from '../../tests/unit/test-app.js';
import { EventStore } from './event-store.js';

/** A disk that fills up: SQLite may use no more pages than the file has now. */
function fillTheDisk(store: EventStore) {
  const db = (store as unknown as { db: Database.Database }).db;
  const pages = db.pragma('page_count', { simple: true }) as number;
  db.pragma(`max_page_count = ${pages}`);
}

const started = { type: 'session.started', data: { deckId: 'module-1', schoolName: 'Full Disk School' } } as never;

describe('a commit that fails', () => {
  // The store must leave stopping to the server: any call to process.exit is recorded (and
  // not carried out) so the test can say so.
  const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
  afterEach(() => exit.mockClear());

  it('is reported to the store’s listeners and rejects the waiting writes; the store never exits the process, and takes no more writes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'partnerdeck-store-'));
    const store = new EventStore(dataDir);
    store.createSession({ id: 's1', code: 'ABCDEF', deckId: 'module-1', createdAt: Date.now(), startedBy: '' });
    store.append('s1', 1, { role: 'lead' }, [started], Date.now());
    await store.committed();

    const failures: Error[] = [];
    store.onCommitFailure((error) => failures.push(error));
    fillTheDisk(store);
    const big = { type: 'participant.joined', data: { participantId: 'p1', name: 'x'.repeat(200_000), group: 'parent' } } as never;
    store.append('s1', 2, { role: 'participant', participantId: 'p1' }, [big], Date.now());
    await expect(store.committed()).rejects.toThrow(/full/);
    expect(failures.map((e) => e.message)).toEqual([expect.stringMatching(/full/)]);
    expect(exit).not.toHaveBeenCalled();
    // Memory is now ahead of the disk: the store refuses to write anything more.
    expect(() => store.append('s1', 3, { role: 'lead' }, [started], Date.now())).toThrow(/no more writes after a failed commit/);
    store.close();

    // What the disk has is what was committed: the failed write is not there.
    const reopened = new EventStore(dataDir);
    expect(reopened.readEvents('s1').map((e) => e.seq)).toEqual([1]);
    reopened.close();
  });

  it('through the API: the write whose commit failed is never answered as a success', async () => {
    const t = testApp({ limits: { addressPerSecond: 1e6, addressBurst: 1e6 } });
    const s = await t.startSession('Full Disk School');
    const failures: Error[] = [];
    t.store.onCommitFailure((error) => failures.push(error));
    fillTheDisk(t.store);
    const answered: number[] = [];
    for (let i = 0; i < 400 && failures.length === 0; i++) {
      answered.push((await t.call('POST', `/api/sessions/${s.code}/participants`, { body: { name: `Person ${i}`.padEnd(40, '.'), group: 'parent' } })).status);
    }
    expect(failures).toHaveLength(1);
    expect(exit).not.toHaveBeenCalled();
    // Every join before the failure was committed and answered 201; the one that failed got a 500, not a 201.
    expect(answered.at(-1)).toBe(500);
    expect(answered.slice(0, -1).every((status) => status === 201)).toBe(true);
    const joinedBefore = answered.length - 1;
    t.close();
    const again = testApp({ dataDir: t.dataDir });
    expect(again.registry.get(s.code)!.runtime.state.participants.size).toBe(joinedBefore);
    again.close();
  });
});
