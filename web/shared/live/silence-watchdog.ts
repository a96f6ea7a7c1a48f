/**
 * Notices a connection that went silent without closing: weak Wi-Fi and some access points
 * stop passing bytes and never say so, and a stream read from such a connection would wait
 * for ever. The server never leaves a stream silent for longer than PING_INTERVAL_MS, so
 * nothing heard for `limitMs` (two of those) means the connection is dead: `onSilent` runs
 * once, and the page opens a new one.
 */
export interface SilenceWatchdogOptions {
  limitMs: number;
  onSilent(): void;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export class SilenceWatchdog {
  private timer: unknown = null;
  private stopped = false;
  private limitMs: number;

  constructor(private readonly options: SilenceWatchdogOptions) {
    this.limitMs = options.limitMs;
    this.arm();
  }

  /** Something arrived (a frame, a ping, any bytes): the connection is alive. From now on, silence may last `limitMs` if given. */
  heard(limitMs?: number): void {
    if (this.stopped) return;
    if (limitMs !== undefined) this.limitMs = limitMs;
    this.disarm();
    this.arm();
  }

  stop(): void {
    this.stopped = true;
    this.disarm();
  }

  private arm(): void {
    this.timer = (this.options.setTimer ?? setTimeout)(() => {
      this.timer = null;
      if (this.stopped) return;
      this.stopped = true;
      this.options.onSilent();
    }, this.limitMs);
  }

  private disarm(): void {
    if (this.timer !== null) (this.options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>)))(this.timer);
    this.timer = null;
  }
}
