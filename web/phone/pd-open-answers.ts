import { LitElement, html } from 'lit';
import type { LiveSession } from '../shared/live-session.js';
import type { ActivityInfo, MePart } from '../shared/view-types.js';
import { errorMessage } from './error-message.js';
import { msg } from './messages.js';
import { phoneStyles } from './phone-styles.js';

/** Short open answers ("Who might this be?") that feed the deck's word cloud. */
export class PdOpenAnswers extends LitElement {
  static override styles = phoneStyles;
  static override properties = {
    live: { attribute: false },
    activity: { attribute: false },
    slide: { type: Number },
    me: { attribute: false },
    open: { type: Boolean },
    busy: { state: true },
    error: { state: true },
  };

  declare live: LiveSession;
  declare activity: ActivityInfo & { prompt?: string; maxLength?: number };
  declare slide: number;
  declare me: MePart;
  declare open: boolean;
  declare private busy: boolean;
  declare private error: string;

  constructor() {
    super();
    this.busy = false;
    this.error = '';
    this.open = true;
  }

  override render() {
    const mine = this.me.answers.filter((a) => a.slide === this.slide);
    const pending = this.live.pendingWrites('POST', '/answers').filter((w) => (w.body as { slide: number }).slide === this.slide);
    return html`
      <h2 id="prompt">${this.activity.prompt}</h2>
      ${this.open
        ? html`<form @submit=${this.submit}>
            <label for="answer">${msg('answerLabel')}</label>
            <input id="answer" name="answer" maxlength=${this.activity.maxLength ?? 80} autocomplete="off" required aria-describedby="prompt" />
            ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
            <div class="row"><button type="submit" ?disabled=${this.busy}>${msg('submit')}</button></div>
          </form>`
        : html`<p>${msg('activityClosed')}</p>`}
      ${mine.length || pending.length
        ? html`<h2 style="margin-top:1.5rem">${msg('yourAnswers')}</h2>
            <ul role="list" style="padding:0;list-style:none">
              ${mine.map(
                (a) => html`<li class="card" style="display:flex;justify-content:space-between;align-items:center;gap:1rem">
                  <span>${a.text}</span>
                  ${this.open ? html`<button class="secondary" aria-label=${`${msg('remove')}: ${a.text}`} @click=${() => this.removeAnswer(a.id)}>${msg('remove')}</button>` : null}
                </li>`,
              )}
              ${pending.map((w) => html`<li class="card">${(w.body as { text: string }).text} <span class="hint">(${msg('sending')})</span></li>`)}
            </ul>`
        : null}
    `;
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const input = form.elements.namedItem('answer') as HTMLInputElement;
    const text = input.value;
    input.value = '';
    this.busy = true;
    this.error = '';
    const sent = this.live.send('POST', '/answers', { slide: this.slide, text });
    this.requestUpdate();
    try {
      await sent;
    } catch (error) {
      this.error = errorMessage(error);
      input.value = text;
    } finally {
      this.busy = false;
    }
  }

  private async removeAnswer(id: string) {
    try {
      await this.live.send('DELETE', `/answers/${id}`);
    } catch (error) {
      this.error = errorMessage(error);
    }
  }
}

customElements.define('pd-open-answers', PdOpenAnswers);

declare global {
  interface HTMLElementTagNameMap {
    'pd-open-answers': PdOpenAnswers;
  }
}
