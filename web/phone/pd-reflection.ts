import { LitElement, html } from 'lit';
import type { LiveSession } from '../shared/live-session.js';
import type { MyMovesPart } from '../shared/moves-types.js';
import { errorMessage } from './error-message.js';
import { msg } from './messages.js';
import { phoneStyles } from './phone-styles.js';
import { FollowLive } from './follow-live.js';

/** A private reflection; the person may share it with the room, without their name. */
export class PdReflection extends LitElement {
  static override styles = phoneStyles;
  static override properties = {
    live: { attribute: false },
    slide: { type: Number },
    activity: { attribute: false },
    open: { type: Boolean },
    status: { state: true },
    error: { state: true },
  };

  declare live: LiveSession;
  declare slide: number;
  declare activity: { prompt: string; shareable: boolean };
  declare open: boolean;
  declare private status: string;
  declare private error: string;

  constructor() {
    super();
    new FollowLive(this);
    this.status = '';
    this.error = '';
    this.open = true;
  }

  override render() {
    const mine = this.live.part<MyMovesPart>('myMoves')?.reflections[this.slide];
    return html`
      <h1 id="prompt">${this.activity.prompt}</h1>
      <form @submit=${this.save}>
        <label for="reflection">${msg('reflectionLabel')}</label>
        <textarea id="reflection" name="reflection" maxlength="1000" required .value=${mine?.text ?? ''} ?disabled=${!this.open} @input=${() => (this.status = '')}></textarea>
        <p class="hint">${msg('reflectionPrivate')}</p>
        ${this.activity.shareable
          ? html`<label style="display:flex;gap:0.6rem;align-items:center;font-weight:400">
              <input type="checkbox" name="shared" style="width:1.4rem;height:1.4rem" .checked=${mine?.shared ?? false} ?disabled=${!this.open} />
              ${msg('reflectionShare')}
            </label>`
          : null}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
        ${this.open ? html`<div class="row"><button type="submit">${msg('save')}</button></div>` : html`<p>${msg('activityClosed')}</p>`}
        ${this.status ? html`<p role="status">${this.status}</p>` : null}
      </form>
    `;
  }

  private async save(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const text = (form.elements.namedItem('reflection') as HTMLTextAreaElement).value;
    const shared = (form.elements.namedItem('shared') as HTMLInputElement | null)?.checked ?? false;
    this.error = '';
    try {
      await this.live.send('PUT', `/reflections/${this.slide}/mine`, { text, shared });
      this.status = shared ? msg('reflectionShared') : msg('reflectionKept');
    } catch (error) {
      this.error = errorMessage(error);
    }
  }
}

customElements.define('pd-reflection', PdReflection);

declare global {
  interface HTMLElementTagNameMap {
    'pd-reflection': PdReflection;
  }
}
