import { formatPreparedDate } from './format-date.js';
import { css, html } from 'lit';
import { bodyOf } from '../shared/live/api-client.js';
import { msg, type MessageKey } from './messages.js';
import { PhoneActivityElement, type ActivityScreen } from './phone-element.js';
import { phoneStyles } from './phone-styles.js';

type Screen = ActivityScreen<'feedback'>;

const SCALE: MessageKey[] = ['rating1', 'rating2', 'rating3', 'rating4', 'rating5'];

/** The closing feedback form the deck declares: agreement ratings and open comments, all optional. */
export class PdFeedbackForm extends PhoneActivityElement<'feedback'> {
  static override styles = [
    phoneStyles,
    css`
      fieldset {
        border: 1px solid var(--pd-line);
        border-radius: 10px;
        margin: 0 0 1rem;
        padding: 0.6rem 0.8rem;
      }
      legend {
        font-weight: 700;
        padding: 0 0.3rem;
      }
      .scale label {
        display: flex;
        gap: 0.6rem;
        align-items: center;
        font-weight: 400;
        margin: 0.35rem 0;
      }
      .scale input {
        width: 1.3rem;
        height: 1.3rem;
        flex: none;
      }
    `,
  ];

  static override properties = { sent: { state: true } };

  protected readonly kinds = ['feedback'] as const;
  declare private sent: boolean;

  constructor() {
    super();
    this.sent = false;
  }

  /** The next meeting and the future dates the school prepared, in the phone's language (slide 28 shows them too). */
  private renderDates() {
    const note = this.live?.part('agreementNote');
    if (!note) return null;
    const next = note.nextMeetingDate ? formatPreparedDate(note.nextMeetingDate) : '';
    return html`${next ? html`<p class="prompt">${msg('nextMeetingOn', { date: next })}</p>` : null}
    ${note.futureDates.length ? html`<p>${msg('futureDates', { dates: note.futureDates.map(formatPreparedDate).join('; ') })}</p>` : null}`;
  }

  protected override renderScreen(screen: Screen) {
    const { live, activity, slide, open } = screen;
    const mine = live.part('myMoves')?.feedback[slide];
    if (!open) return html`<p>${msg('activityClosed')}</p>`;
    return html`
      <h1>${msg('feedbackTitle')}</h1>
      ${this.renderDates()}
      <p>${msg('feedbackIntro')}</p>
      ${mine ? html`<p class="card">${msg('feedbackThanks')}</p>` : null}
      <form @submit=${(e: SubmitEvent) => this.send(e, screen)}>
        ${activity.ratings.map(
          (r) => html`<fieldset class="scale">
            <legend>${r.label}</legend>
            ${SCALE.map(
              (key, i) => html`<label><input type="radio" name=${`rating-${r.id}`} value=${i + 1} ?checked=${mine?.ratings[r.id] === i + 1} />${msg(key)}</label>`,
            )}
          </fieldset>`,
        )}
        ${activity.comments.map(
          (c) => html`<label for=${`comment-${c.id}`}>${c.label}</label>
            <textarea id=${`comment-${c.id}`} name=${`comment-${c.id}`} maxlength="1000" .value=${mine?.comments[c.id] ?? ''}></textarea>`,
        )}
        ${this.writes.alert()}
        <div class="row"><button type="submit">${msg('feedbackSend')}</button></div>
      </form>
    `;
  }

  private async send(event: SubmitEvent, { live, slide, activity }: Screen) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const ratings: Record<string, number> = {};
    for (const r of activity.ratings) {
      const checked = form.querySelector<HTMLInputElement>(`input[name="rating-${r.id}"]:checked`);
      if (checked) ratings[r.id] = Number(checked.value);
    }
    const comments: Record<string, string> = {};
    for (const c of activity.comments) {
      const text = (form.elements.namedItem(`comment-${c.id}`) as HTMLTextAreaElement).value;
      if (text.trim()) comments[c.id] = text;
    }
    const sent = await this.writes.run(() => bodyOf(live.api.feedback[':slide'].mine.$put({ param: { code: live.code, slide: String(slide) }, json: { ratings, comments } })));
    if (!sent) return;
    this.sent = true;
    window.scrollTo({ top: 0, behavior: 'smooth' });
    void this.showResult(msg('feedbackThanks'));
  }
}

customElements.define('pd-feedback-form', PdFeedbackForm);

declare global {
  interface HTMLElementTagNameMap {
    'pd-feedback-form': PdFeedbackForm;
  }
}
