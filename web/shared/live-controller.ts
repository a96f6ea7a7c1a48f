import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { whenSession } from './current-session.js';

/**
 * Re-renders its host whenever the page's live session changes, for as long as the host
 * is on the page. Elements may appear before the session exists; they subscribe when it does.
 */
export class LiveController implements ReactiveController {
  private release: (() => void) | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    let unsubscribe: (() => void) | null = null;
    const cancel = whenSession((session) => {
      unsubscribe = session.subscribe(() => this.host.requestUpdate());
      this.host.requestUpdate();
    });
    this.release = () => {
      cancel();
      unsubscribe?.();
    };
  }

  hostDisconnected(): void {
    this.release?.();
    this.release = null;
  }
}
