import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';

/**
 * Every click that writes goes through `run`: a refusal from the server (or a failure to
 * reach it) becomes a message the person reads beside the control, in the page's catalog
 * words, instead of a promise nobody catches.
 */
export class WriteGuard implements ReactiveController {
  /** The last refusal, explained; empty when the last write went through. */
  message = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly explain: (error: unknown) => string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Runs a write; resolves with its result, or with undefined after showing why it was refused. */
  async run<T>(write: () => Promise<T>, explain: (error: unknown) => string = this.explain): Promise<T | undefined> {
    this.clear();
    try {
      return await write();
    } catch (error) {
      this.message = explain(error);
      this.host.requestUpdate();
      return undefined;
    }
  }

  /** Shows a problem found before anything was sent (a form left incomplete). */
  say(message: string): void {
    this.message = message;
    this.host.requestUpdate();
  }

  clear(): void {
    if (!this.message) return;
    this.message = '';
    this.host.requestUpdate();
  }

  /** The refusal as an alert (read out by screen readers), or nothing. */
  alert(className = 'error') {
    return this.message ? html`<p class=${className} role="alert">${this.message}</p>` : nothing;
  }
}
