import { css, type PropertyValues } from 'lit';
import { StaffSlideElement } from '../shared/staff-element.js';
import { liveActivity, liveContentShowing } from './live-activities.js';

/**
 * The live part of an activity slide on the projector, chosen by the slide's activity
 * kind. It carries the attribute `showing` while it has something for the room to see, so
 * the slide can make it its main content (deck.css).
 */
export class PdLiveActivity extends StaffSlideElement {
  static override properties = { page: { attribute: false } };
  /**
   * The page of a paged activity (the inventory's roll-up) that the presenter turned to
   * with next and previous (main.ts); undefined where nobody pages it here.
   */
  declare page: number | undefined;

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      position: relative;
      margin-top: 0.2em;
    }
    :host > * {
      flex: 1 1 auto;
      min-height: 0;
    }
  `;

  constructor() {
    super();
    this.page = undefined;
  }

  override render() {
    const activity = this.activity;
    return activity ? liveActivity(activity, this.slide, this.page) : null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const activity = this.activity;
    const showing = Boolean(activity && this.live && liveContentShowing(activity, this.slide, this.live.parts));
    this.toggleAttribute('showing', showing);
  }
}

customElements.define('pd-live-activity', PdLiveActivity);

declare global {
  interface HTMLElementTagNameMap {
    'pd-live-activity': PdLiveActivity;
  }
}
