import { css, html } from 'lit';
import type { MyStickersPart, PhoneGalleryPart, Wall } from '../../server/contract/parts.js';
import { ApiError, bodyOf, reply } from '../shared/live/api-client.js';
import { stickerShape } from '../shared/sticker-shape.js';
import { errorMessage } from './error-message.js';
import { msg } from './messages.js';
import { PhoneActivityElement, type ActivityScreen } from './phone-element.js';
import { phoneStyles } from './phone-styles.js';
import { colour } from '../shared/palette.js';
import { WallPagesLoader } from './wall-pages-loader.js';

type Screen = ActivityScreen<'gallery-walk'>;

/**
 * The gallery walk on a phone: one wall at a time, its cards, and a sticker button on
 * each. The stickers left on every wall stay in view at the top, each with its colour,
 * shape and name. The server decides every placement; a refusal is shown as it explains.
 * A wall's cards are read a page at a time (wall-pages-loader.ts): a district's wall of
 * 10,000 cards shows its first page at once and "Show more cards" reads the next.
 */
export class PdStickerWall extends PhoneActivityElement<'gallery-walk'> {
  static override styles = [
    phoneStyles,
    css`
      .budget {
        z-index: 1;
        background: var(--pd-surface-soft);
        border: 1px solid var(--pd-line);
        border-radius: 10px;
        padding: 0.4rem;
        display: grid;
        /* Wide enough for a wall's name in either language ("Definiciones" broke mid-word in
           three 6.5rem columns): two columns on a phone, one where even that is too narrow. */
        grid-template-columns: repeat(auto-fit, minmax(min(8rem, 100%), 1fr));
        gap: 0.35rem;
        margin-bottom: 0.8rem;
      }
      /* Kept in view only while it takes at most a fifth of the screen (see pinBar). */
      .budget.pinned {
        position: sticky;
        top: 0;
      }
      .budget button {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 0.1rem;
        padding: 0.35rem 0.3rem;
        min-height: 3.4rem;
        background: var(--pd-surface);
        color: var(--pd-ink);
        border: 2px solid var(--pd-line);
        font-size: 0.9rem;
        line-height: 1.2;
      }
      .budget button[aria-pressed='true'] {
        border-color: var(--pd-ink);
        box-shadow: inset 0 0 0 2px var(--pd-ink);
      }
      .budget .name {
        display: flex;
        flex-direction: column;
        gap: 0.15rem;
        align-items: center;
        font-weight: 700;
        text-align: center;
      }
      .budget .left {
        font-weight: 400;
        font-size: 0.85rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        margin: 0.55rem 0;
      }
      .vote {
        width: 100%;
        text-align: left;
        display: flex;
        gap: 0.7rem;
        align-items: flex-start;
        background: var(--pd-card);
        color: var(--pd-ink);
        border: 2px solid var(--pd-card-line);
        font-weight: 400;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        padding: 0.7rem 0.8rem;
      }
      .vote[aria-pressed='true'] {
        border-color: var(--pd-ink);
        background: var(--pd-card-strong);
      }
      .vote .dot {
        flex: none;
        width: 28px;
        height: 28px;
        border: 2px dashed var(--pd-field);
        border-radius: 6px;
        display: grid;
        place-items: center;
      }
      .vote[aria-pressed='true'] .dot {
        border: none;
      }
      .error {
        position: sticky;
        top: 4.6rem;
        background: var(--pd-danger-tint);
        border: 2px solid var(--pd-danger);
        border-radius: 8px;
        padding: 0.5rem 0.7rem;
        z-index: 1;
      }
      .done {
        color: var(--pd-success);
        font-weight: 600;
      }
    `,
  ];

  static override properties = { wallId: { state: true } };

  protected readonly kinds = ['gallery-walk'] as const;
  declare private wallId: string;

  private readonly pages = new WallPagesLoader({
    fetchPage: (wall, page) => {
      const live = this.live;
      if (!live) return Promise.reject(new Error('no session'));
      return bodyOf(live.api.walls[':wall'].pages[':page'].$get({ param: { code: live.code, wall, page: String(page) } }));
    },
    onChange: () => this.requestUpdate(),
  });

  constructor() {
    super();
    this.wallId = '';
  }

  /** The shown wall's listing, read when the stream brings the walk or a change to it. */
  private listing(gallery: PhoneGalleryPart, wall: string) {
    return gallery.walls.find((w) => w.id === wall) ?? null;
  }

  /** A wall of the deck (its title and sticker). */
  private wall({ session }: Screen, id: string): Wall {
    return session.walls.find((w) => w.id === id) ?? { id, title: id, sticker: { colour: colour('inkMuted'), name: id, shape: 'circle' }, toLeadership: false };
  }

  protected override renderScreen(screen: Screen) {
    const { live, activity } = screen;
    const gallery = live.part('gallery');
    const mine = live.part('myStickers');
    if (!gallery || !mine) return html`<p role="status">${msg('reconnecting')}</p>`;
    const current = activity.walls.includes(this.wallId) ? this.wallId : activity.walls[0];
    const perWall = activity.stickersPerWall;
    // Nothing left and something placed: a walk whose walls have no cards yet is not done.
    const allPlaced = mine.stickers.length > 0 && activity.walls.every((w) => (mine.left[w] ?? 0) === 0);
    const wall = this.wall(screen, current);
    const listing = this.listing(gallery, current);
    // Reading a page only starts a request; the page re-renders when it arrives.
    if (listing) this.pages.sync(listing);
    const cards = this.pages.cards(current);
    const pageStatus = this.pages.status(current);
    const total = listing?.cards ?? 0;
    const hiddenSticker = mine.stickers.find((s) => s.hidden);
    return html`
      <h2>${msg('stickersTitle')}</h2>
      <div class="budget" role="group" aria-label=${msg('wallsLabel')}>
        ${activity.walls.map((id) => {
          const w = this.wall(screen, id);
          const left = mine.left[id] ?? 0;
          // The button's name is its visible text (WCAG 2.5.3); the count of how many in all describes it.
          return html`<button type="button" aria-pressed=${id === current ? 'true' : 'false'} aria-describedby=${`total-${id}`} @click=${() => this.choose(id)}>
            <span class="name">${stickerShape(w.sticker, 22)}<span>${w.title}</span></span>
            <span class="left">${w.sticker.name} · ${msg('stickersLeft', { n: left })}</span>
          </button>`;
        })}
      </div>
      ${activity.walls.map((id) => {
        const w = this.wall(screen, id);
        return html`<span class="visually-hidden" id=${`total-${id}`}>${msg('stickersLeftLabel', { name: w.sticker.name, wall: w.title, n: mine.left[id] ?? 0, total: perWall })}</span>`;
      })}
      ${this.writes.alert()}
      ${!gallery.open ? html`<p class="hint" role="status">${gallery.revealed ? msg('votingEnded') : msg('activityClosed')}</p>` : null}
      ${gallery.open && allPlaced ? html`<p class="done" role="status">${msg('allPlaced')}</p>` : null}
      ${
        hiddenSticker
          ? html`<p class="hint">${msg('stickerOnHiddenCard')}</p>
              <button class="secondary" @click=${() => this.takeBack(screen, hiddenSticker.id)}>${msg('removeHiddenSticker')}</button>`
          : null
      }
      <p class="hint">${msg('stickersIntro')}</p>
      <h3 style="display:flex;gap:0.4rem;align-items:center">${stickerShape(wall.sticker, 22)} ${wall.title}</h3>
      ${
        // A short wall says why it takes fewer stickers; an empty one only says it has no cards
        // (a budget of 0 of 6 there reads as a rule, when there is simply nothing to vote on yet).
        total > 0 && (mine.budgets[current] ?? perWall) < perWall
          ? html`<p class="hint" role="note">${msg('shortWall', { cards: total, n: mine.budgets[current] ?? 0, total: perWall })}</p>`
          : null
      }
      ${total === 0 ? html`<p class="hint">${msg('wallEmpty')}</p>` : null}
      ${total > 0 && !pageStatus.loaded ? html`<p class="hint" role="status">${pageStatus.failed ? msg('cardsRetrying') : msg('cardsLoading')}</p>` : null}
      <ul aria-label=${wall.title} @focusin=${(e: FocusEvent) => this.keepClearOfBar(e.target as HTMLElement)}>
        ${cards.map((card) => {
          const sticker = mine.stickers.find((s) => s.cardId === card.id);
          const label = sticker ? msg('removeSticker', { name: wall.sticker.name }) : msg('placeSticker', { name: wall.sticker.name });
          return html`<li>
            <button
              class="vote"
              aria-pressed=${sticker ? 'true' : 'false'}
              aria-label=${`${label}: ${card.text}`}
              ?disabled=${!gallery.open}
              @click=${() => (sticker ? this.takeBack(screen, sticker.id) : this.place(screen, card.id, current))}
            >
              <span class="dot">${sticker ? stickerShape(wall.sticker, 26) : null}</span><span>${card.text}</span>
            </button>
          </li>`;
        })}
      </ul>
      ${
        pageStatus.loaded && total > 0
          ? html`<p class="hint" role="status">${msg('cardsShown', { n: cards.length, total })}</p>
              ${
                cards.length < total && listing
                  ? html`<button class="secondary" ?disabled=${pageStatus.loading} @click=${() => this.pages.more(listing)}>
                      ${pageStatus.loading ? msg('cardsLoading') : msg('showMoreCards')}
                    </button>`
                  : null
              }`
          : null
      }
    `;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('resize', this.pinBar);
  }

  override disconnectedCallback(): void {
    removeEventListener('resize', this.pinBar);
    super.disconnectedCallback();
  }

  override updated(): void {
    this.pinBar();
  }

  /**
   * The walls' bar stays at the top while scrolling only when it takes at most a fifth of the
   * screen: with large text on a small phone it would otherwise hide most of the cards.
   */
  private readonly pinBar = () => {
    const bar = this.renderRoot.querySelector<HTMLElement>('.budget');
    if (!bar) return;
    bar.classList.remove('pinned');
    bar.classList.toggle('pinned', bar.offsetHeight <= innerHeight / 5);
  };

  /** A card reached with the keyboard is scrolled out from under the pinned bar. */
  private keepClearOfBar(target: HTMLElement) {
    const bar = this.renderRoot.querySelector<HTMLElement>('.budget.pinned');
    if (!bar) return;
    const hidden = bar.getBoundingClientRect().bottom + 8 - target.getBoundingClientRect().top;
    if (hidden > 0) scrollBy({ top: -hidden });
  }

  private choose(id: string) {
    this.wallId = id;
    this.writes.clear();
  }

  /**
   * The answer to a tap says what the phone's own stickers now are, so it is shown at once;
   * the server's echo of one's own stickers comes less often (OWN_ECHO_INTERVAL_MS, and
   * SOLE_PHONE_ECHO_INTERVAL_MS while this is the person's only phone).
   */
  private async place(screen: Screen, cardId: string, wallId: string) {
    const { live } = screen;
    const placed = await this.writes.run(
      () => reply(live.api.stickers.$post({ param: { code: live.code }, json: { cardId } })),
      (error) => this.explain(screen, error, wallId),
    );
    if (!placed) return;
    const { body: answer, seq } = placed;
    this.showOwn(screen, seq, (mine) => ({
      ...mine,
      left: answer.left,
      stickers: [...mine.stickers.filter((s) => s.id !== answer.stickerId), { id: answer.stickerId, cardId, wall: wallId, hidden: false }],
    }));
  }

  private async takeBack(screen: Screen, stickerId: string) {
    const { live } = screen;
    const taken = await this.writes.run(() => reply(live.api.stickers[':stickerId'].$delete({ param: { code: live.code, stickerId } })));
    if (!taken) return;
    // The route answers a facilitator's paper sticker without `left`; a participant's always has it.
    const { left } = taken.body as { left?: Record<string, number> };
    this.showOwn(screen, taken.seq, (mine) => ({ ...mine, left: left ?? mine.left, stickers: mine.stickers.filter((s) => s.id !== stickerId) }));
  }

  private showOwn({ live }: Screen, seq: number, change: (mine: MyStickersPart) => MyStickersPart) {
    const mine = live.part('myStickers');
    if (mine) live.applyLocal('myStickers', change(mine), seq);
  }

  private explain(screen: Screen, error: unknown, wallId: string): string {
    const wall = this.wall(screen, wallId);
    if (error instanceof ApiError && error.code === 'budget_spent') {
      return msg('errorBudgetSpent', { total: screen.activity.stickersPerWall, name: wall.sticker.name, wall: wall.title });
    }
    if (error instanceof ApiError && error.code === 'card_full') return msg('errorCardFull');
    if (error instanceof ApiError && error.code === 'activity_closed') return msg('votingEnded');
    return errorMessage(error);
  }
}

customElements.define('pd-sticker-wall', PdStickerWall);

declare global {
  interface HTMLElementTagNameMap {
    'pd-sticker-wall': PdStickerWall;
  }
}
