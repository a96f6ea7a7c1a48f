import { getHeapStatistics } from 'node:v8';

/**
 * When the server cannot keep up, it says so (503 with Retry-After) instead of taking on
 * work it cannot finish: a server that queues everything runs out of memory and dies, and
 * then nobody is served. Phones back off with jitter and retry with the same
 * Idempotency-Key (web/shared/live/outbox.ts), so a refused write is applied once, later.
 *
 * Three signals, each cheap to read on every request:
 * - the event loop's lateness (sampled by a timer while requests come in): how long a
 *   request now waits for its turn. A request's bytes wait in the kernel's socket buffer
 *   until node reads them, which is at the next turn of the event loop, and once read its
 *   handler runs at once (node parses and dispatches in the same step, so the time from
 *   "headers parsed" to "handler runs" is nil and says nothing): the length of the turns is
 *   the queueing delay node can see. Two rules read it, as CoDel does for a packet queue:
 *   lateness that stays above a target for a whole window (no turn in the last second was
 *   short: a standing queue, the server is not catching up) and a smoothed lateness far
 *   above it (one very long stall). A single long turn (a collection, a slide change's
 *   fan-out) refuses nothing;
 * - the heap in use against node's limit (sampled): near the limit, collection takes all
 *   the time there is and then the process dies;
 * - requests in flight (entered, not yet answered): the queue the server holds itself.
 *
 * Only a participant's requests and requests without a key (joining) are shed: the
 * facilitators' few requests (moving the deck, revealing the tallies) always go through.
 */
export interface LoadLimits {
  /** Smoothed event-loop lateness above which participants' requests are refused. */
  maxLagMs: number;
  /** Lateness that, when every sample of the last STANDING_WINDOW_MS was above it, refuses (a standing queue). */
  standingLagMs: number;
  /** Share of the heap limit in use above which they are refused. */
  maxHeapShare: number;
  /** Requests in flight above which they are refused. */
  maxInFlight: number;
}

/**
 * A second of smoothed lateness: at 250 ms the server shed thousands of stickers in a
 * 2,000-phone run on a machine whose cores other work was using (load average 12 on 2
 * cores), and each refusal cost its phone a second or more. Half a second standing: a
 * server whose every turn for a second took more than half a second has a queue it is not
 * working off (a write then waits one to two turns), while the turns of a server that keeps
 * up come short between its busy ones; in the 2,000 and 10,000 runs the turns stayed
 * below that (their phones' writes go through the harness's pools, 1,024 at most at once).
 */
export const DEFAULT_LOAD_LIMITS: LoadLimits = { maxLagMs: 1000, standingLagMs: 500, maxHeapShare: 0.85, maxInFlight: 3000 };

/** How long lateness must stay above `standingLagMs` before it refuses. */
export const STANDING_WINDOW_MS = 1000;

/** What a refusal says: why, and when to come back. */
export interface Refusal {
  reason: 'busy' | 'memory' | 'queue';
  retryAfterS: number;
}

export interface LoadSignals {
  lagMs(): number;
  /** The smallest lateness sampled over the last STANDING_WINDOW_MS (0 with too few samples to tell). */
  standingLagMs?(): number;
  heapShare(): number;
  /** A request came in or was answered: signals sampled only while there is work sample again. */
  wake?(): void;
}

export class LoadShedder {
  /** Requests entered and not yet answered. */
  inFlight = 0;
  /** Requests refused since start, by reason (the operations log reports them). */
  readonly refused = { busy: 0, memory: 0, queue: 0 };

  constructor(
    private readonly signals: LoadSignals,
    private readonly limits: LoadLimits = DEFAULT_LOAD_LIMITS,
    /** Which requests of a standing queue's share are refused (a test gives its own numbers). */
    private readonly random: () => number = Math.random,
  ) {}

  /**
   * A request came in: it counts as in flight until `leave()`. Only a request that may be
   * refused (`sheddable`: a participant's write, stream or join) wakes the lateness sampler:
   * the lateness judges only those, and a facilitator's request every second or so (a slide
   * change) kept the 20 ms timer going through a whole talk, with nothing to refuse. On the
   * 2-core machine this was built on, 20 slide changes a second apart (no phones) cost the
   * server 0.31–0.41 s of CPU with it running, 0.15–0.16 s without: a wake-up costs about
   * 0.2 ms, 50 of them a second.
   */
  enter(sheddable = true): void {
    this.inFlight++;
    if (sheddable) this.signals.wake?.();
  }

  /** A request was answered (more work is likely near: the sampler keeps going a while). */
  leave(sheddable = true): void {
    this.inFlight--;
    if (sheddable) this.signals.wake?.();
  }

  /** Null to go ahead, or why the request is refused. */
  verdict(): Refusal | null {
    const refusal = this.judge();
    if (refusal) this.refused[refusal.reason]++;
    return refusal;
  }

  private judge(): Refusal | null {
    if (this.signals.heapShare() > this.limits.maxHeapShare) return { reason: 'memory', retryAfterS: 5 };
    if (this.inFlight > this.limits.maxInFlight) return { reason: 'queue', retryAfterS: 2 };
    const lag = this.signals.lagMs();
    // The longer the wait, the longer the phones stay away: a second per half-second of lateness.
    if (lag > this.limits.maxLagMs) return { reason: 'busy', retryAfterS: Math.min(10, 1 + Math.floor(lag / 500)) };
    // A standing queue refuses a share of the requests, growing with how far the wait is
    // above its target (all of them at twice the target), as PIE drops packets: refusing
    // everyone at once left the server idle while the refused phones waited out their
    // Retry-After (in an overload run it worked half the time and answered a third of what
    // it answers unrefused). Phones double their wait after each refusal in a row, so a
    // short Retry-After is enough: the ones refused again come back later by themselves.
    const standing = this.signals.standingLagMs?.() ?? 0;
    const target = this.limits.standingLagMs;
    if (standing > target && this.random() < (standing - target) / target) {
      return { reason: 'busy', retryAfterS: Math.min(10, 1 + Math.floor(standing / 1000)) };
    }
    return null;
  }
}

const SAMPLE_MS = 20;

/**
 * The lateness samples of the last window, for the smallest of them: if even the shortest
 * wait of the last second was long, the queue did not empty once in that second. It tells
 * only once the samples cover a whole window (reading 0 before: a sampler that has just
 * woken, or a single long turn, says nothing about a standing queue). One sample from
 * before the window is kept, as the start of what the samples cover.
 */
export class StandingLateness {
  private readonly at: number[] = [];
  private readonly late: number[] = [];

  constructor(private readonly windowMs = STANDING_WINDOW_MS) {}

  add(now: number, lateMs: number): void {
    this.at.push(now);
    this.late.push(lateMs);
    this.drop(now);
  }

  /** Forget everything (the sampler rested: what it saw is old). */
  clear(): void {
    this.at.length = 0;
    this.late.length = 0;
  }

  minimum(now: number): number {
    this.drop(now);
    // The first sample's own wait began before it: the span covered runs back that far.
    if (this.at.length === 0 || now - (this.at[0] - this.late[0]) < this.windowMs) return 0;
    const from = now - this.windowMs;
    let least = Infinity;
    for (let i = 0; i < this.at.length; i++) if (this.at[i] > from && this.late[i] < least) least = this.late[i];
    return least === Infinity ? 0 : least;
  }

  private drop(now: number): void {
    const from = now - this.windowMs;
    let stale = 0;
    while (stale + 1 < this.at.length && this.at[stale + 1] <= from) stale++;
    if (stale > 0) {
      this.at.splice(0, stale);
      this.late.splice(0, stale);
    }
  }
}

const HEAP_SAMPLE_MS = 250;
/** Samples (a second's worth) taken after the last request came in before the sampler rests. */
const QUIET_SAMPLES = 50;

/**
 * The live signals of this process: a timer that should fire every 20 ms measures how late
 * it runs (smoothed, so one long step does not refuse a room), and the heap in use is read
 * four times a second. `stop()` clears the timers.
 *
 * The lateness timer runs only while requests that may be refused come in or are
 * answered, and for a second after the last one: an idle server (a laptop on battery between workshops) is not woken 50 times a
 * second to measure a wait nobody has. Under load requests keep coming, so it never rests;
 * a burst after a rest is judged on the lateness last measured until the first sample
 * (20 ms) comes in.
 */
export function processLoadSignals(): LoadSignals & { stop(): void; peakHeapMb(): number; heapLimitMb(): number } {
  let lag = 0;
  let last = 0;
  let quiet = 0;
  let lagTimer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const standing = new StandingLateness();
  // Worked out at each sample, not at each request: it changes only when a sample comes in,
  // and a busy server asks for it thousands of times between two samples.
  let standingLeast = 0;
  const sample = () => {
    const now = performance.now();
    const late = Math.max(0, now - last - SAMPLE_MS);
    last = now;
    lag = late > lag ? lag * 0.5 + late * 0.5 : lag * 0.8 + late * 0.2;
    standing.add(now, late);
    standingLeast = standing.minimum(now);
    lagTimer = ++quiet < QUIET_SAMPLES ? setTimeout(sample, SAMPLE_MS).unref() : null;
  };
  const wake = () => {
    quiet = 0;
    if (lagTimer || stopped) return;
    standing.clear();
    standingLeast = 0;
    last = performance.now();
    lagTimer = setTimeout(sample, SAMPLE_MS).unref();
  };
  let share = 0;
  let peak = 0;
  let limit = 0;
  const readHeap = () => {
    const heap = getHeapStatistics();
    share = heap.used_heap_size / heap.heap_size_limit;
    peak = Math.max(peak, heap.used_heap_size);
    limit = heap.heap_size_limit;
  };
  readHeap();
  const heapTimer = setInterval(readHeap, HEAP_SAMPLE_MS);
  heapTimer.unref();
  return {
    lagMs: () => lag,
    standingLagMs: () => standingLeast,
    wake,
    heapShare: () => share,
    peakHeapMb: () => Math.round(peak / 2 ** 20),
    heapLimitMb: () => Math.round(limit / 2 ** 20),
    stop() {
      stopped = true;
      if (lagTimer) clearTimeout(lagTimer);
      clearInterval(heapTimer);
    },
  };
}

/** A shedder that never refuses (the default in unit tests of the API). */
export function neverShed(): LoadShedder {
  return new LoadShedder({ lagMs: () => 0, heapShare: () => 0 }, { maxLagMs: Infinity, standingLagMs: Infinity, maxHeapShare: Infinity, maxInFlight: Infinity });
}
