import { apiClient, bodyOf } from './live/api-client.js';

const sessions = apiClient().api.sessions[':code'];

/**
 * The server's clock, as seen from this browser. Timers arrive as server times (when a
 * countdown ends), so every screen needs the difference between its own clock and the
 * server's: a phone's clock can be minutes off. We ask the server for its time a few
 * times, keep the answer with the shortest round trip, and assume the server read its
 * clock halfway through it (as NTP does). Good to a few tens of milliseconds on Wi-Fi.
 */
let offsetMs = 0;
let syncedAt = 0;
let syncing: Promise<void> | null = null;
const RESYNC_MS = 60_000;

export function serverNow(): number {
  return Date.now() + offsetMs;
}

/** Measures the offset if it is unknown or old; cheap to call on every render. */
export function syncServerClock(code: string): void {
  if (syncing || Date.now() - syncedAt < RESYNC_MS) return;
  syncing = measure(code).finally(() => {
    syncing = null;
  });
}

async function measure(code: string): Promise<void> {
  let best: { rtt: number; offset: number } | null = null;
  for (let i = 0; i < 3; i++) {
    try {
      const sent = Date.now();
      const { now } = await bodyOf(sessions.timers.clock.$get({ param: { code } }, { init: { cache: 'no-store' } }));
      const received = Date.now();
      const rtt = received - sent;
      if (!best || rtt < best.rtt) best = { rtt, offset: now + rtt / 2 - received };
    } catch {
      // offline: keep the last offset and try again on a later render
    }
  }
  if (best) {
    offsetMs = best.offset;
    syncedAt = Date.now();
  }
}

/** Milliseconds left on a timer part, at the server's present moment. */
export function timeLeft(timer: { running: boolean; endsAt: number | null; remainingMs: number; ended: boolean }): number {
  if (timer.ended) return 0;
  if (timer.running && timer.endsAt !== null) return Math.max(0, timer.endsAt - serverNow());
  return Math.max(0, timer.remainingMs);
}

export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
