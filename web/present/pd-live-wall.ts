import { css, html } from 'lit';
import { StaffSlideElement } from '../shared/staff-element.js';
import { staffMsg } from '../shared/staff-messages.js';

/** How many cards fit legibly on one wall on the projector; the rest are counted. */
const SHOWN_PER_WALL = 12;

/**
 * One or more walls as the room sees them on the projector: the cards arriving live,
 * anonymous, with each wall's count. Hidden cards leave the wall at once.
 */
export class PdLiveWall extends StaffSlideElement {
  static override styles = css`
    :host {
      display: block;
    }
    .walls {
      display: grid;
      gap: 1rem;
      grid-auto-flow: column;
      grid-auto-columns: 1fr;
    }
    h3 {
      font-size: 0.8em;
      margin: 0 0 0.3em;
      text-align: left;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      align-content: flex-start;
    }
    li {
      background: var(--pd-card-strong);
      border: 1px solid var(--pd-card-line);
      box-shadow: 0 2px 4px rgb(0 0 0 / 0.15);
      border-radius: 4px;
      padding: 0.35em 0.5em;
      font-size: 0.62em;
      line-height: 1.25;
      max-width: 14em;
      text-align: left;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .more,
    .empty {
      font-size: 0.6em;
      color: var(--pd-ink-soft);
    }
  `;

  static override properties = { walls: { attribute: false } };

  /** Wall ids to show, side by side. Only cards written on `slide` are shown (0: every card on the walls). */
  declare walls: string[];

  constructor() {
    super();
    this.walls = [];
  }

  override render() {
    const cards = (this.live?.part('cards') ?? []).filter((c) => !c.hidden && (this.slide === 0 || c.slide === this.slide));
    const wallInfo = this.deck?.walls ?? [];
    return html`<div class="walls">
      ${this.walls.map((wallId) => {
        const onWall = cards.filter((c) => c.wall === wallId);
        const title = wallInfo.find((w) => w.id === wallId)?.title ?? wallId;
        const shown = onWall.slice(-SHOWN_PER_WALL);
        return html`<section aria-label=${staffMsg('wallLabel', { wall: title })}>
          <h3>${title} · ${staffMsg('cardCount', { n: onWall.length })}</h3>
          ${onWall.length === 0 ? html`<p class="empty">${staffMsg('cardsWillAppear')}</p>` : null}
          <ul>
            ${shown.map((card) => html`<li>${card.text}</li>`)}
          </ul>
          ${onWall.length > shown.length ? html`<p class="more">${staffMsg('moreOnNotes', { n: onWall.length - shown.length })}</p>` : null}
        </section>`;
      })}
    </div>`;
  }
}

customElements.define('pd-live-wall', PdLiveWall);

declare global {
  interface HTMLElementTagNameMap {
    'pd-live-wall': PdLiveWall;
  }
}
