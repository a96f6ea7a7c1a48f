import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LiveSession } from '../shared/live-session.js';

/**
 * Re-renders a phone element whenever the session's view changes. The phone's elements
 * read several parts (the shared `move`, their own `myMoves`, the `timer`), so they follow
 * the session itself rather than wait for their parent to pass each part down.
 */
export class FollowLive implements ReactiveController {
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & { live?: LiveSession },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // `live` is set by the parent's template before the element connects.
    queueMicrotask(() => {
      if (!this.unsubscribe && this.host.live) this.unsubscribe = this.host.live.subscribe(() => this.host.requestUpdate());
    });
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }
}
