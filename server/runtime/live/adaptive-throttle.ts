/**
 * Runs a job at most once per interval however often it is asked for, and adapts to what
 * the job costs: after a run that took `cost` ms, the next waits at least `costFactor ×
 * cost` ms. Building a live view grows with the room (every card, every sticker), so this
 * keeps views to about a quarter of the server's time (factor 3) and requests keep
 * flowing in a burst. One throttle serves the facilitators' screens, another the phones.
 *
 * Times are on the monotonic clock (`performance.now()`), so an interval does not jump
 * when the wall clock does.
 *
 * A run that is due at once (a slide change after a quiet second) goes on setImmediate, not
 * setTimeout(0): a timeout of 0 is one of at least 1 ms and fires only on the loop's next
 * turn, so every phone's frame waited 1–4 ms for nothing. The immediate still runs after the
 * event store's commit of the same turn, which was queued first (event-store.ts).
 */
export interface ThrottleOptions {
  /** The least time from the end of one run to the start of the next. */
  minIntervalMs: number;
  /** The next run waits at least this many times as long as the last one took. */
  costFactor: number;
  /** The monotonic clock; tests under fake timers use the faked one. */
  now?: () => number;
}

export class AdaptiveThrottle {
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** A run due at once, waiting for the end of this turn of the event loop. */
  private immediate: ReturnType<typeof setImmediate> | null = null;
  private lastRunEnd = -Infinity;
  private lastCost = 0;
  private running = false;
  private askedWhileRunning = false;
  private readonly now: () => number;

  constructor(
    private readonly job: () => void,
    private readonly options: ThrottleOptions,
  ) {
    this.now = options.now ?? (() => performance.now());
  }

  /** Whether a run is waiting for its time. */
  get pending(): boolean {
    return this.timer !== null || this.immediate !== null;
  }

  /** How long the last run took (ms). */
  get lastCostMs(): number {
    return this.lastCost;
  }

  /**
   * Asks for a run: at once if the interval since the last run has passed, else when it
   * has. Asking again before then changes nothing. Asked while the job runs, the next run
   * is timed from the end of this one.
   */
  request(): void {
    if (this.running) {
      this.askedWhileRunning = true;
      return;
    }
    if (this.pending) return;
    const gap = Math.max(this.options.minIntervalMs, this.options.costFactor * this.lastCost);
    const wait = gap - (this.now() - this.lastRunEnd);
    if (wait > 0) this.timer = setTimeout(() => this.runNow(), wait);
    else this.immediate = setImmediate(() => this.runNow());
  }

  /** Runs the job now, instead of any run waiting. */
  runNow(): void {
    this.cancel();
    const started = this.now();
    this.running = true;
    try {
      this.job();
    } finally {
      this.running = false;
      this.lastRunEnd = this.now();
      this.lastCost = this.lastRunEnd - started;
    }
    if (this.askedWhileRunning) {
      this.askedWhileRunning = false;
      this.request();
    }
  }

  /** Forgets a run waiting for its time. */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = null;
    this.immediate = null;
  }
}
