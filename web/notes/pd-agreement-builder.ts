import { Task } from '@lit/task';
import { css, html } from 'lit';
import { bodyOf } from '../shared/live/api-client.js';
import { StaffElement } from '../shared/staff-element.js';
import { staffMsg, type StaffMessageKey } from '../shared/staff-messages.js';
import { staffStyles } from '../shared/staff-styles.js';
import { notesFormStyles } from './notes-form-styles.js';
import { shortText } from './gallery-labels.js';
import './pd-next-meeting-form.js';

/**
 * The agreement builder (slide 24): fill the agreement from the top statements, choose or
 * combine the definition, edit any wording, set the date and the next meeting (the
 * session's prepared one, not a second field of the agreement's own). Every save
 * is an event in the log, and the deck shows the draft live. Also the printable page, its
 * PDF and the session's exports.
 */
export class PdAgreementBuilder extends StaffElement {
  static override styles = [
    staffStyles,
    notesFormStyles,
    css`
      input,
      textarea {
        width: 100%;
        box-sizing: border-box;
      }
      textarea {
        min-height: 5rem;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        margin: 0.4rem 0;
      }
      ol {
        padding-left: 1.2rem;
        font-size: 0.9rem;
      }
    `,
  ];

  static override properties = { note: { state: true } };
  declare private note: StaffMessageKey | '';
  private definitionDraft: string | null = null;

  /** The statements that made the cut, per part; loaded when the panel opens and after filling the agreement. */
  private readonly candidates = new Task(this, {
    task: async ([live], { signal }) => (live ? bodyOf(live.api.agreement.candidates.$get({ param: { code: live.code } }, { init: { signal } })) : null),
    args: () => [this.live] as const,
  });

  constructor() {
    super();
    this.note = '';
  }

  override render() {
    const live = this.live;
    const agreement = live?.part('agreement');
    if (!live || !agreement) return null;
    const definition = this.definitionDraft ?? agreement.definition;
    const candidates = this.candidates.value;
    return html`
      <h3>${staffMsg('agreementTitle')}</h3>
      <div class="row">
        <button class="primary" @click=${this.assemble}>${staffMsg('fillFromTop')}</button>
        <a href=${`/agreement/${live.code}`} target="_blank" rel="noopener">${staffMsg('openPrintable')}</a>
        <a href=${live.api.agreement.pdf.$path({ param: { code: live.code }, query: {} })} download>${staffMsg('downloadPdf')}</a>
      </div>
      ${candidates?.definitions.length
        ? html`<p>${staffMsg('topDefinitions')}</p>
            <ol>
              ${candidates.definitions.map(
                (c) => html`<li>${shortText(c.text, 120)} (${c.stickers})
                  <button @click=${() => this.setDefinition(c.text)} aria-label=${staffMsg('useDefinition', { text: shortText(c.text, 40) })}>${staffMsg('use')}</button>
                  <button @click=${() => this.setDefinition(definition ? `${definition} ${c.text}` : c.text)} aria-label=${staffMsg('addDefinition', { text: shortText(c.text, 40) })}>${staffMsg('add')}</button></li>`,
              )}
            </ol>`
        : null}
      <pd-next-meeting-form></pd-next-meeting-form>
      <form @submit=${this.save} aria-label=${staffMsg('agreementWording')}>
        <label for="ag-school">${staffMsg('schoolName')}</label>
        <input id="ag-school" name="schoolName" maxlength="120" .value=${agreement.schoolName} />
        <label for="ag-definition">${staffMsg('definitionLabel')}</label>
        <textarea id="ag-definition" name="definition" maxlength="1000" .value=${definition} @input=${(e: Event) => (this.definitionDraft = (e.target as HTMLTextAreaElement).value)}></textarea>
        <label for="ag-agreements">${staffMsg('agreementsLabel')}</label>
        <textarea id="ag-agreements" name="agreements" .value=${agreement.agreements.join('\n')}></textarea>
        <label for="ag-examples">${staffMsg('examplesLabel')}</label>
        <textarea id="ag-examples" name="examples" .value=${agreement.examples.join('\n')}></textarea>
        <label for="ag-date">${staffMsg('date')}</label>
        <input id="ag-date" name="date" type="date" .value=${agreement.date} />
        <button type="submit" class="primary">${staffMsg('saveAgreement')}</button>
      </form>
      ${this.writes.message ? html`<p role="alert">${this.writes.message}</p>` : null}
      ${this.note ? html`<p role="status">${staffMsg(this.note)}</p>` : null}
    `;
  }

  private setDefinition(text: string) {
    this.definitionDraft = text;
    this.requestUpdate();
  }

  private async assemble() {
    const live = this.live;
    if (!live || (await this.writes.run(() => bodyOf(live.api.agreement.assemble.$post({ param: { code: live.code } })))) === undefined) return;
    this.definitionDraft = null;
    this.note = 'filledFromTop';
    await this.candidates.run();
  }

  private async save(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const lines = (name: string) => String(form.get(name) ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
    const live = this.live;
    const json = {
      schoolName: String(form.get('schoolName') ?? ''),
      definition: String(form.get('definition') ?? ''),
      agreements: lines('agreements'),
      examples: lines('examples'),
      date: String(form.get('date') ?? ''),
    };
    if (!live || (await this.writes.run(() => bodyOf(live.api.agreement.$put({ param: { code: live.code }, json })))) === undefined) return;
    this.definitionDraft = null;
    this.note = 'saved';
  }

}

customElements.define('pd-agreement-builder', PdAgreementBuilder);

declare global {
  interface HTMLElementTagNameMap {
    'pd-agreement-builder': PdAgreementBuilder;
  }
}
