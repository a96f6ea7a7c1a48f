import { LitElement, css, html } from 'lit';
import type { LiveSession } from '../shared/live-session.js';
import type { ActivityInfo, MePart, OwnCard } from '../shared/view-types.js';
import { errorMessage } from './error-message.js';
import { msg } from './messages.js';
import { phoneStyles } from './phone-styles.js';

type ReviseActivity = ActivityInfo & {
  revise: { wall: string; from: number };
  example: { wall: string; prompt: string; label: string };
};

/**
 * Activity 4: the participant's earlier definition, ready to edit or keep, and a new
 * example card. Saving sends the wording shown; the server keeps the earlier wording.
 */
export class PdReviseExample extends LitElement {
  static override styles = [
    phoneStyles,
    css`
      .first {
        font-size: 0.95rem;
        color: #4a5561;
        margin: 0.2rem 0 0;
        white-space: pre-wrap;
      }
      .saved {
        color: #166534;
        font-weight: 600;
      }
    `,
  ];

  static override properties = {
    live: { attribute: false },
    activity: { attribute: false },
    slide: { type: Number },
    me: { attribute: false },
    open: { type: Boolean },
    busy: { state: true },
    error: { state: true },
    saved: { state: true },
  };

  declare live: LiveSession;
  declare activity: ReviseActivity;
  declare slide: number;
  declare me: MePart;
  declare open: boolean;
  declare private busy: boolean;
  declare private error: string;
  declare private saved: boolean;

  constructor() {
    super();
    this.busy = false;
    this.error = '';
    this.saved = false;
    this.open = true;
  }

  private get definition(): OwnCard | undefined {
    const mine = this.me.cards.filter((c) => c.wall === this.activity.revise.wall);
    return mine.find((c) => c.slide === this.activity.revise.from) ?? mine.find((c) => c.slide === this.slide);
  }

  private get example(): OwnCard | undefined {
    return this.me.cards.find((c) => c.wall === this.activity.example.wall && c.slide === this.slide);
  }

  override render() {
    const definition = this.definition;
    const example = this.example;
    if (!this.open) {
      return html`<p>${msg('activityClosed')}</p>
        ${definition ? html`<h2>${msg('reviseTitle')}</h2><div class="card">${definition.text}</div>` : null}
        ${example ? html`<h2>${msg('exampleTitle')}</h2><div class="card">${example.text}</div>` : null}`;
    }
    return html`
      <form @submit=${this.submit} @input=${() => (this.saved = false)}>
        <h2>${msg('reviseTitle')}</h2>
        <p class="hint" id="revise-hint">${definition ? msg('reviseHint') : msg('reviseNoDefinition')}</p>
        <label for="definition">${msg('reviseTitle')}</label>
        <textarea id="definition" name="definition" maxlength="500" required aria-describedby="revise-hint" .value=${definition?.text ?? ''}></textarea>
        ${definition && definition.firstText !== definition.text ? html`<p class="first">${msg('reviseFirstWrote', { text: definition.firstText })}</p>` : null}
        <h2 style="margin-top:1.5rem">${msg('exampleTitle')}</h2>
        <p class="prompt" id="example-prompt">${this.activity.example.prompt}</p>
        <label for="example">${this.activity.example.label}</label>
        <textarea id="example" name="example" maxlength="500" required aria-describedby="example-prompt" .value=${example?.text ?? ''}></textarea>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
        ${this.saved ? html`<p class="saved" role="status">${msg('reviseSaved')}</p>` : null}
        <div class="row"><button type="submit" ?disabled=${this.busy}>${msg('save')}</button></div>
      </form>
    `;
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    this.busy = true;
    this.error = '';
    try {
      await Promise.all([
        this.live.send('PUT', `/revise/${this.slide}/definition`, { text: String(form.get('definition') ?? '') }),
        this.live.send('PUT', `/revise/${this.slide}/example`, { text: String(form.get('example') ?? '') }),
      ]);
      this.saved = true;
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('pd-revise-example', PdReviseExample);

declare global {
  interface HTMLElementTagNameMap {
    'pd-revise-example': PdReviseExample;
  }
}
