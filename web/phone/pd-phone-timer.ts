import { LitElement, css, html } from 'lit';
import type { LiveSession } from '../shared/live-session.js';
import type { TimerPart } from '../shared/moves-types.js';
import { syncServerClock } from '../shared/server-clock.js';
import { msg } from './messages.js';
import '../shared/pd-countdown.js';
import { FollowLive } from './follow-live.js';

/** The current slide's countdown at the top of the phone, the same time as on the deck. */
export class PdPhoneTimer extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .timer {
      display: flex;
      justify-content: space-between;
      align-items: center;
      background: #eef3fb;
      border: 2px solid #1a4fa3;
      border-radius: 10px;
      padding: 0.4rem 0.8rem;
      margin-bottom: 1rem;
      font-size: 1.1rem;
    }
    pd-countdown {
      font-size: 1.7rem;
    }
  `;

  static override properties = { live: { attribute: false } };
  declare live: LiveSession;

  constructor() {
    super();
    new FollowLive(this);
  }

  override render() {
    const timer = this.live?.part<TimerPart | null>('timer');
    // A timer the lead ended leaves the phone; one that ran out says so until the next.
    if (!timer || timer.ended) return null;
    syncServerClock(this.live.code);
    return html`<div class="timer">
      <span>${timer.label || msg('timeLeft')}</span>
      <pd-countdown .timer=${timer} label=${msg('timeLeft')} done-text=${msg('timeUp')}></pd-countdown>
    </div>`;
  }
}

customElements.define('pd-phone-timer', PdPhoneTimer);

declare global {
  interface HTMLElementTagNameMap {
    'pd-phone-timer': PdPhoneTimer;
  }
}
