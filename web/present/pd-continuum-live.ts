import { css, html } from 'lit';
import { LanguageController } from '../shared/i18n/page-catalog.js';
import type { PlanPart, PlanStrategy } from '../../server/contract/parts.js';
import { protocolCatalog, protocolMsg, type ProtocolMessageKey } from '../shared/protocol-messages.js';
import { roomWordsStyles } from '../shared/room-words.js';
import { StaffSlideElement } from '../shared/staff-element.js';
import { inLanguage } from '../shared/text-in-language.js';

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
 * The continuum of learning on the projector: the winning strategies arranged by subject
 * area (rows) and grade level (columns), each spanning the grades it serves, so the room
 * sees what partners add at each stage and where the gaps are.
 */
export class PdContinuumLive extends StaffSlideElement {
  /** Re-renders in the language the protocol's words are read in. */
  private readonly protocolLanguage = new LanguageController(this, protocolCatalog);
  static override styles = [
    roomWordsStyles,
    css`
      :host {
        display: block;
        font-family: system-ui, sans-serif;
        font-size: var(--pd-live-size, 0.5em);
      }
      .grid {
        display: grid;
        gap: 0.25em;
        align-items: stretch;
      }
      .row {
        display: contents;
      }
      .head {
        font-weight: 700;
        text-align: center;
        border-bottom: 2px solid var(--pd-line);
      }
      .subject {
        font-weight: 700;
        text-align: left;
        align-self: center;
      }
      .strategy {
        background: var(--pd-card-strong);
        border: 1px solid var(--pd-card-line);
        border-left: 0.35em solid var(--pd-primary);
        border-radius: 4px;
        padding: 0.15em 0.4em;
        text-align: left;
        /* Words break only when one is wider than its column (the columns' widths are set, not their content's). */
        overflow-wrap: break-word;
      }
      .meta {
        color: var(--pd-ink-soft);
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
    // Every grade keeps its column; a grade some strategy covers gets three times the room
    // of an empty one, so a one-grade strategy reads in words rather than in broken letters.
    const covered = new Set(rows.flatMap((row) => row.strategies.flatMap((s) => s.placement!.grades)));
    const columns = plan.grades.map((g) => (covered.has(g) ? 'minmax(0, 3fr)' : 'minmax(0, 1fr)')).join(' ');
    return html`
      ${rows.length === 0 ? html`<p>${this.sayP('continuumEmpty', undefined, 'lines')}</p>` : null}
      <div class="grid" role="table" aria-label=${this.t('grades')} aria-colcount=${plan.grades.length + 1} style=${`grid-template-columns: 9em ${columns}`}>
        <!-- Rows are for assistive technology only (display: contents): the grid places their cells, a cell's grades are its columns. -->
        <div role="row" class="row">
          <span role="columnheader" class="head" style="grid-row: 1; grid-column: 1">${this.sayP('subject', undefined, 'lines')}</span>
          ${plan.grades.map((g, i) => html`<span role="columnheader" class="head" style=${`grid-row: 1; grid-column: ${i + 2}`}>${g}</span>`)}
        </div>
        ${rows.map((row) => {
          const start = line;
          line += row.strategies.length;
          return row.strategies.map((s, k) => {
            const at = s.placement!.grades.map((g) => plan.grades.indexOf(g));
            const [first, last] = [Math.min(...at), Math.max(...at)];
            return html`<div role="row" class="row">
              ${k === 0 ? html`<span role="rowheader" class="subject" style=${`grid-row: ${start} / ${line}; grid-column: 1`}>${this.say(({ lang, deck }) => inLanguage(row.label.label, deck?.lang ?? lang))}</span>` : null}
              <span
                role="cell"
                class="strategy"
                aria-colindex=${first + 2}
                aria-colspan=${last - first + 1}
                style=${`grid-row: ${start + k}; grid-column: ${first + 2} / ${last + 3}`}
                >${s.text} ${plan.revealed ? html`<span class="meta">· ${this.sayP('dots', { n: s.dots })}</span>` : null}</span
              >
            </div>`;
          });
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
