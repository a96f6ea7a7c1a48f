import { LitElement, css, html } from 'lit';
import { currentSession } from '../shared/current-session.js';
import type { AgreementPart, TalliedCard } from '../shared/gallery-types.js';
import { LiveController } from '../shared/live-controller.js';
import { codeFromPath, takeStaffKey } from '../shared/staff-key.js';
import { staffStyles } from '../shared/staff-styles.js';
import { notesFormStyles } from './notes-form-styles.js';
import { shortText } from './gallery-labels.js';

interface Candidates {
  agreements: TalliedCard[];
  definitions: TalliedCard[];
  examples: TalliedCard[];
}

/**
 * The agreement builder (slide 24): fill the agreement from the top statements, choose or
 * combine the definition, edit any wording, set the date and the next meeting. Every save
 * is an event in the log, and the deck shows the draft live. Also the printable page, its
 * PDF and the session's exports.
 */
export class PdAgreementBuilder extends LitElement {
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

  static override properties = { candidates: { state: true }, problem: { state: true }, note: { state: true } };
  declare private candidates: Candidates | null;
  declare private problem: string;
  declare private note: string;
  private definitionDraft: string | null = null;

  constructor() {
    super();
    this.candidates = null;
    this.problem = '';
    this.note = '';
    new LiveController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadCandidates();
  }

  private async loadCandidates() {
    try {
      this.candidates = (await currentSession()?.get<Candidates>('/agreement/candidates')) ?? null;
    } catch {
      this.candidates = null;
    }
  }

  override render() {
    const live = currentSession();
    const agreement = live?.part<AgreementPart>('agreement');
    if (!live || !agreement) return null;
    const definition = this.definitionDraft ?? agreement.definition;
    return html`
      <h3>Partnership Agreement</h3>
      <div class="row">
        <button class="primary" @click=${this.assemble}>Fill from the top statements</button>
        <a href=${`/agreement/${live.code}`} target="_blank" rel="noopener">Open the printable page</a>
        <a href=${`/api/sessions/${live.code}/agreement/pdf`} download>Download PDF</a>
      </div>
      ${this.candidates?.definitions.length
        ? html`<p>Top definitions (use one, or add it to combine):</p>
            <ol>
              ${this.candidates.definitions.map(
                (c) => html`<li>${shortText(c.text, 120)} (${c.stickers})
                  <button @click=${() => this.setDefinition(c.text)} aria-label=${`Use definition: ${shortText(c.text, 40)}`}>Use</button>
                  <button @click=${() => this.setDefinition(definition ? `${definition} ${c.text}` : c.text)} aria-label=${`Add definition: ${shortText(c.text, 40)}`}>Add</button></li>`,
              )}
            </ol>`
        : null}
      <form @submit=${this.save} aria-label="Agreement wording">
        <label for="ag-school">School name</label>
        <input id="ag-school" name="schoolName" maxlength="120" .value=${agreement.schoolName} />
        <label for="ag-definition">Definition of partnership for student achievement</label>
        <textarea id="ag-definition" name="definition" maxlength="1000" .value=${definition} @input=${(e: Event) => (this.definitionDraft = (e.target as HTMLTextAreaElement).value)}></textarea>
        <label for="ag-agreements">Group agreements (one per line)</label>
        <textarea id="ag-agreements" name="agreements" .value=${agreement.agreements.join('\n')}></textarea>
        <label for="ag-examples">How all adults will model it (one per line)</label>
        <textarea id="ag-examples" name="examples" .value=${agreement.examples.join('\n')}></textarea>
        <label for="ag-date">Date</label>
        <input id="ag-date" name="date" type="date" .value=${agreement.date} />
        <label for="ag-next">Next meeting</label>
        <input id="ag-next" name="nextMeeting" maxlength="120" .value=${agreement.nextMeeting} />
        <button type="submit" class="primary">Save the agreement</button>
      </form>
      ${this.problem ? html`<p role="alert">${this.problem}</p>` : null}
      ${this.note ? html`<p role="status">${this.note}</p>` : null}
      <h3>Records</h3>
      <div class="row">
        ${['session.json', 'cards.csv', 'stickers.csv', 'tallies.csv'].map((file) => html`<button @click=${() => this.download(file)}>Export ${file}</button>`)}
      </div>
    `;
  }

  private setDefinition(text: string) {
    this.definitionDraft = text;
    this.requestUpdate();
  }

  private async assemble() {
    this.problem = '';
    try {
      await currentSession()?.send('POST', '/agreement/assemble');
      this.definitionDraft = null;
      this.note = 'Filled from the top statements.';
      await this.loadCandidates();
    } catch (error) {
      this.problem = (error as Error).message;
    }
  }

  private async save(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const lines = (name: string) => String(form.get(name) ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
    this.problem = '';
    try {
      await currentSession()?.send('PUT', '/agreement', {
        schoolName: String(form.get('schoolName') ?? ''),
        definition: String(form.get('definition') ?? ''),
        agreements: lines('agreements'),
        examples: lines('examples'),
        date: String(form.get('date') ?? ''),
        nextMeeting: String(form.get('nextMeeting') ?? ''),
      });
      this.definitionDraft = null;
      this.note = 'Saved.';
    } catch (error) {
      this.problem = (error as Error).message;
    }
  }

  /** Exports need the facilitator's key in a header, so they are fetched and saved from here. */
  private async download(file: string) {
    const code = codeFromPath();
    const res = await fetch(`/api/sessions/${code}/exports/${file}`, { headers: { authorization: `Bearer ${takeStaffKey(code) ?? ''}` } });
    if (!res.ok) {
      this.problem = `Export failed (${res.status}).`;
      return;
    }
    const url = URL.createObjectURL(await res.blob());
    const link = Object.assign(document.createElement('a'), { href: url, download: `partnerdeck-${code}-${file}` });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

customElements.define('pd-agreement-builder', PdAgreementBuilder);

declare global {
  interface HTMLElementTagNameMap {
    'pd-agreement-builder': PdAgreementBuilder;
  }
}
