import { css, html } from 'lit';
import { bodyOf } from '../shared/live/api-client.js';
import { StaffElement } from '../shared/staff-element.js';
import { staffStyles } from '../shared/staff-styles.js';
import { stickerShape } from '../shared/sticker-shape.js';
import { shortText } from './gallery-labels.js';
import { staffMsg } from '../shared/staff-messages.js';

/**
 * The support facilitator's view of the vote: progress per wall, the reveal button, and
 * after the reveal the choice at a tied cut (which tied cards go on the agreement).
 */
export class PdGalleryControls extends StaffElement {
  static override styles = [
    staffStyles,
    css`
      :host {
        display: block;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 0.9rem;
      }
      td,
      th {
        text-align: left;
        padding: 0.2rem 0.4rem;
        border-bottom: 1px solid var(--pd-line-soft);
      }
      fieldset {
        border: 1px solid var(--pd-accent);
        border-radius: 6px;
        margin: 0.6rem 0;
      }
      label {
        display: block;
        margin: 0.2rem 0;
      }
    `,
  ];

  override render() {
    const live = this.live;
    const progress = live?.part('galleryProgress');
    const tallies = live?.part('tallies');
    const walls = this.deck?.walls ?? [];
    if (!live || !progress) return html`<p>${staffMsg('galleryNotStarted')}</p>`;
    return html`
      <h3>${staffMsg(progress.open ? 'galleryVotingOpen' : progress.revealed ? 'galleryTalliesRevealed' : 'galleryVotingClosed')}</h3>
      <p>${staffMsg('stickersPlaced', { n: progress.stickersPlaced })} · ${staffMsg('peopleDone', { done: progress.peopleDone, n: progress.participants })}</p>
      <table aria-label=${staffMsg('votingByWall')}>
        <tr><th>${staffMsg('wall')}</th><th>${staffMsg('peopleDoneHeading')}</th></tr>
        ${Object.entries(progress.people).map(([id, n]) => {
          const wall = walls.find((w) => w.id === id);
          return html`<tr><td>${wall ? stickerShape(wall.sticker, 14) : null} ${wall?.title ?? id} (${wall?.sticker.name})</td><td>${n}</td></tr>`;
        })}
      </table>
      <p><button class="primary" @click=${() => this.reveal(!progress.revealed)}>${progress.revealed ? staffMsg('hideTallies') : staffMsg('revealTallies')}</button></p>
      ${this.writes.alert()}
      ${tallies?.walls.filter((t) => t.tie).map((t) => {
        const wall = walls.find((w) => w.id === t.wall);
        return html`<fieldset>
          <legend>${staffMsg('tieChoose', { wall: wall?.title ?? t.wall, n: t.tie!.seats })}</legend>
          ${t.cards
            .filter((c) => t.tie!.cardIds.includes(c.id))
            .map(
              (c) => html`<label><input type="checkbox" .checked=${t.tie!.chosen.includes(c.id)} @change=${(e: Event) => this.choose(t.wall, c.id, (e.target as HTMLInputElement).checked, t.tie!.chosen)} />
                ${shortText(c.text)} (${c.stickers})</label>`,
            )}
        </fieldset>`;
      })}
    `;
  }

  private reveal(revealed: boolean) {
    const live = this.live;
    if (live) void this.writes.run(() => bodyOf(live.api.gallery.reveal.$put({ param: { code: live.code }, json: { revealed } })));
  }

  private choose(wall: string, cardId: string, checked: boolean, chosen: string[]) {
    const live = this.live;
    const cardIds = checked ? [...chosen, cardId] : chosen.filter((id) => id !== cardId);
    // A refused choice re-renders the boxes as the server has them.
    if (live) void this.writes.run(() => bodyOf(live.api.gallery.cut.$put({ param: { code: live.code }, json: { wall, cardIds } })));
  }
}

customElements.define('pd-gallery-controls', PdGalleryControls);

declare global {
  interface HTMLElementTagNameMap {
    'pd-gallery-controls': PdGalleryControls;
  }
}
