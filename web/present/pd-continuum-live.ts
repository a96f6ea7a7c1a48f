import { css, html } from 'lit';
import { LanguageController } from '../shared/i18n/page-catalog.js';
import type { PlanPart, PlanStrategy } from '../../server/contract/parts.js';
import { protocolCatalog, protocolMsg, type ProtocolMessageKey } from '../shared/protocol-messages.js';
import { roomWordsStyles } from '../shared/room-words.js';
import { StaffSlideElement } from '../shared/staff-element.js';
import { inLanguage } from '../shared/text-in-language.js';
import { gradeSpans } from './grade-spans.js';

/** The strategies on the continuum, row by row: each subject area, then each strategy on it, youngest grade first. */
export function continuumRows(plan: PlanPart): { label: PlanPart['subjects'][number]; strategies: PlanStrategy[] }[] {
  const placed = plan.strategies.filter((s) => s.placement);
  const first = (s: PlanStrategy) => Math.min(...s.placement!.grades.map((g) => plan.grades.indexOf(g)));
  return plan.subjects
    .map((label) => ({
      label,
      strategies: placed.filter((s) => s.placement!.subject.trim().replace(/\s+/g, ' ').toLowerCase() === label.key).sort((a, b) => first(a) - first(b)),
    }))
    .filter((row) => row.strategies.length > 0);
}

/**
 * The continuum of learning on the projector: the winning strategies by subject area, each
 * with the grades it serves, youngest first, so the room sees what partners add at each
 * stage and where the gaps are. A row per strategy (subject, grades, strategy) rather than
 * a column per grade: fourteen grade columns left each a sliver, under what the back row reads.
 */
export class PdContinuumLive extends StaffSlideElement {
  /** Re-renders in the language the protocol's words are read in. */
  private readonly protocolLanguage = new LanguageController(this, protocolCatalog);
  static override styles = [
    roomWordsStyles,
    css`
      /* The room reads it from the back: every word at room size (deck.css). */
      :host {
        display: block;
        font-family: system-ui, sans-serif;
        font-size: var(--pd-live-size, 0.85em);
        text-align: left;
      }
      .grid {
        display: grid;
        grid-template-columns: minmax(0, 2fr) minmax(0, 1.2fr) minmax(0, 5fr);
        gap: 0.25em 0.6em;
        align-items: stretch;
      }
      .row {
        display: contents;
      }
      .head {
        font-weight: 700;
        border-bottom: 2px solid var(--pd-line);
      }
      .subject {
        font-weight: 700;
        align-self: start;
        overflow-wrap: anywhere;
      }
      .grades {
        align-self: center;
        font-weight: 700;
      }
      .strategy {
        background: var(--pd-card-strong);
        border: 1px solid var(--pd-card-line);
        border-left: 0.35em solid var(--pd-primary);
        border-radius: 4px;
        padding: 0.15em 0.4em;
        overflow-wrap: anywhere;
      }
      .meta {
        color: var(--pd-ink-soft);
      }
      p {
        margin: 0.3em 0;
      }
    `,
  ];

  private t(key: ProtocolMessageKey, values?: Record<string, string | number>) {
    return protocolMsg(key, values);
  }

  /** A protocol text the room reads: in each of a two-language projector's languages. */
  private sayP(key: ProtocolMessageKey, values?: Record<string, string | number>, layout: 'lines' | 'inline' = 'inline') {
    return this.sayOf(protocolCatalog, key, values, layout);
  }

  override render() {
    const plan = this.live?.part('plan');
    if (!plan) return null;
    const rows = continuumRows(plan);
    const unplaced = plan.strategies.filter((s) => !s.placement && s.status !== 'out');
    let line = 2;
    return html`
      ${rows.length === 0 ? html`<p>${this.sayP('continuumEmpty', undefined, 'lines')}</p>` : null}
      <div class="grid" role="table" aria-label=${this.t('continuumTitle')} aria-colcount="3">
        <!-- Rows are for assistive technology only (display: contents): the grid places their cells, a subject's cell spans its strategies' rows. -->
        <div role="row" class="row">
          <span role="columnheader" class="head" style="grid-row: 1; grid-column: 1">${this.sayP('subject', undefined, 'lines')}</span>
          <span role="columnheader" class="head" style="grid-row: 1; grid-column: 2">${this.sayP('grades', undefined, 'lines')}</span>
          <span role="columnheader" class="head" style="grid-row: 1; grid-column: 3">${this.sayP('continuumStrategy', undefined, 'lines')}</span>
        </div>
        ${rows.map((row) => {
          const start = line;
          line += row.strategies.length;
          return row.strategies.map(
            (s, k) =>
              html`<div role="row" class="row">
                ${
                  k === 0
                    ? html`<span role="rowheader" class="subject" style=${`grid-row: ${start} / ${line}; grid-column: 1`}
                        >${this.say(({ lang, deck }) => inLanguage(row.label.label, deck?.lang ?? lang))}</span
                      >`
                    : null
                }
                <span role="cell" class="grades" aria-colindex="2" style=${`grid-row: ${start + k}; grid-column: 2`}
                  >${gradeSpans(s.placement!.grades, plan.grades)}</span
                >
                <span role="cell" class="strategy" aria-colindex="3" style=${`grid-row: ${start + k}; grid-column: 3`}
                  >${s.text} ${plan.revealed ? html`<span class="meta">· ${this.sayP('dots', { n: s.dots })}</span>` : null}</span
                >
              </div>`,
          );
        })}
      </div>
      ${unplaced.length ? html`<p class="meta">${this.sayP('strategiesNotPlaced')}: ${unplaced.map((s) => s.text).join(' · ')}</p>` : null}
    `;
  }
}

customElements.define('pd-continuum-live', PdContinuumLive);

declare global {
  interface HTMLElementTagNameMap {
    'pd-continuum-live': PdContinuumLive;
  }
}
