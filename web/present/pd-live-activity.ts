import { css, html } from 'lit';
import { StaffSlideElement } from '../shared/staff-element.js';
import { liveActivity } from './live-activities.js';

/** The live part of an activity slide, chosen by the slide's activity kind. */
export class PdLiveActivity extends StaffSlideElement {
  static override styles = css`
    :host {
      display: block;
      margin-top: 0.4em;
    }
  `;

  override render() {
    const activity = this.activity;
    // Any activity slide may carry a timer (declared in the deck, or a Block Party round's).
    return html`<pd-slide-timer slide=${this.slide}></pd-slide-timer>${activity ? liveActivity(activity, this.slide) : null}`;
  }
}

customElements.define('pd-live-activity', PdLiveActivity);

declare global {
  interface HTMLElementTagNameMap {
    'pd-live-activity': PdLiveActivity;
  }
}
