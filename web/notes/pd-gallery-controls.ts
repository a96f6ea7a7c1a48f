import { css, html } from 'lit';
import { bodyOf } from '../shared/live/api-client.js';
import { StaffElement } from '../shared/staff-element.js';
import { staffStyles } from '../shared/staff-styles.js';
import { stickerShape } from '../shared/sticker-shape.js';
import { shortText } from './gallery-labels.js';

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
    if (!live || !progress) return html`<p>The gallery walk has not started.</p>`;
    return html`
      <h3>Gallery walk: ${progress.open ? 'voting open' : progress.revealed ? 'tallies revealed' : 'voting closed'}</h3>
      <p>${progress.stickersPlaced} stickers placed; ${progress.peopleDone} of ${progress.participants} people have placed all of theirs.</p>
      <table aria-label="Voting progress by wall">
        <tr><th>Wall</th><th>People done</th></tr>
        ${Object.entries(progress.people).map(([id, n]) => {
          const wall = walls.find((w) => w.id === id);
          return html`<tr><td>${wall ? stickerShape(wall.sticker, 14) : null} ${wall?.title ?? id} (${wall?.sticker.name})</td><td>${n}</td></tr>`;
        })}
      </table>
      <p><button class="primary" @click=${() => this.reveal(!progress.revealed)}>${progress.revealed ? 'Hide tallies (reopen voting)' : 'Reveal tallies'}</button></p>
      ${this.writes.alert()}
      ${tallies?.walls.filter((t) => t.tie).map((t) => {
        const wall = walls.find((w) => w.id === t.wall);
        return html`<fieldset>
          <legend>Tie at the cut on ${wall?.title ?? t.wall}: choose ${t.tie!.seats}</legend>
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
