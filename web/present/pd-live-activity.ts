import { LitElement, css, html } from 'lit';
import { currentDeck } from '../shared/current-session.js';
import { liveActivities } from './live-activities.js';

/** The live part of an activity slide, chosen by the slide's activity kind. */
export class PdLiveActivity extends LitElement {
  static override styles = css`
    :host {
      display: block;
      margin-top: 0.4em;
    }
  `;

  static override properties = { slide: { type: Number } };
  /** The slide's 1-based number in the deck. */
  declare slide: number;

  constructor() {
    super();
    this.slide = 0;
  }

  override render() {
    const activity = currentDeck()?.slides[this.slide - 1]?.activity;
    const render = activity ? liveActivities[activity.kind] : undefined;
    // Any activity slide may carry a timer (declared in the deck, or a Block Party round's).
    return html`<pd-slide-timer slide=${this.slide}></pd-slide-timer>${render && activity ? render(activity, this.slide) : null}`;
  }
}

customElements.define('pd-live-activity', PdLiveActivity);

declare global {
  interface HTMLElementTagNameMap {
    'pd-live-activity': PdLiveActivity;
  }
}
