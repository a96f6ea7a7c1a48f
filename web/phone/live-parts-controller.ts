import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LiveSession } from '../shared/live-session.js';

/**
 * Re-renders a phone element whenever its live session changes. Phone elements that read
 * parts the phone app does not pass down (the gallery's walls, one's own stickers) need
 * it: the app re-renders them only when the properties it passes change.
 */
export class LivePartsController implements ReactiveController {
  private session: LiveSession | null = null;
  private release: (() => void) | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & { live: LiveSession },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.follow();
  }

  hostUpdate(): void {
    if (this.host.live !== this.session) this.follow();
  }

  hostDisconnected(): void {
    this.release?.();
    this.release = null;
    this.session = null;
  }

  private follow(): void {
    this.release?.();
    this.session = this.host.live ?? null;
    this.release = this.session ? this.session.subscribe(() => this.host.requestUpdate()) : null;
  }
}
