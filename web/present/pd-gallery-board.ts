import { css, html, type PropertyValues } from 'lit';
import type { GalleryProgressPart, TalliesPart, Wall, WallTally } from '../../server/contract/parts.js';
import { bodyOf } from '../shared/live/api-client.js';
import { StaffElement } from '../shared/staff-element.js';
import { staffMsg } from '../shared/staff-messages.js';
import { staffStyles } from '../shared/staff-styles.js';
import { stickerShape } from '../shared/sticker-shape.js';
import type { WordsIn } from '../shared/room-words.js';
import { colour } from '../shared/palette.js';
import { ClockController } from '../shared/clock-controller.js';
import { leadControlStyles } from './lead-controls.js';
import { PageTurns } from './page-turns.js';
import { pagesStyles } from './pd-pages.js';
import './pd-pages.js';
import { wallsStyles } from './walls-styles.js';

/** Rows shown per wall after the reveal: the cut, any tie at it, and a few more for context. */
const EXTRA_ROWS = 2;

/**
 * The gallery walk on the projector. While voting is open it shows only progress (how
 * many people have placed all their stickers on each wall), never the tallies, so nobody
 * votes with the crowd. After the facilitator reveals, each wall's cards are ranked by
 * stickers, top statements first, with the cut marked and a tie at the cut shown as a tie.
 * The walls are shown one after the other across the whole slide, so a statement reads
 * on a line or two instead of a narrow column; a wall longer than the slide shows its
 * pages in turn before the next wall.
 */
export class PdGalleryBoard extends StaffElement {
  static override styles = [
    staffStyles,
    pagesStyles,
    leadControlStyles,
    wallsStyles,
    css`
      :host {
        --pd-walls-gap: 0.6em;
      }
      /* Revealed: the walls stacked in one place, the one in turn visible. */
      .walls.one-at-a-time {
        grid-auto-flow: row;
        grid-template: minmax(0, 1fr) / minmax(0, 1fr);
      }
      .one-at-a-time > section {
        grid-area: 1 / 1;
      }
      .one-at-a-time > section:not(.current) {
        visibility: hidden;
      }
      .tabs {
        display: flex;
        gap: 0.4em;
        flex-wrap: wrap;
        margin: 0 0 0.25em;
        padding: 0;
        list-style: none;
        font-size: 0.9em;
      }
      .tabs li {
        display: flex;
        align-items: center;
        gap: 0.25em;
        padding: 0.05em 0.4em;
        border-radius: 0.3em;
        color: var(--pd-ink-soft);
        border-bottom: 0.15em solid transparent;
      }
      .tabs button.tab {
        all: unset;
        cursor: pointer;
        display: flex;
        align-items: center;
        gap: 0.25em;
      }
      .tabs button.tab:focus-visible {
        outline: 3px solid var(--pd-accent);
      }
      .tabs li[aria-current='true'] {
        color: var(--pd-ink);
        font-weight: 700;
        border-bottom-color: var(--tab);
        background: var(--pd-surface-soft);
      }
      section {
        border-top: 0.3em solid var(--wall);
        background: var(--pd-surface-soft);
        border-radius: 0.3em;
        padding: 0.3em 0.45em;
      }
      h3 {
        margin: 0 0 0.25em;
        font-size: 1em;
        display: flex;
        gap: 0.3em;
        align-items: center;
        color: var(--pd-primary-strong);
      }
      .progress-line {
        margin: 0.3em 0;
      }
      .bar {
        height: 0.6em;
        background: var(--pd-line-soft);
        border-radius: 0.3em;
        overflow: hidden;
      }
      .bar span {
        display: block;
        height: 100%;
        background: var(--wall);
      }
      .big {
        font-size: 2.4em;
        font-weight: 800;
        line-height: 1.1;
      }
      pd-pages {
        flex: 1;
        --pd-page-gap: 0.15em;
      }
      .row {
        display: grid;
        grid-template-columns: 1.7em minmax(0, 1fr) auto;
        gap: 0.3em;
        align-items: start;
        padding: 0.1em 0.25em;
        font-size: 0.9em;
        line-height: 1.22;
        border-radius: 0.2em;
      }
      .row.top,
      .row.tie-chosen {
        background: var(--pd-card-strong);
        font-weight: 600;
      }
      .row.tie {
        background: var(--pd-danger-tint);
        outline: 2px dashed var(--pd-warn);
      }
      .row.out {
        color: var(--pd-ink-soft);
      }
      .count {
        display: flex;
        gap: 0.2em;
        align-items: center;
        white-space: nowrap;
        font-weight: 700;
      }
      .text {
        overflow-wrap: anywhere;
        white-space: pre-wrap;
        display: -webkit-box;
        -webkit-box-orient: vertical;
        -webkit-line-clamp: 5;
        overflow: hidden;
      }
      /* A badge is one word to the room ("Top 6"): whole on a line, after its statement or on the next line, never split. */
      .badge {
        display: inline-block;
        white-space: nowrap;
        font-size: 0.96em;
        font-weight: 700;
        padding: 0 0.25em;
        border-radius: 0.2em;
        background: var(--pd-success);
        color: var(--pd-surface);
        margin-left: 0.25em;
      }
      .badge.tie {
        background: var(--pd-warn);
      }
      .cut-note {
        font-size: 0.86em;
        color: var(--pd-warn-ink);
        margin: 0.2em 0 0;
      }
      .summary {
        margin: 0.3em 0 0;
        font-size: 0.86em;
        color: var(--pd-ink-soft);
      }
    `,
  ];

  static override properties = { busy: { state: true } };
  declare private busy: boolean;
  /** How many pages each wall's tally takes on the slide, as its pager counted them. */
  private pageCounts = new Map<string, number>();
  /** The walls take turns on the slide; the turn is read from the clock. */
  private readonly clock = new ClockController(this, 1000);
  /**
   * The walls' turns count from the moment this screen sees the tallies revealed, starting
   * at the first wall (so the room reads wall 1's top statements first, not whichever page
   * the clock is on), or from when the lead picks a wall by its tab, starting at that wall.
   */
  private readonly turns = new PageTurns();
  /** The wall the turns start from; null while the tallies are hidden. */
  private firstWall: string | null = null;

  constructor() {
    super();
    this.busy = false;
  }

  private wall(id: string, deck = this.deck): Wall {
    return deck?.walls.find((w) => w.id === id) ?? { id, title: id, sticker: { colour: colour('inkMuted'), name: id, shape: 'circle' }, toLeadership: false };
  }

  /** A wall's title in the language of `words` (the deck in that language). */
  private titleIn(words: WordsIn, id: string): string {
    return this.wall(id, words.deck).title;
  }

  /** Starts the walls' turns when the tallies appear and stops them when they are hidden, before render reads them. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const tallies = this.live?.part('tallies');
    if (!tallies || tallies.walls.length === 0) {
      this.turns.stop();
      this.firstWall = null;
    } else if (this.firstWall === null) {
      this.firstWall = tallies.walls[0].wall;
      this.turns.begin();
    }
  }

  override render() {
    const live = this.live;
    const progress = live?.part('galleryProgress');
    const tallies = live?.part('tallies');
    if (!progress) return null;
    return html`
      ${tallies ? this.renderTallies(tallies) : this.renderProgress(progress)}
      <p class="summary">
        ${this.say(({ t }) => `${t('stickersPlaced', { n: progress.stickersPlaced })} · ${t('peopleDone', { done: progress.peopleDone, n: progress.participants })}`)}
      </p>
      <div class="lead-controls">
        <button class=${tallies ? '' : 'primary'} ?disabled=${this.busy} @click=${() => this.reveal(!tallies)}>
          ${staffMsg(tallies ? 'hideTallies' : 'revealTallies')}
        </button>
        ${this.writes.alert('problem')}
      </div>
    `;
  }

  private renderProgress(progress: GalleryProgressPart) {
    const walls = Object.keys(progress.people);
    return html`<div class="walls" role="list" aria-label=${staffMsg('votingProgress')}>
      ${walls.map((id) => {
        const wall = this.wall(id);
        const done = progress.people[id] ?? 0;
        const share = progress.participants ? Math.round((done / progress.participants) * 100) : 0;
        const label = staffMsg('wallProgressLabel', {
          wall: wall.title,
          done,
          n: progress.participants,
          stickers: progress.budgets[id] ?? progress.stickersPerWall,
        });
        return html`<section role="listitem" style=${`--wall:${wall.sticker.colour}`} aria-label=${label}>
          <h3>${stickerShape(wall.sticker, 26)} ${this.say((w) => `${this.wall(id, w.deck).sticker.name} · ${this.titleIn(w, id)}`)}</h3>
          <div class="big">${done}</div>
          <div class="progress-line">
            ${this.say(({ t }) => t('wallProgressRest', { n: progress.participants, stickers: progress.budgets[id] ?? progress.stickersPerWall }))}
          </div>
          <div class="bar"><span style=${`width:${share}%`}></span></div>
        </section>`;
      })}
    </div>`;
  }

  private renderTallies(tallies: TalliesPart) {
    // Every page of every wall in turn: wall 1 page 1, wall 1 page 2, wall 2 page 1…
    const turns = tallies.walls.flatMap((t) => Array.from({ length: this.pageCounts.get(t.wall) ?? 1 }, (_, page) => ({ wall: t.wall, page })));
    const from = Math.max(
      0,
      turns.findIndex((t) => t.wall === this.firstWall),
    );
    const turn = turns[(from + this.turns.current()) % turns.length];
    const show = (wall: string) => {
      this.firstWall = wall;
      this.turns.restart();
      this.requestUpdate();
    };
    return html`<ul class="tabs" aria-label=${staffMsg('wallsInTurn')}>
        ${tallies.walls.map((t) => {
          const wall = this.wall(t.wall);
          return html`<li style=${`--tab:${wall.sticker.colour}`} aria-current=${t.wall === turn.wall ? 'true' : 'false'}>
            <button class="tab" aria-pressed=${t.wall === turn.wall ? 'true' : 'false'} @click=${() => show(t.wall)}>
              ${stickerShape(wall.sticker, 22)} ${this.say((w) => this.titleIn(w, t.wall))}
            </button>
          </li>`;
        })}
      </ul>
      <div class="walls one-at-a-time">${tallies.walls.map((t) => this.renderWall(t, t.wall === turn.wall, t.wall === turn.wall ? turn.page : 0))}</div>`;
  }

  private renderWall(tally: WallTally, current: boolean, page: number) {
    const wall = this.wall(tally.wall);
    const cut = tally.cut ?? tally.cards.length;
    const tieEnd = tally.tie ? tally.cards.findLastIndex((c) => c.status === 'tie' || c.status === 'tie-chosen') + 1 : 0;
    const shown = tally.cards.slice(0, Math.max(cut, tieEnd) + EXTRA_ROWS);
    const rows = shown.map(
      (card) =>
        html`<div class=${`row ${card.status}`} role="listitem">
          <span>${card.rank}.</span>
          <span class="text"
            >${card.text}${card.status === 'top' || card.status === 'tie-chosen' ? html`<span class="badge">${this.say(({ t }) => t('topBadge', { n: cut }), 'inline')}</span>` : null}${card.status === 'tie' ? html`<span class="badge tie">${this.say(({ t }) => t('tieBadge'), 'inline')}</span>` : null}</span
          >
          <span class="count" aria-label=${staffMsg('stickerCount', { n: card.stickers })}>${stickerShape(wall.sticker, 22)} ${card.stickers}</span>
        </div>`,
    );
    const counted = (e: CustomEvent<number>) => {
      this.pageCounts.set(tally.wall, e.detail);
      this.requestUpdate();
    };
    return html`<section class=${current ? 'current' : ''} style=${`--wall:${wall.sticker.colour}`} aria-label=${staffMsg('wallTally', { wall: wall.title })}>
      <pd-pages layout="column" .page=${page} .items=${rows} @pages-counted=${counted}></pd-pages>
      ${
        tally.tie
          ? html`<p class="cut-note">
              ${this.say(({ t }) => t(tally.tie!.chosen.length ? 'tieChosen' : 'tieToChoose', { cards: tally.tie!.cardIds.length, n: tally.tie!.seats, chosen: tally.tie!.chosen.length }))}
            </p>`
          : null
      }
    </section>`;
  }

  private async reveal(revealed: boolean) {
    const live = this.live;
    if (!live) return;
    this.busy = true;
    await this.writes.run(() => bodyOf(live.api.gallery.reveal.$put({ param: { code: live.code }, json: { revealed } })));
    this.busy = false;
  }
}

customElements.define('pd-gallery-board', PdGalleryBoard);

declare global {
  interface HTMLElementTagNameMap {
    'pd-gallery-board': PdGalleryBoard;
  }
}
