import { css, html } from 'lit';
import { bodyOf } from '../shared/live/api-client.js';
import { StaffElement } from '../shared/staff-element.js';
import { staffStyles } from '../shared/staff-styles.js';
import { notesFormStyles } from './notes-form-styles.js';
import { cardNames } from './gallery-labels.js';
import { staffMsg } from '../shared/staff-messages.js';

/**
 * Merging duplicate cards on a wall: the duplicate leaves the wall and its authors and
 * stickers count for the card it joins. Undo puts it back.
 */
export class PdMergeCards extends StaffElement {
  static override styles = [
    staffStyles,
    notesFormStyles,
    css`
      ul {
        padding-left: 1rem;
        font-size: 0.9rem;
      }
    `,
  ];

  static override properties = { wall: { state: true } };
  declare private wall: string;

  constructor() {
    super();
    this.wall = '';
  }

  override render() {
    const live = this.live;
    const walls = this.deck?.walls ?? [];
    const merges = live?.part('merges') ?? {};
    const cards = (live?.part('cards') ?? []).filter((c) => !c.hidden);
    const wall = this.wall || walls[0]?.id || '';
    const onWall = cards.filter((c) => c.wall === wall && !merges[c.id]);
    // Identical texts are told apart by who wrote them and when.
    const names = cardNames(cards, 70, this.deck?.groups);
    const shortNames = cardNames(cards, 50, this.deck?.groups);
    const text = (id: string) => shortNames.get(id) ?? id;
    return html`
      <h3>${staffMsg('mergeTitle')}</h3>
      <form @submit=${this.merge}>
        <label for="merge-wall">${staffMsg('wall')}</label>
        <select id="merge-wall" @change=${(e: Event) => (this.wall = (e.target as HTMLSelectElement).value)}>
          ${walls.map((w) => html`<option value=${w.id} ?selected=${w.id === wall}>${w.title}</option>`)}
        </select>
        <label for="merge-duplicate">${staffMsg('duplicateCard')}</label>
        <select id="merge-duplicate" name="cardId" required>
          ${onWall.map((c) => html`<option value=${c.id}>${names.get(c.id)}</option>`)}
        </select>
        <label for="merge-into">${staffMsg('mergeInto')}</label>
        <select id="merge-into" name="intoId" required>
          ${onWall.map((c, i) => html`<option value=${c.id} ?selected=${i === 1}>${names.get(c.id)}</option>`)}
        </select>
        <button type="submit" class="primary" ?disabled=${onWall.length < 2}>${staffMsg('merge')}</button>
      </form>
      ${this.writes.alert()}
      ${Object.keys(merges).length
        ? html`<ul aria-label=${staffMsg('mergedCards')}>
            ${Object.entries(merges).map(
              ([from, into]) => html`<li>“${text(from)}” → “${text(into)}” <button @click=${() => this.unmerge(from)} aria-label=${staffMsg('undoMergeOf', { text: text(from) })}>${staffMsg('undo')}</button></li>`,
            )}
          </ul>`
        : null}
    `;
  }

  private merge(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const live = this.live;
    const json = { cardId: String(form.get('cardId')), intoId: String(form.get('intoId')) };
    if (live) void this.writes.run(() => bodyOf(live.api.gallery.merges.$post({ param: { code: live.code }, json })));
  }

  private unmerge(cardId: string) {
    const live = this.live;
    if (live) void this.writes.run(() => bodyOf(live.api.gallery.merges[':cardId'].$delete({ param: { code: live.code, cardId } })));
  }
}

customElements.define('pd-merge-cards', PdMergeCards);

declare global {
  interface HTMLElementTagNameMap {
    'pd-merge-cards': PdMergeCards;
  }
}
