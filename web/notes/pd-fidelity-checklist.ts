import { LanguageController } from '../shared/i18n/page-catalog.js';
import { css, html } from 'lit';
import type { FidelityItem, FidelityMark } from '../../server/contract/parts.js';
import { bodyOf } from '../shared/live/api-client.js';
import { StaffElement } from '../shared/staff-element.js';
import { seriesCatalog, seriesMsg } from '../shared/series-messages.js';
import { staffStyles } from '../shared/staff-styles.js';

const MARKS: { mark: FidelityMark; label: () => string }[] = [
  { mark: 'observed', label: () => seriesMsg('observed') },
  { mark: 'partly', label: () => seriesMsg('partly') },
  { mark: 'not-observed', label: () => seriesMsg('notObserved') },
];

/**
 * The fidelity checklist built from the deck: each slide's facilitator steps, each
 * activity, and the deck's own items. The coach marks each observed, partly or not
 * observed, with a comment, as the session runs, and writes coaching notes; the
 * co-facilitators see the same list, read-only, with the score.
 */
export class PdFidelityChecklist extends StaffElement {
  /** Its series words come from the series catalog: it re-renders when that one changes language or arrives. */
  private readonly seriesLanguage = new LanguageController(this, seriesCatalog);
  static override styles = [
    staffStyles,
    css`
      :host {
        display: block;
      }
      ol {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      li {
        border-top: 1px solid var(--pd-line-soft);
        padding: 0.5rem 0;
      }
      li.current {
        background: var(--pd-surface-soft);
      }
      .source {
        font-size: 0.8rem;
        color: var(--pd-ink-soft);
      }
      .text {
        font-weight: 600;
      }
      details {
        font-size: 0.85rem;
        color: var(--pd-ink-soft);
      }
      fieldset {
        border: 0;
        padding: 0;
        margin: 0.3rem 0;
        display: flex;
        gap: 0.8rem;
        flex-wrap: wrap;
      }
      .mark {
        font-weight: 600;
      }
      /* The group's name for screen readers; the item's text above already says it on screen. */
      legend {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
      }
      .score {
        font-size: 1.2rem;
        font-weight: 700;
      }
      textarea,
      input[type='text'] {
        width: 100%;
        box-sizing: border-box;
      }
      .note {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
    `,
  ];

  override render() {
    const fidelity = this.live?.part('fidelity');
    const slide = this.live?.part('session')?.slide ?? 0;
    if (!fidelity) return null;
    const coach = this.screenRole === 'coach';
    const total = fidelity.items.length;
    return html`
      <h3>${seriesMsg('fidelity')}</h3>
      <p class="score" role="status" aria-label=${seriesMsg('fidelityShort')}>
        ${fidelity.score === null ? seriesMsg('fidelityNotMarked', { total }) : seriesMsg('fidelityScore', { score: fidelity.score, marked: fidelity.marked, total })}
      </p>
      ${this.writes.alert('offline')}
      <ol>
        ${fidelity.items.map((item) => this.item(item, coach, item.slide === slide))}
      </ol>
      <h3>${seriesMsg('coachingNotes')}</h3>
      ${
        fidelity.notes.length
          ? html`<ul>
              ${fidelity.notes.map((n) => html`<li class="note">${n.text}</li>`)}
            </ul>`
          : html`<p>${seriesMsg('noNotes')}</p>`
      }
      ${
        coach
          ? html`<form @submit=${(e: SubmitEvent) => this.addNote(e)}>
              <label for="coaching-note">${seriesMsg('newNote')}</label>
              <textarea id="coaching-note" name="note" rows="3" maxlength="2000" required></textarea>
              <button type="submit">${seriesMsg('addNote')}</button>
            </form>`
          : null
      }
    `;
  }

  private item(item: FidelityItem, coach: boolean, current: boolean) {
    const source =
      item.source === 'slide'
        ? seriesMsg('slideSteps', { slide: item.slide! })
        : item.source === 'activity'
          ? seriesMsg('activityRun', { slide: item.slide! })
          : seriesMsg('deckItem');
    const markLabel = MARKS.find((m) => m.mark === item.mark)?.label() ?? '—';
    return html`<li class=${current ? 'current' : ''} aria-label=${`${source}: ${item.text}`}>
      <div class="source">${source}</div>
      <div class="text">${item.text}</div>
      ${
        item.steps.length
          ? html`<details>
              <summary>${item.steps.length}</summary>
              <ul>
                ${item.steps.map((s) => html`<li>${s}</li>`)}
              </ul>
            </details>`
          : null
      }
      ${
        coach
          ? html`<form @submit=${(e: SubmitEvent) => this.mark(e, item.id)}>
              <fieldset>
                <legend class="source">${item.text}</legend>
                ${MARKS.map(
                  ({ mark, label }) => html`<label><input type="radio" name="mark" value=${mark} .checked=${item.mark === mark} /> ${label()}</label>`,
                )}
              </fieldset>
              <label>${seriesMsg('comment')} <input type="text" name="comment" maxlength="500" .value=${item.comment} /></label>
              <button type="submit">${seriesMsg('saveMark')}</button>
            </form>`
          : html`<div><span class="mark">${markLabel}</span>${item.comment ? html` — ${item.comment}` : null}</div>`
      }
    </li>`;
  }

  private async mark(event: SubmitEvent, itemId: string) {
    event.preventDefault();
    const live = this.live;
    if (!live) return;
    const form = event.target as HTMLFormElement;
    const chosen = form.querySelector<HTMLInputElement>('input[name="mark"]:checked')?.value as FidelityMark | undefined;
    const comment = (form.elements.namedItem('comment') as HTMLInputElement).value;
    await this.writes.run(() =>
      bodyOf(live.api.fidelity.items[':itemId'].$put({ param: { code: live.code, itemId }, json: { mark: chosen ?? null, comment } })),
    );
  }

  private async addNote(event: SubmitEvent) {
    event.preventDefault();
    const live = this.live;
    if (!live) return;
    const form = event.target as HTMLFormElement;
    const area = form.elements.namedItem('note') as HTMLTextAreaElement;
    const saved = await this.writes.run(() => bodyOf(live.api.fidelity.notes.$post({ param: { code: live.code }, json: { text: area.value } })));
    if (saved) area.value = '';
  }
}

customElements.define('pd-fidelity-checklist', PdFidelityChecklist);

declare global {
  interface HTMLElementTagNameMap {
    'pd-fidelity-checklist': PdFidelityChecklist;
  }
}
