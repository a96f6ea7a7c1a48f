import { html } from 'lit';
import { bodyOf } from '../shared/live/api-client.js';
import { msg } from './messages.js';
import { PhoneActivityElement, type ActivityScreen } from './phone-element.js';
import { phoneStyles } from './phone-styles.js';

type Screen = ActivityScreen<'question-card'>;
const MAX_LENGTH = 500;

/**
 * A card of several questions: a partner's introduction (who they are here for, what they
 * need graduates to know and do, why a partnership, how they would like to partner). Only
 * the stakeholder groups the deck names answer; other phones watch the screen. Once sent,
 * the answers show on the phone as the room sees them.
 */
export class PdQuestionCard extends PhoneActivityElement<'question-card'> {
  static override styles = phoneStyles;
  static override properties = { busy: { state: true } };
  protected readonly kinds = ['question-card'] as const;
  declare private busy: boolean;

  constructor() {
    super();
    this.busy = false;
  }

  protected override renderScreen(screen: Screen) {
    const { activity, me, slide, open } = screen;
    if (activity.answeredBy && !activity.answeredBy.includes(me.group)) return html`<h1>${msg('watchTitle')}</h1><p class="hint">${msg('introStaff')}</p>`;
    const mine = me.cards.filter((c) => c.slide === slide);
    if (mine.length > 0) {
      return html`<h1>${msg('introTitle')}</h1>
        ${activity.questions.map((q) => {
          const card = mine.find((c) => c.wall === q.wall);
          return card ? html`<div class="card" role="group" aria-label=${q.label}><span class="side">${q.prompt}</span><p class="text">${card.text}</p></div>` : null;
        })}
        <p class="hint" role="status">${msg('introSent')}</p>`;
    }
    if (!open) return html`<p>${msg('activityClosed')}</p>`;
    return html`
      <h1>${msg('introTitle')}</h1>
      <form @submit=${(e: SubmitEvent) => this.submit(e, screen)}>
        ${activity.questions.map(
          (q, i) => html`
            <p class="prompt" id=${`q-${i}`}>${q.prompt}</p>
            <label for=${`answer-${i}`}>${q.label}</label>
            <textarea id=${`answer-${i}`} name=${`answer-${i}`} maxlength=${MAX_LENGTH} required aria-describedby=${`q-${i}`}></textarea>
          `,
        )}
        ${this.writes.alert()}
        <div class="row"><button type="submit" ?disabled=${this.busy}>${msg('submit')}</button></div>
      </form>
    `;
  }

  private async submit(event: SubmitEvent, { live, slide, activity }: Screen) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const answers = activity.questions.map((_, i) => String(form.get(`answer-${i}`) ?? ''));
    this.busy = true;
    await this.writes.run(() => bodyOf(live.api.cards.$post({ param: { code: live.code }, json: { slide, answers } })));
    this.busy = false;
  }
}

customElements.define('pd-question-card', PdQuestionCard);

declare global {
  interface HTMLElementTagNameMap {
    'pd-question-card': PdQuestionCard;
  }
}
