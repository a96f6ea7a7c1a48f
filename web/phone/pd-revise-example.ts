import { css, html } from 'lit';
import type { OwnCard } from '../../server/contract/parts.js';
import { bodyOf } from '../shared/live/api-client.js';
import { msg } from './messages.js';
import { PhoneActivityElement, type ActivityScreen } from './phone-element.js';
import { phoneStyles } from './phone-styles.js';

type Screen = ActivityScreen<'revise-and-example'>;

/**
 * Activity 4: the participant's earlier definition, ready to edit or keep, and a new
 * example card. Saving sends the wording shown; the server keeps the earlier wording.
 */
export class PdReviseExample extends PhoneActivityElement<'revise-and-example'> {
  static override styles = [
    phoneStyles,
    css`
      .first {
        font-size: 0.95rem;
        color: var(--pd-ink-soft);
        margin: 0.2rem 0 0;
        white-space: pre-wrap;
      }
      .saved {
        color: var(--pd-success);
        font-weight: 600;
      }
    `,
  ];

  static override properties = {
    busy: { state: true },
    saved: { state: true },
  };

  protected readonly kinds = ['revise-and-example'] as const;
  declare private busy: boolean;
  declare private saved: boolean;

  constructor() {
    super();
    this.busy = false;
    this.saved = false;
  }

  private definition({ me, activity, slide }: Screen): OwnCard | undefined {
    const mine = me.cards.filter((c) => c.wall === activity.revise.wall);
    return mine.find((c) => c.slide === activity.revise.from) ?? mine.find((c) => c.slide === slide);
  }

  private example({ me, activity, slide }: Screen): OwnCard | undefined {
    return me.cards.find((c) => c.wall === activity.example.wall && c.slide === slide);
  }

  protected override renderScreen(screen: Screen) {
    const definition = this.definition(screen);
    const example = this.example(screen);
    if (!screen.open) {
      return html`<p>${msg('activityClosed')}</p>
        ${definition ? html`<h2>${msg('reviseTitle')}</h2><div class="card">${definition.text}</div>` : null}
        ${example ? html`<h2>${msg('exampleTitle')}</h2><div class="card">${example.text}</div>` : null}`;
    }
    return html`
      <form @submit=${(e: SubmitEvent) => this.submit(e, screen)} @input=${() => (this.saved = false)}>
        <h2>${msg('reviseTitle')}</h2>
        <p class="hint" id="revise-hint">${definition ? msg('reviseHint') : msg('reviseNoDefinition')}</p>
        <label for="definition">${msg('reviseTitle')}</label>
        <textarea id="definition" name="definition" maxlength="500" required aria-describedby="revise-hint" .value=${definition?.text ?? ''}></textarea>
        ${definition && definition.firstText !== definition.text ? html`<p class="first">${msg('reviseFirstWrote', { text: definition.firstText })}</p>` : null}
        <h2 style="margin-top:1.5rem">${msg('exampleTitle')}</h2>
        <p class="prompt" id="example-prompt" lang=${this.deckLang(screen)}>${screen.activity.example.prompt}</p>
        <label for="example">${screen.activity.example.label}</label>
        <textarea id="example" name="example" maxlength="500" required aria-describedby="example-prompt" .value=${example?.text ?? ''}></textarea>
        ${this.writes.alert()}
        ${this.saved ? html`<p class="saved" role="status">${msg('reviseSaved')}</p>` : null}
        <div class="row"><button type="submit" ?disabled=${this.busy}>${msg('save')}</button></div>
      </form>
    `;
  }

  private async submit(event: SubmitEvent, { live, slide }: Screen) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const param = { code: live.code, slide: String(slide) };
    this.busy = true;
    const saved = await this.writes.run(() =>
      Promise.all([
        bodyOf(live.api.revise[':slide'].definition.$put({ param, json: { text: String(form.get('definition') ?? '') } })),
        bodyOf(live.api.revise[':slide'].example.$put({ param, json: { text: String(form.get('example') ?? '') } })),
      ]),
    );
    if (saved) {
      this.saved = true;
      void this.showResult('', '.saved');
    }
    this.busy = false;
  }
}

customElements.define('pd-revise-example', PdReviseExample);

declare global {
  interface HTMLElementTagNameMap {
    'pd-revise-example': PdReviseExample;
  }
}
