import { LitElement, css, html } from 'lit';
import { currentDeck, currentSession } from '../shared/current-session.js';
import { LiveController } from '../shared/live-controller.js';
import { staffStyles } from '../shared/staff-styles.js';
import type { RosterPart, StaffSessionPart } from '../shared/view-types.js';

/**
 * The lead's small toolbar: who holds the slides (handing control to the support
 * facilitator and taking it back), the join banner, and closing the current activity.
 */
export class PdPresenterBar extends LitElement {
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
        background: rgb(255 255 255 / 0.94);
        border: 1px solid #c9d1da;
        border-radius: 8px;
        padding: 0.35rem 0.6rem;
        opacity: 0.35;
        transition: opacity 0.2s;
      }
      .bar:hover,
      .bar:focus-within,
      .bar.alert {
        opacity: 1;
      }
      .state {
        font-weight: 600;
      }
      .alert .state {
        color: #a4161a;
      }
    `,
  ];

  constructor() {
    super();
    new LiveController(this);
  }

  override render() {
    const live = currentSession();
    const session = live?.part<StaffSessionPart>('session');
    if (!live || !session) return html`<div class="bar alert"><span class="state" role="status">Connecting…</span></div>`;
    const roster = live.part<RosterPart>('roster');
    const activity = currentDeck()?.slides[session.slide - 1]?.activity;
    const closed = session.closedSlides.includes(session.slide);
    const leadHolds = session.control === 'lead';
    return html`
      <div class="bar ${leadHolds && live.connected ? '' : 'alert'}" role="toolbar" aria-label="Presenter controls">
        <span class="state" role="status">${!live.connected ? 'Reconnecting… ' : ''}${leadHolds ? 'You hold the slides' : 'Support facilitator holds the slides'}</span>
        <button @click=${() => live.send('PUT', '/presentation/control', { holder: leadHolds ? 'support' : 'lead' })}>
          ${leadHolds ? 'Hand slides to support' : 'Take back the slides'}
        </button>
        <button @click=${() => live.send('PUT', '/presentation/banner', { visible: !session.bannerVisible })}>
          ${session.bannerVisible ? 'Hide join banner' : 'Show join banner'}
        </button>
        ${activity
          ? html`<button @click=${() => live.send('PUT', `/activities/${session.slide}`, { open: closed })}>${closed ? 'Reopen activity' : 'Close activity'}</button>`
          : null}
        <span>${roster?.total ?? 0} joined</span>
      </div>
    `;
  }
}

customElements.define('pd-presenter-bar', PdPresenterBar);

declare global {
  interface HTMLElementTagNameMap {
    'pd-presenter-bar': PdPresenterBar;
  }
}
