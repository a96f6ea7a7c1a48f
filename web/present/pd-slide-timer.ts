import { css, html } from 'lit';
import { bodyOf } from '../shared/live/api-client.js';
import { syncServerClock } from '../shared/server-clock.js';
import { StaffSlideElement } from '../shared/staff-element.js';
import { staffMsg } from '../shared/staff-messages.js';
import { roomWordsStyles } from '../shared/room-words.js';
import { staffStyles } from '../shared/staff-styles.js';
import { leadControlStyles } from './lead-controls.js';
import '../shared/pd-countdown.js';

/**
 * The slide's countdown with the lead's controls: start (the deck's minutes), pause,
 * resume, add a minute, end. The same element sits beside the slide's heading on the deck
 * (in digits the back row reads) and in the notes view and the remote; the phones show
 * the same time left.
 */
export class PdSlideTimer extends StaffSlideElement {
  static override styles = [
    staffStyles,
    leadControlStyles,
    roomWordsStyles,
    css`
      :host {
        display: block;
        font-family: system-ui, sans-serif;
      }
      :host([projected]) {
        position: relative;
        flex: none;
        line-height: 1;
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
      :host([projected]) pd-countdown {
        font-size: 72px;
      }
      .label {
        font-weight: 600;
        color: var(--pd-ink-soft);
      }
      :host([projected]) .label {
        font-size: 26px;
      }
      /* "Time's up" in two languages: two lines at half the digits' size, so they fit beside the heading. */
      .done-words {
        display: block;
        font-size: 0.5em;
        line-height: 1.1;
      }
      :host([projected]) .lead-controls {
        top: 100%;
        bottom: auto;
        max-width: none;
        white-space: nowrap;
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
    const send = (json: Action) =>
      this.writes.run(() => bodyOf(live.api.timers[':slide'].$post({ param: { code: live.code, slide: String(this.slide) }, json })));
    const label = mine?.round ? staffMsg('roundTimer', { n: mine.round }) : mine?.label || declared?.label || staffMsg('timer');
    // The label the room reads, in each language projected: the deck's own label in each
    // deck; one the lead typed (it differs from the deck's) is shown as it was typed.
    const typed = Boolean(mine?.label) && mine?.label !== declared?.label;
    const shownLabel = typed
      ? label
      : this.say(({ deck, t }) => (mine?.round ? t('roundTimer', { n: mine.round }) : deck?.slides[this.slide - 1]?.activity?.timer?.label || t('timer')));
    const running = mine && !mine.ended ? mine : null;
    const controls = !running
      ? html`<button class="primary" @click=${() => send({ action: 'start' })}>
          ${declared ? staffMsg('startTimer', { n: declared.minutes }) : staffMsg('restartTimer')}
        </button>`
      : html`
          ${
            running.running
              ? html`<button @click=${() => send({ action: 'pause' })}>${staffMsg('pause')}</button>`
              : html`<button class="primary" @click=${() => send({ action: 'resume' })}>${staffMsg('resume')}</button>`
          }
          <button @click=${() => send({ action: 'extend', minutes: 1 })}>${staffMsg('addMinute')}</button>
          <button @click=${() => send({ action: 'end' })}>${staffMsg('endTimer')}</button>
        `;
    // On the projector the room sees only a running countdown; the buttons are the lead's.
    return html`<div class="timer" role="group" aria-label=${staffMsg('slideTimer')}>
      ${running || !this.projected ? html`<span class="label">${shownLabel}</span>` : null}
      ${
        running
          ? html`<pd-countdown .timer=${running} label=${staffMsg('timeLeftOf', { label })} done-text=${staffMsg('timesUp')}
              >${this.inTwoLanguages ? html`<span slot="done" class="done-words">${this.say(({ t }) => t('timesUp'))}</span>` : null}</pd-countdown
            >`
          : null
      }
      <div class="lead-controls">${controls} ${this.writes.alert()}</div>
    </div>`;
  }
}

customElements.define('pd-slide-timer', PdSlideTimer);

declare global {
  interface HTMLElementTagNameMap {
    'pd-slide-timer': PdSlideTimer;
  }
}
