import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDecks } from '../deck/load-decks.js';
import { OpsLog } from '../ops/ops-log.js';
import { SessionRegistry } from '../runtime/session-registry.js';
import { EventStore } from '../store/event-store.js';
import { SLIDES_DIR } from '../../tests/unit/test-app.js';
import { EVENT_VERSION, upcast, type EventVersions } from './event-versions.js';

/**
 * No event has changed shape yet, so this is a made-up but typical change: suppose version
 * 1 of `participant.joined` had said `displayName` and `stakeholder`, and version 2 renamed
 * them to today's `name` and `group`. A data folder written with version 1 must replay into
 * today's state, through the upcaster, before the reducers see it.
 */
const RENAMED_IN_V2: EventVersions = {
  current: 2,
  upcasters: {
    'participant.joined': {
      1: ({ participantId, displayName, stakeholder }) => ({ participantId, name: displayName, group: stakeholder }),
    },
  },
};

const decks = loadDecks(SLIDES_DIR);
const T0 = Date.parse('2026-03-02T09:00:00Z');

/** A session whose log was written with event version 1, rows planted straight in the file. */
function folderWithV1Log(joined: Record<string, unknown>, version = 1) {
  const dataDir = mkdtempSync(join(tmpdir(), 'partnerdeck-versions-'));
  new EventStore(dataDir).close();
  const db = new Database(join(dataDir, 'partnerdeck.sqlite'));
  db.prepare('INSERT INTO sessions (id, code, deck_id, created_at) VALUES (?, ?, ?, ?)').run('s1', 'VERSNS', 'module-1', T0);
  const insert = db.prepare('INSERT INTO events (session_id, seq, type, actor, data, at, v) VALUES (?, ?, ?, ?, ?, ?, ?)');
  insert.run('s1', 1, 'session.started', '{"role":"lead"}', JSON.stringify({ deckId: 'module-1', schoolName: 'Version School' }), T0, 1);
  insert.run('s1', 2, 'participant.joined', '{"role":"participant","participantId":"p1"}', JSON.stringify(joined), T0 + 1, version);
  db.close();
  return dataDir;
}

describe('event versions', () => {
  it('this code writes version 1 of every event (no event has changed shape yet)', () => {
    expect(EVENT_VERSION).toBe(1);
  });

  it('an event in an older shape replays through its upcaster into today’s shape, and new events carry the new version', async () => {
    const dataDir = folderWithV1Log({ participantId: 'p1', displayName: 'Amara', stakeholder: 'teacher' });
    const store = new EventStore(dataDir, RENAMED_IN_V2);
    expect(store.readEvents('s1')[1].data).toEqual({ participantId: 'p1', name: 'Amara', group: 'teacher' });

    const registry = new SessionRegistry(store, decks, OpsLog.memory().log);
    const { runtime } = registry.get('VERSNS')!;
    expect(runtime.state.participants.get('p1')).toMatchObject({ name: 'Amara', group: 'teacher' });

    // Written now: today's shape, marked version 2, and read back as it is.
    runtime.execute({ role: 'participant', participantId: 'p2' }, undefined, () => ({
      events: [{ type: 'participant.joined', data: { participantId: 'p2', name: 'Ben', group: 'parent' } }],
      response: null,
    }));
    await store.committed();
    store.close();
    const db = new Database(join(dataDir, 'partnerdeck.sqlite'), { readonly: true });
    expect(db.prepare('SELECT seq, v FROM events ORDER BY seq').all()).toEqual([
      { seq: 1, v: 1 },
      { seq: 2, v: 1 },
      { seq: 3, v: 2 },
    ]);
    db.close();
    const reopened = new EventStore(dataDir, RENAMED_IN_V2);
    expect(reopened.readEvents('s1').map((e) => e.data)).toContainEqual({ participantId: 'p2', name: 'Ben', group: 'parent' });
    reopened.close();
  });

  it('steps run one version at a time, in order; a type with no step for a version passes through unchanged', () => {
    const versions: EventVersions = {
      current: 4,
      upcasters: {
        'card.written': {
          1: (data) => ({ ...data, trail: [...data.trail, 'to 2'] }),
          3: (data) => ({ ...data, trail: [...data.trail, 'to 4'] }),
        },
      },
    };
    expect(upcast('card.written', 1, { trail: [] }, versions)).toEqual({ trail: ['to 2', 'to 4'] });
    expect(upcast('card.written', 3, { trail: [] }, versions)).toEqual({ trail: ['to 4'] });
    expect(upcast('slide.shown', 1, { slide: 3 }, versions)).toEqual({ slide: 3 });
  });

  it('an event from a newer version, or one its upcaster cannot convert, sets its session aside with a reason that quotes none of its data', () => {
    const tooNew = new EventStore(folderWithV1Log({ participantId: 'p1', name: 'Amara', group: 'teacher' }, 5));
    const first = new SessionRegistry(tooNew, decks, OpsLog.memory().log);
    expect(first.setAside()).toEqual([
      expect.objectContaining({
        code: 'VERSNS',
        problem: 'event_rejected',
        seq: 2,
        reason: `its log cannot be replayed: event 2 (participant.joined) was written by a newer version of Partnerdeck (event version 5; this version knows up to ${EVENT_VERSION})`,
      }),
    ]);
    tooNew.close();

    const strict: EventVersions = {
      current: 2,
      upcasters: {
        'participant.joined': {
          1: (data) => {
            throw new Error(`no stakeholder in ${JSON.stringify(data)}`);
          },
        },
      },
    };
    const broken = new EventStore(folderWithV1Log({ participantId: 'p1', displayName: 'Amara' }), strict);
    const second = new SessionRegistry(broken, decks, OpsLog.memory().log);
    const [aside] = second.setAside();
    expect(aside).toMatchObject({ code: 'VERSNS', problem: 'event_rejected', seq: 2 });
    expect(aside.reason).toBe('its log cannot be replayed: event 2 (participant.joined) cannot be brought from event version 1 to 2 (Error)');
    expect(aside.reason).not.toContain('Amara');
    broken.close();
  });
});
