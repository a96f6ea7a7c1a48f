import { html } from 'lit';
import { bodyOf } from '../shared/live/api-client.js';
import { msg } from './messages.js';
import { PhoneActivityElement, type ActivityScreen } from './phone-element.js';
import { phoneStyles } from './phone-styles.js';

type Screen = ActivityScreen<'reflection'>;

/** A private reflection; the person may share it with the room, without their name. */
export class PdReflection extends PhoneActivityElement<'reflection'> {
  static override styles = phoneStyles;
  static override properties = { status: { state: true } };

  protected readonly kinds = ['reflection'] as const;
  declare private status: string;

  constructor() {
    super();
    this.status = '';
  }

  protected override renderScreen(screen: Screen) {
    const { live, activity, slide, open } = screen;
    const mine = live.part('myMoves')?.reflections[slide];
    return html`
      <h1 id="prompt" lang=${this.deckLang(screen)}>${activity.prompt}</h1>
      <form @submit=${(e: SubmitEvent) => this.save(e, screen)}>
        <label for="reflection">${msg('reflectionLabel')}</label>
        <textarea id="reflection" name="reflection" maxlength="1000" required .value=${mine?.text ?? ''} ?disabled=${!open} @input=${() => (this.status = '')}></textarea>
        <p class="hint">${msg('reflectionPrivate')}</p>
        ${activity.shareable
          ? html`<label style="display:flex;gap:0.6rem;align-items:center;font-weight:400">
              <input type="checkbox" name="shared" style="width:1.4rem;height:1.4rem" .checked=${mine?.shared ?? false} ?disabled=${!open} />
              ${msg('reflectionShare')}
            </label>`
          : null}
        ${this.writes.alert()}
        ${open ? html`<div class="row"><button type="submit">${msg('save')}</button></div>` : html`<p>${msg('activityClosed')}</p>`}
        ${this.status ? html`<p role="status">${this.status}</p>` : null}
      </form>
    `;
  }

  private async save(event: SubmitEvent, { live, slide }: Screen) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const text = (form.elements.namedItem('reflection') as HTMLTextAreaElement).value;
    const shared = (form.elements.namedItem('shared') as HTMLInputElement | null)?.checked ?? false;
    const saved = await this.writes.run(() => bodyOf(live.api.reflections[':slide'].mine.$put({ param: { code: live.code, slide: String(slide) }, json: { text, shared } })));
    if (!saved) return;
    this.status = shared ? msg('reflectionShared') : msg('reflectionKept');
    void this.showResult('', 'h1');
  }
}

customElements.define('pd-reflection', PdReflection);

declare global {
  interface HTMLElementTagNameMap {
    'pd-reflection': PdReflection;
  }
}
