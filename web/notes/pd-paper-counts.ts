import { css, html } from 'lit';
import { bodyOf } from '../shared/live/api-client.js';
import { StaffElement } from '../shared/staff-element.js';
import { staffMsg } from '../shared/staff-messages.js';
import { staffStyles } from '../shared/staff-styles.js';
import { notesFormStyles } from './notes-form-styles.js';
import { cardNames } from './gallery-labels.js';

/**
 * Paper stickers by count: for each card on the walls, the number of stickers on its paper
 * copy, typed in (12) or stepped with − and +. Typing the count again corrects it.
 */
export class PdPaperCounts extends StaffElement {
  static override styles = [
    staffStyles,
    notesFormStyles,
    css`
      table {
        border-collapse: collapse;
        width: 100%;
      }
      td {
        padding: 0.2rem 0.3rem;
        border-bottom: 1px solid var(--pd-line);
        vertical-align: middle;
      }
      td.count {
        white-space: nowrap;
        text-align: right;
      }
      input {
        width: 4.5em;
        text-align: right;
      }
      h4 {
        margin: 0.6rem 0 0.2rem;
      }
    `,
  ];

  override render() {
    const live = this.live;
    if (!live) return null;
    const walls = this.deck?.walls ?? [];
    const merges = live.part('merges') ?? {};
    const cards = (live.part('cards') ?? []).filter((c) => !c.hidden && !merges[c.id]);
    const paper = live.part('paperStickers') ?? [];
    const names = cardNames(cards, 70, this.deck?.groups);
    const countOf = (id: string) => paper.filter((p) => p.cardId === id).length;
    return html`<h3>${staffMsg('paperCountsHeading')}</h3>
      ${walls.map((w) => {
        const onWall = cards.filter((c) => c.wall === w.id);
        if (onWall.length === 0) return null;
        return html`<h4>${w.title}</h4>
          <table aria-label=${staffMsg('paperCountsOn', { wall: w.title })}>
            ${onWall.map((c) => {
              const n = countOf(c.id);
              const label = staffMsg('paperCountOf', { card: names.get(c.id) ?? c.text });
              return html`<tr>
                <td>${names.get(c.id)}</td>
                <td class="count">
                  <button aria-label=${staffMsg('paperCountLess', { card: names.get(c.id) ?? '' })} ?disabled=${n === 0} @click=${() => this.set(c.id, n - 1)}>−</button>
                  <input type="number" min="0" max="500" inputmode="numeric" aria-label=${label} .value=${String(n)} @change=${(e: Event) => this.typed(c.id, e)} />
                  <button aria-label=${staffMsg('paperCountMore', { card: names.get(c.id) ?? '' })} @click=${() => this.set(c.id, n + 1)}>+</button>
                </td>
              </tr>`;
            })}
          </table>`;
      })}
      ${this.writes.alert()}`;
  }

  private typed(cardId: string, event: Event) {
    const input = event.target as HTMLInputElement;
    const count = Number(input.value);
    if (!Number.isInteger(count) || count < 0 || count > 500) return;
    void this.set(cardId, count);
  }

  private set(cardId: string, count: number) {
    const live = this.live!;
    return this.writes.run(() => bodyOf(live.api.gallery['paper-stickers'][':cardId'].$put({ param: { code: live.code, cardId }, json: { count } })));
  }
}

customElements.define('pd-paper-counts', PdPaperCounts);

declare global {
  interface HTMLElementTagNameMap {
    'pd-paper-counts': PdPaperCounts;
  }
}
