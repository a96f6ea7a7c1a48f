import { PING_FRAME } from './frame-encoding.js';
import type { StreamPool } from './stream-pool.js';

/**
 * A ping on every stream that has been quiet for `quietMs`, so proxies keep it open and a
 * dead client is noticed (its stream is dropped like any that falls behind). A stream that
 * just had an update needs none: that keeps a phone's message count in a busy second to
 * its updates. Streams are looked at every half of `quietMs`, so none stays quiet for
 * more than one and a half times it.
 */
export function startHeartbeat(
  pools: readonly StreamPool[] | (() => Iterable<StreamPool>),
  quietMs: number,
  now: () => number = () => performance.now(),
): () => void {
  const beat = setInterval(() => {
    const since = now() - quietMs;
    // A function gives the pools as they are now (the phones' pools come and go with their languages).
    for (const pool of typeof pools === 'function' ? pools() : pools) for (const connection of pool.quietSince(since)) pool.send(connection, PING_FRAME);
  }, quietMs / 2);
  // A heartbeat alone never keeps the process running.
  beat.unref();
  return () => clearInterval(beat);
}
