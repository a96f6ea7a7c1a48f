import { css, html, type TemplateResult } from 'lit';
import { StaffElement } from '../shared/staff-element.js';
import { staffStyles } from '../shared/staff-styles.js';
import { staffMsg } from '../shared/staff-messages.js';
import { groupsLabel } from '../shared/group-labels.js';
import { pagesStyles } from './pd-pages.js';
import './pd-pages.js';

/**
 * The Partnership Agreement's draft, live on the projector while representatives build
 * it (slide 24), a page at a time when it is longer than the slide; and on slide 27 where
 * the room finds it (the next meeting's date is in the slide's own text, set on the notes
 * view or the preparation page, never typed on the projected slide).
 */
export class PdAgreementDraft extends StaffElement {
  static override styles = [
    staffStyles,
    pagesStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 0;
      }
      .sheet {
        flex: 1;
        min-height: 0;
        display: flex;
        flex-direction: column;
        background: var(--pd-surface);
        border: 2px solid var(--pd-agreement);
        border-radius: 0.3em;
        padding: 0.3em 0.6em;
      }
      h3 {
        margin: 0 0 0.2em;
        font-size: 1.05em;
        color: var(--pd-agreement);
      }
      pd-pages {
        flex: 1;
        --pd-page-gap: 0.1em;
      }
      .part {
        margin: 0.25em 0 0;
        font-size: 0.9em;
        font-weight: 700;
        color: var(--pd-agreement);
      }
      .statement {
        margin: 0;
        font-size: 0.9em;
        line-height: 1.25;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .statement.listed {
        position: relative;
        padding-left: 0.9em;
      }
      .statement.listed::before {
        content: '•';
        position: absolute;
        left: 0.1em;
      }
      .empty {
        color: var(--pd-ink-muted);
        font-style: italic;
      }
      .groups {
        margin: 0.2em 0 0;
        font-size: 0.86em;
        color: var(--pd-ink-soft);
      }
      .where {
        font-size: 0.9em;
      }
    `,
  ];

  static override properties = { mode: { type: String } };
  /** `draft` (slide 24) or `next-meeting` (slide 27). */
  declare mode: string;

  constructor() {
    super();
    this.mode = 'draft';
  }

  override render() {
    const agreement = this.live?.part('agreement');
    if (!agreement) return null;
    if (this.mode === 'next-meeting') return html`<p class="where">${this.say(({ t }) => t('agreementOnPhone'))}</p>`;
    const empty = html`<p class="statement empty">${this.say(({ t }) => t('agreementBeingAssembled'))}</p>`;
    const statement = (text: string) => html`<p class="statement listed">${text}</p>`;
    // Each part's heading travels with its first statement, so a page never ends on a heading.
    const part = (title: TemplateResult | string, statements: TemplateResult[]) => [
      html`<div role="listitem">
        <p class="part">${title}</p>
        ${statements[0] ?? empty}
      </div>`,
      ...statements.slice(1).map((s) => html`<div role="listitem">${s}</div>`),
    ];
    const items = [
      ...part(
        this.say(({ t }) => t('agreementDefinition'), 'inline'),
        agreement.definition ? [html`<p class="statement">${agreement.definition}</p>`] : [],
      ),
      ...part(
        this.say(({ t }) => t('agreementAgreements'), 'inline'),
        agreement.agreements.map(statement),
      ),
      ...part(
        this.say(({ t }) => t('agreementExamples'), 'inline'),
        agreement.examples.map(statement),
      ),
    ];
    return html`<div class="sheet" aria-label=${staffMsg('agreementDraftLabel')}>
      <h3>${this.say(({ t }) => `${agreement.schoolName || t('ourSchool')} · ${t('agreementTitle')}`)}</h3>
      <pd-pages layout="column" .items=${items}></pd-pages>
      <p class="groups">${this.say(({ deck }) => agreement.groups.map((g) => groupsLabel(deck?.groups, g)).join(' · '))}</p>
    </div>`;
  }
}

customElements.define('pd-agreement-draft', PdAgreementDraft);

declare global {
  interface HTMLElementTagNameMap {
    'pd-agreement-draft': PdAgreementDraft;
  }
}
