import { LitElement, css, html, nothing } from 'lit';
import { staffStyles } from '../shared/staff-styles.js';
import { LanguageController } from '../shared/i18n/page-catalog.js';
import { pickDeckLanguage } from '../shared/i18n/deck-language.js';
import { msg, startCatalog, type MessageKey } from './messages.js';

/** One session as `GET /api/sessions` lists it for the operator. */
export interface SessionSummary {
  code: string;
  schoolName: string;
  deckTitle: string;
  /** The deck's title in each of its languages. */
  deckTitles?: Record<string, string>;
  deckId: string;
  /** Its deck runs an inventory: a new inventory session can start from it. */
  inventory: boolean;
  /** Its deck ends in a Partnership Plan (the process protocol): the plan's page is linked. */
  partnershipPlan: boolean;
  startedAt: number;
  startedByOperator: boolean;
  participants: number | null;
  links: { present: string; notes: string; remote: string; prepare: string; join: string } | null;
  setAside: { problem: string; seq: number | null; deckId: string; reason: string } | null;
}

const PROBLEM_MESSAGES: Record<string, MessageKey> = {
  event_unreadable: 'problemEventUnreadable',
  event_rejected: 'problemEventRejected',
  event_missing: 'problemEventMissing',
  file_unreadable: 'problemFileUnreadable',
  deck_missing: 'problemDeckMissing',
};

/**
 * One session on the operator's start page: its code, school and deck, the facilitators'
 * links, or, for a session set aside at start, why it could not be loaded. Deleting is
 * asked of the page (`delete-session`, with the code), which holds the operator key.
 */
export class PdSessionEntry extends LitElement {
  static override styles = [
    staffStyles,
    css`
      :host {
        display: block;
      }
      section {
        background: #fff;
        border: 1px solid #d8dee5;
        border-radius: 10px;
        padding: 1rem 1.2rem;
        margin-top: 1rem;
      }
      section.aside {
        border-color: #a4161a;
        background: #fff7f7;
      }
      dt {
        font-weight: 600;
        margin-top: 0.6rem;
      }
      dd {
        margin: 0.1rem 0 0;
        overflow-wrap: anywhere;
      }
      .code {
        font-family: ui-monospace, monospace;
        font-size: 1.6rem;
        letter-spacing: 0.1em;
        font-weight: 800;
      }
      .meta {
        color: #4a5561;
        font-size: 0.9rem;
      }
      .problem {
        color: #a4161a;
        font-weight: 600;
      }
      button {
        margin-top: 1rem;
      }
    `,
  ];

  static override properties = {
    session: { attribute: false },
  };

  /** The session to show. */
  declare session: SessionSummary;
  private readonly language = new LanguageController(this, startCatalog);

  override render() {
    const s = this.session;
    if (!s) return nothing;
    const started = startCatalog.current.date(s.startedAt, { dateStyle: 'medium', timeStyle: 'short' });
    return html`<section class=${s.setAside ? 'aside' : ''} aria-label=${msg('sessionLabel', { code: s.code })}>
      <div>${s.schoolName || msg('untitledSession')} · ${s.deckTitles?.[pickDeckLanguage(Object.keys(s.deckTitles), startCatalog.lang)] ?? s.deckTitle}</div>
      <div class="code">${s.code}</div>
      <div class="meta">
        ${msg('startedOn', { when: started })}${s.participants === null ? nothing : html` · ${msg('participants', { n: s.participants })}`}
      </div>
      ${s.startedByOperator ? nothing : html`<p class="meta">${msg('notStartedHere')}</p>`}
      ${s.setAside ? this.renderSetAside(s.setAside) : nothing}
      ${s.links
        ? html`<dl>
            <dt>${msg('prepareTerm')}</dt>
            <dd><a href=${s.links.prepare} target="_blank" rel="noopener">${msg('openPrepare')}</a></dd>
            <dt>${msg('presenterTerm')}</dt>
            <dd><a href=${s.links.present} target="_blank" rel="noopener">${msg('openPresenter')}</a></dd>
            <dt>${msg('notesTerm')}</dt>
            <dd><a href=${s.links.notes} target="_blank" rel="noopener">${msg('openNotes')}</a></dd>
            <dt>${msg('remoteTerm')}</dt>
            <dd><a href=${s.links.remote} target="_blank" rel="noopener">${msg('openRemote')}</a></dd>
            <dt>${msg('joinTerm')}</dt>
            <dd>${s.links.join}</dd>
            ${s.inventory
              ? html`<dt>${msg('planTerm')}</dt>
                  <dd><a href=${`/plan/${s.code}`} target="_blank" rel="noopener">${msg('openPlan')}</a></dd>`
              : nothing}
            ${s.partnershipPlan
              ? html`<dt>${msg('partnershipPlanTerm')}</dt>
                  <dd><a href=${`/partnership-plan/${s.code}`} target="_blank" rel="noopener">${msg('openPartnershipPlan')}</a></dd>`
              : nothing}
          </dl>`
        : nothing}
      <button @click=${this.askToDelete}>${msg('deleteSession')}</button>
    </section>`;
  }

  private renderSetAside(aside: NonNullable<SessionSummary['setAside']>) {
    const key = PROBLEM_MESSAGES[aside.problem] ?? 'problemEventRejected';
    return html`<p class="problem" role="note">${msg('setAsideTitle')}</p>
      <p>${msg(key, { seq: aside.seq ?? '?', deck: aside.deckId })}</p>
      <p>${msg('setAsideAdvice')}</p>
      <details>
        <summary>${msg('technicalDetail')}</summary>
        <p>${aside.reason}</p>
      </details>`;
  }

  private askToDelete() {
    this.dispatchEvent(new CustomEvent('delete-session', { detail: this.session.code, bubbles: true, composed: true }));
  }
}

customElements.define('pd-session-entry', PdSessionEntry);

declare global {
  interface HTMLElementTagNameMap {
    'pd-session-entry': PdSessionEntry;
  }
}
