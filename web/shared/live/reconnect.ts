/**
 * Keeps one connection open: runs `connect` again after every drop, waiting a little
 * longer each time (with jitter, so a room of phones does not knock at the same
 * millisecond) but never long: after a server restart every screen should be current
 * again within seconds. A connection that proved healthy (a full view arrived) starts the
 * waiting over from the shortest time.
 */
export const FIRST_RETRY_MS = 500;
export const LONGEST_RETRY_MS = 3000;

/** What a connection attempt ended with: try again, or stop (the server refused this page for good). */
export type Outcome = 'again' | 'stop';

export interface ReconnectOptions {
  /** Opens the connection and resolves when it ends; rejecting counts as 'again'. */
  connect(signal: AbortSignal): Promise<Outcome>;
  /** The connection is down (called after every attempt). */
  onDown?(): void;
  random?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/** The wait before the next attempt, and the base of the one after it. */
export function nextWait(baseMs: number, random: number): { waitMs: number; nextBaseMs: number } {
  return { waitMs: baseMs * (0.75 + random / 2), nextBaseMs: Math.min(baseMs * 2, LONGEST_RETRY_MS) };
}

export class ReconnectLoop {
  private baseMs = FIRST_RETRY_MS;
  private stopped = true;
  private abort: AbortController | null = null;
  private timer: unknown = null;

  constructor(private readonly options: ReconnectOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.attempt();
  }

  stop(): void {
    this.stopped = true;
    this.abort?.abort();
    if (this.timer !== null) (this.options.clearTimer ?? clearTimeout)(this.timer as ReturnType<typeof setTimeout>);
    this.timer = null;
  }

  /** The connection works: the next drop waits the shortest time again. */
  healthy(): void {
    this.baseMs = FIRST_RETRY_MS;
  }

  private async attempt(): Promise<void> {
    this.timer = null;
    if (this.stopped) return;
    const abort = (this.abort = new AbortController());
    let outcome: Outcome = 'again';
    try {
      outcome = await this.options.connect(abort.signal);
    } catch {
      // dropped: try again below
    }
    this.options.onDown?.();
    if (this.stopped || outcome === 'stop') return;
    const { waitMs, nextBaseMs } = nextWait(this.baseMs, (this.options.random ?? Math.random)());
    this.baseMs = nextBaseMs;
    this.timer = (this.options.setTimer ?? setTimeout)(() => void this.attempt(), waitMs);
  }
}
