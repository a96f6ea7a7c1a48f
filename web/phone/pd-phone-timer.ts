import { css, html } from 'lit';
import { syncServerClock } from '../shared/server-clock.js';
import { msg } from './messages.js';
import { PhoneElement } from './phone-element.js';
import '../shared/pd-countdown.js';

/** The current slide's countdown at the top of the phone, the same time as on the deck. */
export class PdPhoneTimer extends PhoneElement {
  static override styles = css`
    :host {
      display: block;
    }
    .timer {
      display: flex;
      justify-content: space-between;
      align-items: center;
      background: var(--pd-primary-tint);
      border: 2px solid var(--pd-primary);
      border-radius: 10px;
      padding: 0.4rem 0.8rem;
      margin-bottom: 1rem;
      font-size: 1.1rem;
    }
    pd-countdown {
      font-size: 1.7rem;
    }
  `;

  override render() {
    const live = this.live;
    const timer = live?.part('timer');
    // A timer the lead ended leaves the phone; one that ran out says so until the next.
    if (!live || !timer || timer.ended) return null;
    syncServerClock(live.code);
    return html`<div class="timer">
      <span>${timer.round ? msg('roundTitle', { n: timer.round }) : timer.label || msg('timeLeft')}</span>
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
