import { css, html } from 'lit';
import { StaffSlideElement } from '../shared/staff-element.js';
import { roomWordsStyles } from '../shared/room-words.js';
import { staffMsg } from '../shared/staff-messages.js';
import { pagesStyles } from './pd-pages.js';
import './pd-pages.js';
import { wallsStyles } from './walls-styles.js';

/**
 * One or more walls as the room sees them on the projector: the cards arriving live,
 * anonymous, newest first, with each wall's count. A wall that does not fit its part of
 * the slide is shown a page at a time. Hidden cards leave the wall at once.
 */
export class PdLiveWall extends StaffSlideElement {
  static override styles = [
    pagesStyles,
    roomWordsStyles,
    wallsStyles,
    css`
      h3 {
        font-size: 1em;
        margin: 0 0 0.3em;
        color: var(--pd-primary-strong);
      }
      pd-pages {
        flex: 1;
        --pd-page-gap: 0.3em;
      }
      .card {
        background: var(--pd-card-strong);
        border: 1px solid var(--pd-card-line);
        box-shadow: 0 2px 4px rgb(0 0 0 / 0.15);
        border-radius: 4px;
        padding: 0.25em 0.45em;
        font-size: 0.9em;
        line-height: 1.25;
        max-width: 100%;
        box-sizing: border-box;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      /* A card is at most six lines on the projector; the notes view has the whole text. */
      .card span {
        display: -webkit-box;
        -webkit-box-orient: vertical;
        -webkit-line-clamp: 6;
        overflow: hidden;
      }
      .empty {
        font-size: 0.9em;
        color: var(--pd-ink-soft);
      }
    `,
  ];

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
        const onWall = cards.filter((c) => c.wall === wallId).sort((a, b) => b.at - a.at);
        const title = wallInfo.find((w) => w.id === wallId)?.title ?? wallId;
        // The wall's title and count, one line per language on a projector in two.
        const heading = this.say(({ deck, t }) => `${deck?.walls.find((w) => w.id === wallId)?.title ?? wallId} · ${t('cardCount', { n: onWall.length })}`);
        return html`<section aria-label=${staffMsg('wallLabel', { wall: title })}>
          <h3>${heading}</h3>
          ${
            onWall.length === 0
              ? html`<p class="empty">${this.say(({ t }) => t('cardsWillAppear'))}</p>`
              : html`<pd-pages
                  layout="wrap"
                  label=${staffMsg('cardsOnWall', { wall: title })}
                  .items=${onWall.map((card) => html`<div class="card" role="listitem"><span>${card.text}</span></div>`)}
                ></pd-pages>`
          }
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
