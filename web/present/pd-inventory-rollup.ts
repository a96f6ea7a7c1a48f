import { LanguageController } from '../shared/i18n/page-catalog.js';
import { css, html, nothing } from 'lit';
import { INVENTORY_DECISIONS, type InventoryDecision, type InventoryPart, type RollupOther } from '../../server/contract/parts.js';
import { bodyOf } from '../shared/live/api-client.js';
import { inventoryCatalog, decisionWord, invMsg } from '../shared/inventory-messages.js';
import { InventoryWordsController } from '../shared/inventory-words.js';
import { rollupOf } from './inventory-rollup-of.js';
import { StaffSlideElement } from '../shared/staff-element.js';
import { staffStyles } from '../shared/staff-styles.js';

/**
 * One strategy's roll-up in the notes view: for each activity how many marked ✓ and ☆,
 * the ones the team disagrees about first, the most-starred flagged, then the team's own
 * "other" activities with their duplicates merged. Beside each, the team's decision, and
 * under it its note, which either facilitator records here as the room decides. The
 * projector shows the same roll-up read-only and paged at room size
 * (pd-inventory-rollup-pages).
 */
export class PdInventoryRollup extends StaffSlideElement {
  /** Its own words are the inventory's (the page's other words, the staff catalog's, re-render it through the base class). */
  private readonly inventoryLanguage = new LanguageController(this, inventoryCatalog);
  static override styles = [
    staffStyles,
    css`
      :host {
        display: block;
        font-family: system-ui, sans-serif;
        font-size: var(--pd-live-size, 0.5em);
        line-height: 1.3;
      }
      .scroll {
        max-height: var(--pd-rollup-height, 33em);
        overflow-y: auto;
      }
      .summary {
        color: var(--pd-ink-soft);
        margin: 0 0 0.3em;
      }
      ol,
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li.item {
        display: grid;
        row-gap: 0.2em;
        /* The decision column is as wide as its longest choice ("To initiate this year",
           "No es para nosotros"), so the choice made is never cut off; the activity's text
           takes what is left. */
        grid-template-columns: minmax(0, 1fr) 2.6em 2.6em max-content;
        gap: 0.5em;
        align-items: center;
        border-bottom: 1px solid var(--pd-line-soft);
        padding: 0.25em 0;
      }
      li.disagree {
        background: var(--pd-card);
      }
      .text {
        overflow-wrap: anywhere;
      }
      .badge {
        display: inline-block;
        font-size: 0.8em;
        font-weight: 700;
        border-radius: 4px;
        padding: 0 0.35em;
        margin-left: 0.3em;
        border: 1px solid currentColor;
      }
      .badge.disagree {
        color: var(--pd-danger);
      }
      .badge.star {
        color: var(--pd-accent-strong, var(--pd-primary));
      }
      .last {
        display: block;
        font-size: 0.85em;
        color: var(--pd-ink-soft);
      }
      .count {
        font-variant-numeric: tabular-nums;
        font-weight: 700;
        text-align: right;
      }
      /* The note takes the row under its activity, so it is read whole while it is typed. */
      input.note {
        grid-column: 1 / -1;
      }
      select,
      input {
        font: inherit;
        font-size: 0.9em;
        width: 100%;
        box-sizing: border-box;
        padding: 0.15em 0.3em;
      }
      h3 {
        font-size: 1em;
        margin: 0.6em 0 0.2em;
      }
      .merge {
        display: flex;
        gap: 0.4em;
        flex-wrap: wrap;
        font-size: 0.85em;
        margin-top: 0.15em;
      }
      .merge select {
        width: auto;
      }
      .merge button {
        font-size: 0.85em;
        padding: 0 0.4em;
      }
    `,
  ];

  private get readerLang(): string {
    return inventoryCatalog.lang;
  }
  private readonly words = new InventoryWordsController(this, () => {
    const live = this.live;
    return live ? { api: live.api, code: live.code, lang: this.readerLang, version: live.part('inventory')?.wordsVersion ?? 0 } : null;
  });

  override render() {
    const rollup = rollupOf(this.live, this.activity, this.words.value);
    if (!rollup) return nothing;
    const { inventory, strategy, strategyWords, texts, counts, starred } = rollup;
    return html`
      <p class="summary" role="status">
        ${inventory.members === 0 ? invMsg('nobodyYet') : invMsg('membersMarked', { started: strategy.started, members: inventory.members, done: strategy.done })}
      </p>
      ${this.writes.alert()}
      <div class="scroll">
        <ol aria-label=${strategyWords.title}>
          ${strategy.order.map((id) => {
            const a = counts.get(id)!;
            const text = texts.get(id) ?? id;
            return html`<li class="item ${a.disagree ? 'disagree' : ''}">
              <span class="text"
                >${text}${a.disagree ? html`<span class="badge disagree">${invMsg('disagree')}</span>` : nothing}${starred.has(id)
                  ? html`<span class="badge star">${invMsg('mostStarred')}</span>`
                  : nothing}${this.lastYear(inventory, id)}</span
              >
              <span class="count" aria-label=${invMsg('countsLabel', { conducted: a.conducted, initiate: a.initiate, neither: a.neither })}
                >${invMsg('countConducted', { n: a.conducted })}</span
              >
              <span class="count" aria-hidden="true">${invMsg('countInitiate', { n: a.initiate })}</span>
              ${this.decisionControls(inventory, id, text)}
            </li>`;
          })}
        </ol>
        <h3>${invMsg('othersTitle')}</h3>
        <p class="summary">${strategyWords.other}</p>
        ${strategy.others.length === 0
          ? html`<p class="summary">${invMsg('othersNone')}</p>`
          : html`<ul aria-label=${invMsg('othersTitle')}>
              ${strategy.others.map((o) => this.renderOther(inventory, o, strategy.others))}
            </ul>`}
      </div>
    `;
  }

  private renderOther(inventory: InventoryPart, other: RollupOther, all: RollupOther[]) {
    const text = other.texts[0];
    const targets = all.filter((o) => o.id !== other.id);
    return html`<li class="item">
      <span class="text"
        >${text}${other.carried ? html`<span class="badge">${invMsg('fromLastYear')}</span>` : nothing}
        <span class="last">${other.people === 1 ? invMsg('person') : invMsg('people', { n: other.people })}</span>
        ${other.texts.length > 1 ? html`<span class="last">${invMsg('alsoWritten', { texts: other.texts.slice(1).join(' · ') })}</span>` : nothing}
        <span class="merge">
          ${targets.length
            ? html`<select
                aria-label=${invMsg('mergeInto', { text })}
                @change=${(e: Event) => {
                  const into = (e.target as HTMLSelectElement).value;
                  if (into) this.merge(other.id, into);
                }}
              >
                <option value="">${invMsg('mergeChoose')}</option>
                ${targets.map((t) => html`<option value=${t.id}>${t.texts[0]}</option>`)}
              </select>`
            : nothing}
          ${other.merged.map(
            (id, i) => html`<button @click=${() => this.separate(id)}>${invMsg('separate', { text: other.texts[i + 1] })}</button>`,
          )}
        </span></span
      >
      <span class="count" aria-label=${invMsg('countsLabel', { conducted: other.conducted, initiate: other.initiate, neither: other.people - other.conducted - other.initiate })}
        >${invMsg('countConducted', { n: other.conducted })}</span
      >
      <span class="count" aria-hidden="true">${invMsg('countInitiate', { n: other.initiate })}</span>
      ${this.decisionControls(inventory, other.id, text)}
    </li>`;
  }

  private lastYear(inventory: InventoryPart, item: string) {
    const before = inventory.previous?.[item];
    return before ? html`<span class="last">${invMsg('lastYear', { decision: decisionWord(before) })}</span>` : nothing;
  }

  private decisionControls(inventory: InventoryPart, item: string, text: string) {
    const entry = inventory.decisions[item];
    return html`<select aria-label=${invMsg('decisionFor', { activity: text })} @change=${(e: Event) => this.decide(item, ((e.target as HTMLSelectElement).value || null) as InventoryDecision | null)}>
        <option value="" ?selected=${!entry}>${invMsg('notDecided')}</option>
        ${INVENTORY_DECISIONS.map((d) => html`<option value=${d} ?selected=${entry?.decision === d}>${decisionWord(d)}</option>`)}
      </select>
      ${entry
        ? html`<input
            class="note"
            aria-label=${invMsg('noteFor', { activity: text })}
            placeholder=${invMsg('notePlaceholder')}
            maxlength="300"
            .value=${entry.note}
            @change=${(e: Event) => this.decide(item, entry.decision, (e.target as HTMLInputElement).value)}
          />`
        : nothing}`;
  }

  private decide(item: string, decision: InventoryDecision | null, note?: string) {
    const live = this.live;
    if (!live) return;
    void this.writes.run(() => bodyOf(live.api.inventory.decisions[':item'].$put({ param: { code: live.code, item }, json: note === undefined ? { decision } : { decision, note } })));
  }

  private merge(otherId: string, intoId: string) {
    const live = this.live;
    if (!live) return;
    void this.writes.run(() => bodyOf(live.api.inventory.merges.$post({ param: { code: live.code }, json: { otherId, intoId } })));
  }

  private separate(otherId: string) {
    const live = this.live;
    if (!live) return;
    void this.writes.run(() => bodyOf(live.api.inventory.merges[':otherId'].$delete({ param: { code: live.code, otherId } })));
  }
}

customElements.define('pd-inventory-rollup', PdInventoryRollup);

declare global {
  interface HTMLElementTagNameMap {
    'pd-inventory-rollup': PdInventoryRollup;
  }
}
