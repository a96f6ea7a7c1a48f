import { css, html } from 'lit';
import type { AgreementPart } from '../../server/contract/parts.js';
import { bodyOf } from '../shared/live/api-client.js';
import { StaffElement } from '../shared/staff-element.js';
import { staffStyles } from '../shared/staff-styles.js';
import { groupsLabel, staffCatalog, staffMsg } from '../shared/staff-messages.js';

/**
 * The Partnership Agreement's draft, live on the projector while representatives build
 * it (slide 24), and with the next meeting's date on slide 27. On slide 27 the lead can
 * type the date in place, as the guide asks ("record the next meeting date on this slide").
 */
export class PdAgreementDraft extends StaffElement {
  static override styles = [
    staffStyles,
    css`
      :host {
        display: block;
        font-size: 0.48em;
      }
      .sheet {
        background: var(--pd-surface);
        border: 2px solid var(--pd-agreement);
        border-radius: 0.3em;
        padding: 0.5em 0.9em;
        columns: 2;
        column-gap: 1.5em;
      }
      h3 {
        margin: 0;
        font-size: 1.2em;
        color: var(--pd-agreement);
        column-span: all;
      }
      h4 {
        margin: 0.5em 0 0.1em;
        font-size: 0.95em;
        color: var(--pd-agreement);
        break-after: avoid;
      }
      p,
      li {
        margin: 0.1em 0;
        font-size: 0.85em;
        line-height: 1.3;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      ul {
        margin: 0;
        padding-left: 1.1em;
      }
      .empty {
        color: var(--pd-ink-muted);
        font-style: italic;
      }
      .meeting {
        font-size: 1.3em;
        font-weight: 700;
        margin: 0.4em 0;
      }
      form {
        display: flex;
        gap: 0.5em;
        align-items: center;
        font-size: 0.8em;
      }
      input {
        font: inherit;
        padding: 0.2em 0.4em;
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
    if (this.mode === 'next-meeting') return this.renderNextMeeting(agreement);
    const empty = html`<p class="empty">${staffMsg('agreementBeingAssembled')}</p>`;
    return html`<div class="sheet" aria-label=${staffMsg('agreementDraftLabel')}>
      <h3>${agreement.schoolName || staffMsg('ourSchool')} · ${staffMsg('agreementTitle')}</h3>
      <h4>${staffMsg('agreementDefinition')}</h4>
      ${agreement.definition ? html`<p>${agreement.definition}</p>` : empty}
      <h4>${staffMsg('agreementAgreements')}</h4>
      ${agreement.agreements.length ? html`<ul>${agreement.agreements.map((a) => html`<li>${a}</li>`)}</ul>` : empty}
      <h4>${staffMsg('agreementExamples')}</h4>
      ${agreement.examples.length ? html`<ul>${agreement.examples.map((a) => html`<li>${a}</li>`)}</ul>` : empty}
      <p>${agreement.groups.map((g) => groupsLabel(g)).join(' · ')}</p>
    </div>`;
  }

  private renderNextMeeting(agreement: AgreementPart) {
    return html`
      <p class="meeting">${staffMsg('nextMeetingIs', { date: agreement.nextMeeting ? staffCatalog.current.date(agreement.nextMeeting, { dateStyle: 'full' }) : '____________' })}</p>
      <form @submit=${this.saveMeeting}>
        <label for="next-meeting">${staffMsg('nextMeetingLabel')}</label>
        <input id="next-meeting" name="nextMeeting" maxlength="120" .value=${agreement.nextMeeting} placeholder=${staffMsg('nextMeetingPlaceholder')} />
        <button type="submit">${staffMsg('saveDate')}</button>
        ${this.writes.message ? html`<span role="alert">${this.writes.message}</span>` : null}
      </form>
      <p>${staffMsg('agreementOnPhone')}</p>
    `;
  }

  private async saveMeeting(event: SubmitEvent) {
    event.preventDefault();
    const value = String(new FormData(event.target as HTMLFormElement).get('nextMeeting') ?? '');
    const live = this.live;
    if (live) await this.writes.run(() => bodyOf(live.api.agreement.$put({ param: { code: live.code }, json: { nextMeeting: value } })));
  }
}

customElements.define('pd-agreement-draft', PdAgreementDraft);

declare global {
  interface HTMLElementTagNameMap {
    'pd-agreement-draft': PdAgreementDraft;
  }
}
