import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeFrame } from './frame-encoding.js';
import { startHeartbeat } from './heartbeat.js';
import { StreamPool } from './stream-pool.js';
import { recordingConnection } from './test-connections.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const frame = (seq: number) => encodeFrame({ event: 'patch', seq }, [`"n":${seq}`]);

describe('a pool of streams', () => {
  it('queues a frame on every stream, and drops (and reports) one whose client has fallen behind', () => {
    const dropped: string[] = [];
    const pool = new StreamPool((role) => dropped.push(role));
    const keeping = recordingConnection('lead');
    let behind = false;
    const slow = recordingConnection('support', undefined, () => !behind);
    pool.add(keeping.connection, frame(1));
    pool.add(slow.connection, frame(1));
    pool.broadcast(frame(2));
    behind = true;
    pool.broadcast(frame(3));
    expect(keeping.messages().map((m) => m.data.parts.n)).toEqual([1, 2, 3]);
    expect(slow.state.closed).toBe(true);
    expect(dropped).toEqual(['support']);
    expect(pool.size).toBe(1);
  });

  it('never drops a stream for its first frame (the full view may be large), and forgets it on disconnect', () => {
    const pool = new StreamPool();
    const phone = recordingConnection('participant', 'p1', () => false);
    const disconnect = pool.add(phone.connection, frame(1));
    expect(pool.size).toBe(1);
    expect(phone.state.closed).toBe(false);
    disconnect();
    expect(pool.size).toBe(0);
  });
});

describe('the heartbeat', () => {
  it('pings only streams quiet for 20 s, and drops one whose ping cannot be queued', () => {
    const dropped: string[] = [];
    const pool = new StreamPool((role) => dropped.push(role));
    const quiet = recordingConnection('lead');
    const busy = recordingConnection('participant', 'p1');
    let dead = false;
    const gone = recordingConnection('participant', 'p2', () => !dead);
    for (const c of [quiet, busy, gone]) pool.add(c.connection, frame(1));
    const stop = startHeartbeat([pool], 20_000);
    vi.advanceTimersByTime(15_000);
    pool.send(busy.connection, frame(2));
    dead = true;
    vi.advanceTimersByTime(10_000);
    expect(quiet.frames.at(-1)).toBe(': ping\n\n');
    expect(busy.frames.at(-1)).not.toBe(': ping\n\n');
    expect(gone.state.closed).toBe(true);
    expect(dropped).toEqual(['participant']);
    // The busy stream gets its ping once it too has been quiet for 20 s (the check runs every 10 s).
    vi.advanceTimersByTime(5_000);
    expect(busy.frames.at(-1)).not.toBe(': ping\n\n');
    vi.advanceTimersByTime(10_000);
    expect(busy.frames.at(-1)).toBe(': ping\n\n');
    stop();
    const count = quiet.frames.length;
    vi.advanceTimersByTime(60_000);
    expect(quiet.frames.length).toBe(count);
  });
});
