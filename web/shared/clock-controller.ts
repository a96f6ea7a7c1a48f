import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Runs `tick` (by default: render the host again) every `everyMs` while the host is on the
 * page, and stops when it leaves. Countdowns, turn clocks and the section clock advance
 * by themselves with it; the server sends times, never a ticking number.
 */
export class ClockController implements ReactiveController {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly everyMs: number,
    private readonly tick: () => void = () => host.requestUpdate(),
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    clearInterval(this.timer);
    this.timer = setInterval(this.tick, this.everyMs);
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
