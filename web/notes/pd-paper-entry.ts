import { css, html } from 'lit';
import { bodyOf } from '../shared/live/api-client.js';
import { StaffElement } from '../shared/staff-element.js';
import { staffStyles } from '../shared/staff-styles.js';
import { notesFormStyles } from './notes-form-styles.js';
import { groupLabel } from '../shared/group-labels.js';
import { shortText } from './gallery-labels.js';
import { staffMsg, type StaffMessageKey } from '../shared/staff-messages.js';

/**
 * The paper fallback: the support facilitator types in cards written on paper and the
 * stickers people placed on the paper walls. They count like the others and are marked
 * paper in the exports.
 */
export class PdPaperEntry extends StaffElement {
  static override styles = [
    staffStyles,
    notesFormStyles,
    css`
      form {
        margin-bottom: 0.8rem;
      }
    `,
  ];

  static override properties = { note: { state: true } };
  declare private note: StaffMessageKey | '';

  constructor() {
    super();
    this.note = '';
  }

  override render() {
    const live = this.live;
    const walls = this.deck?.walls ?? [];
    const merges = live?.part('merges') ?? {};
    const cards = (live?.part('cards') ?? []).filter((c) => !c.hidden && !merges[c.id]);
    const paper = live?.part('paperStickers') ?? [];
    const groups = html`<option value="">${staffMsg('groupNotGiven')}</option>${(this.deck?.groups ?? []).map((g) => html`<option value=${g.id}>${groupLabel(this.deck?.groups, g.id)}</option>`)}`;
    return html`
      <h3>${staffMsg('paperTitle')}</h3>
      <form @submit=${this.addCard} aria-label=${staffMsg('typePaperCard')}>
        <label for="paper-wall">${staffMsg('wall')}</label>
        <select id="paper-wall" name="wall">${walls.map((w) => html`<option value=${w.id}>${w.title}</option>`)}</select>
        <label for="paper-card-group">${staffMsg('writtenBy')}</label>
        <select id="paper-card-group" name="group">${groups}</select>
        <label for="paper-text">${staffMsg('paperCardText')}</label>
        <textarea id="paper-text" name="text" maxlength="500" required></textarea>
        <button type="submit" class="primary">${staffMsg('addPaperCard')}</button>
      </form>
      <form @submit=${this.addSticker} aria-label=${staffMsg('addPaperStickerForm')}>
        <label for="paper-sticker-card">${staffMsg('cardWithPaperSticker')}</label>
        <select id="paper-sticker-card" name="cardId" required>
          ${walls.map(
            (w) => html`<optgroup label=${w.title}>${cards.filter((c) => c.wall === w.id).map((c) => html`<option value=${c.id}>${shortText(c.text)} (${staffMsg('paperCount', { n: paper.filter((p) => p.cardId === c.id).length })})</option>`)}</optgroup>`,
          )}
        </select>
        <label for="paper-sticker-group">${staffMsg('placedBy')}</label>
        <select id="paper-sticker-group" name="group">${groups}</select>
        <button type="submit">${staffMsg('addPaperSticker')}</button>
      </form>
      <p>${staffMsg('paperStickersTyped', { n: paper.length })} ${this.note ? staffMsg(this.note) : ''}</p>
      ${this.writes.alert()}
    `;
  }

  private async addCard(event: SubmitEvent) {
    event.preventDefault();
    const formEl = event.target as HTMLFormElement;
    const form = new FormData(formEl);
    const group = String(form.get('group') ?? '');
    const live = this.live;
    if (!live) return;
    const json = { wall: String(form.get('wall')), text: String(form.get('text')), ...(group ? { group } : {}) };
    if ((await this.writes.run(() => bodyOf(live.api.gallery['paper-cards'].$post({ param: { code: live.code }, json })))) === undefined) return;
    (formEl.querySelector('textarea') as HTMLTextAreaElement).value = '';
    this.note = 'paperCardAdded';
  }

  private async addSticker(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const group = String(form.get('group') ?? '');
    const live = this.live;
    if (!live) return;
    const json = { cardId: String(form.get('cardId')), ...(group ? { group } : {}) };
    if ((await this.writes.run(() => bodyOf(live.api.gallery['paper-stickers'].$post({ param: { code: live.code }, json })))) === undefined) return;
    this.note = 'paperStickerAdded';
  }
}

customElements.define('pd-paper-entry', PdPaperEntry);

declare global {
  interface HTMLElementTagNameMap {
    'pd-paper-entry': PdPaperEntry;
  }
}
