import { css, html } from 'lit';
import type { GalleryProgressPart, TalliesPart, Wall, WallTally } from '../../server/contract/parts.js';
import { bodyOf } from '../shared/live/api-client.js';
import { StaffElement } from '../shared/staff-element.js';
import { staffStyles } from '../shared/staff-styles.js';
import { stickerShape } from '../shared/sticker-shape.js';
import { colour } from '../shared/palette.js';
import { staffMsg } from '../shared/staff-messages.js';

/** Rows shown per wall after the reveal: the cut, any tie at it, and a few more for context. */
const EXTRA_ROWS = 2;

/**
 * The gallery walk on the projector. While voting is open it shows only progress (how
 * many people have placed all their stickers on each wall), never the tallies, so nobody
 * votes with the crowd. After the facilitator reveals, each wall's cards are ranked by
 * stickers with the top statements marked and a tie at the cut shown as a tie.
 */
export class PdGalleryBoard extends StaffElement {
  static override styles = [
    staffStyles,
    css`
      :host {
        display: block;
        font-size: 0.56em;
      }
      .walls {
        display: grid;
        grid-auto-flow: column;
        grid-auto-columns: 1fr;
        gap: 0.8em;
      }
      section {
        border-top: 0.35em solid var(--wall);
        background: var(--pd-surface-soft);
        border-radius: 0.3em;
        padding: 0.4em 0.6em;
      }
      h3 {
        margin: 0 0 0.3em;
        font-size: 1em;
        display: flex;
        gap: 0.35em;
        align-items: center;
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
        font-size: 1.6em;
        font-weight: 700;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        display: grid;
        grid-template-columns: 1.6em 1fr auto;
        gap: 0.4em;
        align-items: start;
        padding: 0.15em 0.3em;
        font-size: 0.82em;
        line-height: 1.25;
        border-radius: 0.2em;
      }
      li.top,
      li.tie-chosen {
        background: var(--pd-card-strong);
        font-weight: 600;
      }
      li.tie {
        background: var(--pd-danger-tint);
        outline: 2px dashed var(--pd-warn);
      }
      li.out {
        color: var(--pd-ink-muted);
      }
      .count {
        display: flex;
        gap: 0.2em;
        align-items: center;
        white-space: nowrap;
      }
      .text {
        overflow-wrap: anywhere;
        white-space: pre-wrap;
      }
      .badge {
        font-size: 0.75em;
        font-weight: 700;
        padding: 0 0.3em;
        border-radius: 0.2em;
        background: var(--pd-success);
        color: var(--pd-surface);
        margin-left: 0.3em;
      }
      .badge.tie {
        background: var(--pd-warn);
      }
      .cut-note {
        font-size: 0.75em;
        color: var(--pd-warn-ink);
        margin: 0.2em 0 0;
      }
      .controls {
        display: flex;
        gap: 0.6em;
        align-items: center;
        margin-top: 0.5em;
        font-size: 0.8em;
      }
      button {
        font-size: 0.9em;
      }
    `,
  ];

  static override properties = { busy: { state: true } };
  declare private busy: boolean;

  constructor() {
    super();
    this.busy = false;
  }

  private wall(id: string): Wall {
    return this.deck?.walls.find((w) => w.id === id) ?? { id, title: id, sticker: { colour: colour('inkMuted'), name: id, shape: 'circle' } };
  }

  override render() {
    const live = this.live;
    const progress = live?.part('galleryProgress');
    const tallies = live?.part('tallies');
    if (!progress) return null;
    return html`
      ${tallies ? this.renderTallies(tallies) : this.renderProgress(progress)}
      <div class="controls">
        <span>${staffMsg('stickersPlaced', { n: progress.stickersPlaced })} · ${staffMsg('peopleDone', { done: progress.peopleDone, n: progress.participants })}</span>
        <button class=${tallies ? '' : 'primary'} ?disabled=${this.busy} @click=${() => this.reveal(!tallies)}>${tallies ? staffMsg('hideTallies') : staffMsg('revealTallies')}</button>
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
        return html`<section role="listitem" style=${`--wall:${wall.sticker.colour}`} aria-label=${staffMsg('wallProgressLabel', { wall: wall.title, done, n: progress.participants, stickers: progress.stickersPerWall })}>
          <h3>${stickerShape(wall.sticker, 22)} ${wall.sticker.name} · ${wall.title}</h3>
          <div><span class="big">${done}</span> ${staffMsg('wallProgressRest', { n: progress.participants, stickers: progress.stickersPerWall })}</div>
          <div class="bar"><span style=${`width:${share}%`}></span></div>
        </section>`;
      })}
    </div>`;
  }

  private renderTallies(tallies: TalliesPart) {
    return html`<div class="walls">${tallies.walls.map((t) => this.renderWall(t))}</div>`;
  }

  private renderWall(tally: WallTally) {
    const wall = this.wall(tally.wall);
    const cut = tally.cut ?? tally.cards.length;
    const tieEnd = tally.tie ? tally.cards.findLastIndex((c) => c.status === 'tie' || c.status === 'tie-chosen') + 1 : 0;
    const shown = tally.cards.slice(0, Math.max(cut, tieEnd) + EXTRA_ROWS);
    return html`<section style=${`--wall:${wall.sticker.colour}`} aria-label=${staffMsg('wallTally', { wall: wall.title })}>
      <h3>${stickerShape(wall.sticker, 22)} ${wall.title}</h3>
      <ol>
        ${shown.map(
          (card) => html`<li class=${card.status}>
            <span>${card.rank}.</span>
            <span class="text">${card.text}${card.status === 'top' || card.status === 'tie-chosen' ? html`<span class="badge">${staffMsg('topBadge', { n: cut })}</span>` : null}${card.status === 'tie' ? html`<span class="badge tie">${staffMsg('tieBadge')}</span>` : null}</span>
            <span class="count" aria-label=${staffMsg('stickerCount', { n: card.stickers })}>${stickerShape(wall.sticker, 14)} ${card.stickers}</span>
          </li>`,
        )}
      </ol>
      ${tally.tie
        ? html`<p class="cut-note">${tally.tie.chosen.length ? staffMsg('tieChosen', { cards: tally.tie.cardIds.length, n: tally.tie.seats, chosen: tally.tie.chosen.length }) : staffMsg('tieToChoose', { cards: tally.tie.cardIds.length, n: tally.tie.seats })}</p>`
        : null}
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
