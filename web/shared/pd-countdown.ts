import { LitElement, css, html } from 'lit';
import type { TimerPart } from '../../server/contract/parts.js';
import { ClockController } from './clock-controller.js';
import { formatClock, timeLeft } from './server-clock.js';

/**
 * A countdown that ticks locally against the server's clock (see server-clock.ts):
 * the server sends a timer once when it changes, never every second.
 */
export class PdCountdown extends LitElement {
  static override styles = css`
    :host {
      display: inline-block;
      font-variant-numeric: tabular-nums;
      font-weight: 700;
    }
    .done {
      color: var(--pd-danger);
    }
  `;

  static override properties = {
    timer: { attribute: false },
    label: { type: String },
    doneText: { type: String, attribute: 'done-text' },
  };

  /** A timer part, or the parts of one a countdown needs. */
  declare timer: Pick<TimerPart, 'running' | 'endsAt' | 'remainingMs' | 'ended'> | null;
  /** What the countdown is for (read by screen readers). */
  declare label: string;
  /** Shown at zero; a `done` slot replaces it (the projector's words in two languages). */
  declare doneText: string;
  /** Four looks a second, so the shown second turns over close to the real one. */
  private readonly clock = new ClockController(this, 250);

  constructor() {
    super();
    this.timer = null;
    this.label = 'Time left';
    this.doneText = "Time's up";
  }

  override render() {
    if (!this.timer) return null;
    const left = timeLeft(this.timer);
    // The role is "timer": assistive tech does not announce every second.
    return html`<span role="timer" aria-label=${this.label} class=${left === 0 ? 'done' : ''}
      >${left === 0 ? html`<slot name="done">${this.doneText}</slot>` : formatClock(left)}</span
    >`;
  }
}

customElements.define('pd-countdown', PdCountdown);

declare global {
  interface HTMLElementTagNameMap {
    'pd-countdown': PdCountdown;
  }
}
