import { html } from 'lit';
import { bodyOf } from '../shared/live/api-client.js';
import { msg } from './messages.js';
import { PhoneActivityElement, type ActivityScreen } from './phone-element.js';
import { phoneStyles } from './phone-styles.js';

type Screen = ActivityScreen<'open-answers'>;

/** Short open answers ("Who might this be?") that feed the deck's word cloud. */
export class PdOpenAnswers extends PhoneActivityElement<'open-answers'> {
  static override styles = phoneStyles;
  static override properties = { busy: { state: true } };

  protected readonly kinds = ['open-answers'] as const;
  declare private busy: boolean;

  constructor() {
    super();
    this.busy = false;
  }

  protected override renderScreen(screen: Screen) {
    const { live, activity, slide, open, me } = screen;
    const mine = me.answers.filter((a) => a.slide === slide);
    const pending = live.pendingWrites('POST', '/answers').filter((w) => (w.body as { slide: number }).slide === slide);
    return html`
      <h2 id="prompt" lang=${this.deckLang(screen)}>${activity.prompt}</h2>
      ${open
        ? html`<form @submit=${(e: SubmitEvent) => this.submit(e, screen)}>
            <label for="answer">${msg('answerLabel')}</label>
            <input id="answer" name="answer" maxlength=${activity.maxLength ?? 80} autocomplete="off" required aria-describedby="prompt" />
            ${this.writes.alert()}
            <div class="row"><button type="submit" ?disabled=${this.busy}>${msg('submit')}</button></div>
          </form>`
        : html`<p>${msg('activityClosed')}</p>`}
      ${mine.length || pending.length
        ? html`<h2 style="margin-top:1.5rem">${msg('yourAnswers')}</h2>
            <ul role="list" style="padding:0;list-style:none">
              ${mine.map(
                (a) => html`<li class="card" style="display:flex;justify-content:space-between;align-items:center;gap:1rem">
                  <span>${a.text}</span>
                  ${open ? html`<button class="secondary" aria-label=${`${msg('remove')}: ${a.text}`} @click=${() => this.removeAnswer(screen, a.id)}>${msg('remove')}</button>` : null}
                </li>`,
              )}
              ${pending.map((w) => html`<li class="card">${(w.body as { text: string }).text} <span class="hint">(${msg('sending')})</span></li>`)}
            </ul>`
        : null}
    `;
  }

  private async submit(event: SubmitEvent, { live, slide }: Screen) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const input = form.elements.namedItem('answer') as HTMLInputElement;
    const text = input.value;
    input.value = '';
    this.busy = true;
    const sent = bodyOf(live.api.answers.$post({ param: { code: live.code }, json: { slide, text } }));
    this.requestUpdate();
    if ((await this.writes.run(() => sent)) === undefined) input.value = text;
    // Focus stays in the field for the next answer; the live region says this one went.
    else this.announce(msg('saved'));
    this.busy = false;
  }

  private removeAnswer({ live }: Screen, id: string) {
    return this.writes.run(() => bodyOf(live.api.answers[':id'].$delete({ param: { code: live.code, id } })));
  }
}

customElements.define('pd-open-answers', PdOpenAnswers);

declare global {
  interface HTMLElementTagNameMap {
    'pd-open-answers': PdOpenAnswers;
  }
}
