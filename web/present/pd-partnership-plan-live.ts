import { css, html } from 'lit';
import { LanguageController } from '../shared/i18n/page-catalog.js';
import { protocolCatalog, protocolMsg, type ProtocolMessageKey } from '../shared/protocol-messages.js';
import { roomWordsStyles } from '../shared/room-words.js';
import { StaffSlideElement } from '../shared/staff-element.js';
import { continuumRows } from './pd-continuum-live.js';
import { pagedSlideStyles } from './paged-slide-styles.js';
import './pd-pages.js';

/**
 * The Partnership Plan on the projector (step 7) and, with `checklist`, the partnership
 * team's checklist after the meeting (steps 8–10): each planned strategy with its partners
 * and outcomes, or how many of its checklist items are done, and where everyone can read
 * the whole plan.
 */
export class PdPartnershipPlanLive extends StaffSlideElement {
  /** Re-renders in the language the protocol's words are read in. */
  private readonly protocolLanguage = new LanguageController(this, protocolCatalog);
  static override properties = { ...StaffSlideElement.properties, checklist: { type: Boolean } };
  /** Show the checklist's progress instead of the plan's fields. */
  declare checklist: boolean;

  static override styles = [
    roomWordsStyles,
    pagedSlideStyles,
    css`
      /* The room reads it from the back: every word at room size (deck.css); strategies that do not fit the slide follow on the next page. */
      :host {
        font-size: var(--pd-live-size, 0.85em);
        text-align: left;
      }
      pd-pages {
        --pd-page-gap: 0.3em;
      }
      .strategy {
        display: grid;
        grid-template-columns: 1em minmax(0, 1fr);
        overflow-wrap: anywhere;
      }
      .meta {
        color: var(--pd-ink-soft);
      }
      p {
        margin: 0.2em 0;
        overflow-wrap: anywhere;
      }
    `,
  ];

  constructor() {
    super();
    this.checklist = false;
  }

  private t(key: ProtocolMessageKey, values?: Record<string, string | number>) {
    return protocolMsg(key, values);
  }

  /** A protocol text the room reads: in each of a two-language projector's languages. */
  private sayP(key: ProtocolMessageKey, values?: Record<string, string | number>, layout: 'lines' | 'inline' = 'inline') {
    return this.sayOf(protocolCatalog, key, values, layout);
  }

  override render() {
    const live = this.live;
    const plan = live?.part('plan');
    if (!live || !plan) return null;
    const rows = continuumRows(plan);
    const url = `${location.origin}/partnership-plan/${live.code}`;
    return html`
      ${rows.length === 0 ? html`<p>${this.sayP('continuumEmpty', undefined, 'lines')}</p>` : null}
      <pd-pages
        layout="column"
        label=${this.t('planStrategies')}
        .items=${rows.flatMap((row) =>
          row.strategies.map((s) => {
            const marks = Object.values(s.checklist);
            const detail = this.checklist
              ? this.sayP('checklistDone', { done: marks.filter((m) => m.done).length, total: this.deck?.plan?.checklistItems.length ?? marks.length })
              : [s.fields.partners.join(', '), s.fields.outcomes].filter(Boolean).join(' — ');
            return html`<div role="listitem" class="strategy">
              <span aria-hidden="true">•</span><span>${s.text} ${detail ? html`<span class="meta">· ${detail}</span>` : null}</span>
            </div>`;
          }),
        )}
      ></pd-pages>
      <p class="meta">${this.sayP('planPageHint', { url }, 'lines')}</p>
    `;
  }
}

customElements.define('pd-partnership-plan-live', PdPartnershipPlanLive);

declare global {
  interface HTMLElementTagNameMap {
    'pd-partnership-plan-live': PdPartnershipPlanLive;
  }
}
