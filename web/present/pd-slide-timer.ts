import { css, html } from 'lit';
import { bodyOf } from '../shared/live/api-client.js';
import { syncServerClock } from '../shared/server-clock.js';
import { StaffSlideElement } from '../shared/staff-element.js';
import { staffStyles } from '../shared/staff-styles.js';
import '../shared/pd-countdown.js';
import { staffMsg } from '../shared/staff-messages.js';

/**
 * The slide's countdown with the lead's controls: start (the deck's minutes), pause,
 * resume, add a minute, end. The same element sits on the deck and in the notes view,
 * and the phones show the same time left.
 */
export class PdSlideTimer extends StaffSlideElement {
  static override styles = [
    staffStyles,
    css`
      :host {
        display: block;
        font-family: system-ui, sans-serif;
      }
      .timer {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        flex-wrap: wrap;
      }
      pd-countdown {
        font-size: var(--pd-timer-size, 1.6rem);
        min-width: 3.5ch;
      }
      .label {
        font-weight: 600;
        color: var(--pd-ink-soft);
      }
    `,
  ];

  override render() {
    const live = this.live;
    if (!live) return null;
    syncServerClock(live.code);
    const timer = live.part('timer');
    const mine = timer && timer.slide === this.slide ? timer : null;
    const declared = this.activity?.timer;
    if (!mine && !declared) return null;
    type Action = Parameters<(typeof live.api.timers)[':slide']['$post']>[0]['json'];
    const send = (json: Action) => this.writes.run(() => bodyOf(live.api.timers[':slide'].$post({ param: { code: live.code, slide: String(this.slide) }, json })));
    const label = mine?.round ? staffMsg('roundTimer', { n: mine.round }) : mine?.label || declared?.label || staffMsg('timer');
    const live_ = mine && !mine.ended;
    return html`<div class="timer" role="group" aria-label=${staffMsg('slideTimer')}>
      <span class="label">${label}</span>
      ${mine && !mine.ended ? html`<pd-countdown .timer=${mine} label=${staffMsg('timeLeftOf', { label })}></pd-countdown>` : null}
      ${!live_
        ? html`<button class="primary" @click=${() => send({ action: 'start' })}>${declared ? staffMsg('startTimer', { n: declared.minutes }) : staffMsg('restartTimer')}</button>`
        : html`
            ${mine.running ? html`<button @click=${() => send({ action: 'pause' })}>${staffMsg('pause')}</button>` : html`<button class="primary" @click=${() => send({ action: 'resume' })}>${staffMsg('resume')}</button>`}
            <button @click=${() => send({ action: 'extend', minutes: 1 })}>${staffMsg('addMinute')}</button>
            <button @click=${() => send({ action: 'end' })}>${staffMsg('endTimer')}</button>
          `}
    </div>
    ${this.writes.alert()}`;
  }
}

customElements.define('pd-slide-timer', PdSlideTimer);

declare global {
  interface HTMLElementTagNameMap {
    'pd-slide-timer': PdSlideTimer;
  }
}
