import { css, html } from 'lit';
import { bodyOf } from '../shared/live/api-client.js';
import { StaffElement } from '../shared/staff-element.js';
import { staffMsg } from '../shared/staff-messages.js';
import { staffStyles } from '../shared/staff-styles.js';

/**
 * The lead's small toolbar: who holds the slides (handing control to the support
 * facilitator and taking it back), the join banner, and closing the current activity. It
 * gets out of the room's way: it fades out when the mouse rests (deck.css, body.idle),
 * unless it has something to say (a refusal, a lost connection).
 */
export class PdPresenterBar extends StaffElement {
  static override styles = [
    staffStyles,
    css`
      :host {
        position: fixed;
        left: 0.8vw;
        bottom: 0.8vw;
        z-index: 30;
        font-family: system-ui, sans-serif;
        font-size: 0.9rem;
      }
      .bar {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        /* Solid and fully opaque: a faded bar was unreadable (1.8–2.4:1). It stays small and quiet in colour instead. */
        background: var(--pd-surface);
        color: var(--pd-ink-soft);
        border: 1px solid var(--pd-line);
        border-radius: 8px;
        padding: 0.35rem 0.6rem;
        opacity: var(--pd-lead-opacity, 1);
            transition: opacity 0.3s;
      }
      .bar.alert {
        opacity: 1;
      }
      .state {
        font-weight: 600;
      }
      .alert .state {
        color: var(--pd-danger);
      }
    `,
  ];

  override render() {
    const live = this.live;
    const session = live?.part('session');
    if (live?.incompatible) return html`<div class="bar alert"><span class="state" role="alert">${staffMsg('updateNeeded')}</span></div>`;
    if (!live || !session) return html`<div class="bar alert"><span class="state" role="status">${staffMsg('connecting')}</span></div>`;
    const roster = live.part('roster');
    const activity = this.deck?.slides[session.slide - 1]?.activity;
    const closed = session.closedSlides.includes(session.slide);
    const leadHolds = session.control === 'lead';
    const code = live.code;
    const write = (request: () => Promise<unknown>) => this.writes.run(request);
    return html`
      <div class="bar ${leadHolds && live.connected && !this.writes.message ? '' : 'alert'}" role="toolbar" aria-label=${staffMsg('presenterControls')}>
        <span class="state" role="status">${!live.connected ? `${staffMsg('reconnecting')} ` : ''}${staffMsg(leadHolds ? 'youHoldSlides' : 'supportHoldsSlides')}</span>
        <button @click=${() => write(() => bodyOf(live.api.presentation.control.$put({ param: { code }, json: { holder: leadHolds ? 'support' : 'lead' } })))}>
          ${staffMsg(leadHolds ? 'handToSupport' : 'takeBackSlides')}
        </button>
        <button @click=${() => write(() => bodyOf(live.api.presentation.banner.$put({ param: { code }, json: { visible: !session.bannerVisible } })))}>
          ${staffMsg(session.bannerVisible ? 'hideBanner' : 'showBanner')}
        </button>
        ${activity
          ? html`<button @click=${() => write(() => bodyOf(live.api.activities[':slide'].$put({ param: { code, slide: String(session.slide) }, json: { open: closed } })))}>
              ${staffMsg(closed ? 'reopenActivity' : 'closeActivity')}
            </button>`
          : null}
        <span>${staffMsg('joinedCount', { n: roster?.total ?? 0 })}</span>
        ${this.writes.alert('state')}
      </div>
    `;
  }

  /** A refusal of something done elsewhere on this screen (a slide move with the arrow keys). */
  showRefusal(error: unknown): void {
    void this.writes.run(() => Promise.reject(error));
  }
}

customElements.define('pd-presenter-bar', PdPresenterBar);

declare global {
  interface HTMLElementTagNameMap {
    'pd-presenter-bar': PdPresenterBar;
  }
}
