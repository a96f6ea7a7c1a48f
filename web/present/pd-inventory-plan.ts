import { LanguageController } from '../shared/i18n/page-catalog.js';
import { css, html, nothing } from 'lit';
import { PLAN_STATUSES, type PlanFields, type PlanRowPart } from '../../server/contract/parts.js';
import { planWordsFrom, statusWord } from '../../server/features/inventory/plan-words.js';
import { bodyOf } from '../shared/live/api-client.js';
import { inventoryCatalog, invMsg } from '../shared/inventory-messages.js';
import { InventoryWordsController, activityTexts, type InventoryWords } from '../shared/inventory-words.js';
import { StaffSlideElement } from '../shared/staff-element.js';
import { staffStyles } from '../shared/staff-styles.js';

/**
 * The Leadership Action Plan as the team fills it in, on the projector and the notes view:
 * one row per activity decided "to initiate this year" (and adopted "other" activity),
 * strategy by strategy, with who leads, the dates, resources, how progress will be
 * documented (the last strategy's activities offered as suggestions) and status. Each
 * field is saved when it is left; the printable plan and its downloads are linked.
 */
export class PdInventoryPlan extends StaffSlideElement {
  /** Its own words are the inventory's (the page's other words, the staff catalog's, re-render it through the base class). */
  private readonly inventoryLanguage = new LanguageController(this, inventoryCatalog);
  static override styles = [
    staffStyles,
    css`
      :host {
        display: block;
        font-family: system-ui, sans-serif;
        font-size: var(--pd-live-size, 0.42em);
        line-height: 1.3;
      }
      .links {
        display: flex;
        gap: 0.8em;
        flex-wrap: wrap;
        margin-bottom: 0.4em;
      }
      .scroll {
        max-height: var(--pd-plan-height, 40em);
        overflow-y: auto;
      }
      h3 {
        font-size: 1.1em;
        margin: 0.5em 0 0.2em;
        color: var(--pd-primary-strong, var(--pd-primary));
      }
      fieldset {
        border: 1px solid var(--pd-line);
        border-radius: 6px;
        margin: 0.3em 0;
        padding: 0.3em 0.5em 0.4em;
        display: grid;
        grid-template-columns: 2fr 1fr 1fr 1fr;
        gap: 0.2em 0.6em;
      }
      legend {
        font-weight: 700;
        padding: 0 0.2em;
      }
      label {
        display: flex;
        flex-direction: column;
        font-size: 0.85em;
        color: var(--pd-ink-soft);
      }
      .wide {
        grid-column: span 2;
      }
      .checks {
        display: flex;
        gap: 0.6em;
        flex-wrap: wrap;
        align-items: center;
      }
      .checks label {
        flex-direction: row;
        gap: 0.2em;
        color: inherit;
      }
      input,
      select {
        font: inherit;
        font-size: 1em;
        color: var(--pd-ink);
        padding: 0.1em 0.3em;
      }
      .note {
        grid-column: 1 / -1;
        font-size: 0.85em;
        color: var(--pd-ink-soft);
        margin: 0;
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
    const live = this.live;
    const inventory = live?.part('inventory');
    const words = this.words.value;
    if (!live || !inventory || !words) return nothing;
    const lang = this.readerLang;
    const file = (kind: string) => `/api/sessions/${live.code}/inventory/plan/${kind}?lang=${lang}`;
    const rows = inventory.plan;
    return html`
      <div class="links">
        <a href=${`/plan/${live.code}`} target="_blank">${invMsg('openPlan')}</a>
        <a href=${file('pdf')} download>${invMsg('downloadPdf')}</a>
        <a href=${file('csv')} download>${invMsg('downloadCsv')}</a>
        <a href=${file('json')} download>${invMsg('downloadJson')}</a>
      </div>
      ${this.writes.alert()}
      ${rows.length === 0
        ? html`<p>${invMsg('planEmpty')}</p>`
        : html`<div class="scroll">
            <datalist id="documentation-ideas">
              ${words.strategies.at(-1)!.activities.map((a) => html`<option value=${a.text}></option>`)}
            </datalist>
            ${words.strategies.map((s, i) => {
              const here = rows.filter((r) => r.strategy === s.id);
              return here.length
                ? html`<section aria-label=${s.title}>
                    <h3>${i + 1}. ${s.title}</h3>
                    ${here.map((r) => this.renderRow(r, words))}
                  </section>`
                : nothing;
            })}
          </div>`}
    `;
  }

  private renderRow(row: PlanRowPart, words: InventoryWords) {
    const plan = planWordsFrom(Object.keys(inventoryCatalog.current.served.messages), invMsg);
    const text = row.text ?? activityTexts(words).get(row.item) ?? row.item;
    const save = (changes: Partial<PlanFields>) => this.save(row.item, changes);
    const value = (e: Event) => (e.target as HTMLInputElement).value;
    return html`<fieldset aria-label=${invMsg('planRowFor', { activity: text })}>
      <legend>${text}</legend>
      <label>${plan.lead}<input maxlength="120" .value=${row.lead} @change=${(e: Event) => save({ lead: value(e) })} /></label>
      <label>${plan.start}<input type="date" .value=${row.start} @change=${(e: Event) => save({ start: value(e) })} /></label>
      <label>${plan.due}<input type="date" .value=${row.due} @change=${(e: Event) => save({ due: value(e) })} /></label>
      <label
        >${plan.status}<select @change=${(e: Event) => save({ status: value(e) as PlanFields['status'] })}>
          ${PLAN_STATUSES.map((s) => html`<option value=${s} ?selected=${row.status === s}>${statusWord(plan, s)}</option>`)}
        </select></label
      >
      <div class="checks" role="group" aria-label=${plan.resources}>
        <span>${plan.resources}:</span>
        ${words.resources.map(
          (r) =>
            html`<label
              ><input
                type="checkbox"
                value=${r.id}
                .checked=${row.resources.includes(r.id)}
                @change=${(e: Event) => {
                  // Read from the boxes, not the row: two quick ticks must not undo each other before the echo.
                  const boxes = (e.target as HTMLElement).closest('.checks')!.querySelectorAll<HTMLInputElement>('input[type=checkbox]');
                  save({ resources: [...boxes].filter((b) => b.checked).map((b) => b.value) });
                }}
              />${r.label}</label
            >`,
        )}
      </div>
      <label>${plan.resourcesNote}<input maxlength="300" .value=${row.resourcesNote} @change=${(e: Event) => save({ resourcesNote: value(e) })} /></label>
      <label class="wide"
        >${plan.documentation}<input maxlength="300" list="documentation-ideas" .value=${row.documentation} @change=${(e: Event) => save({ documentation: value(e) })}
      /></label>
      ${row.note ? html`<p class="note">${plan.note}: ${row.note}</p>` : nothing}
    </fieldset>`;
  }

  private save(item: string, changes: Partial<PlanFields>) {
    const live = this.live;
    if (!live) return;
    void this.writes.run(() => bodyOf(live.api.inventory['plan-rows'][':item'].$put({ param: { code: live.code, item }, json: changes })));
  }
}

customElements.define('pd-inventory-plan', PdInventoryPlan);

declare global {
  interface HTMLElementTagNameMap {
    'pd-inventory-plan': PdInventoryPlan;
  }
}
