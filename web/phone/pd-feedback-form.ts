import { LitElement, css, html } from 'lit';
import type { LiveSession } from '../shared/live-session.js';
import type { MyMovesPart } from '../shared/moves-types.js';
import { errorMessage } from './error-message.js';
import { msg, type MessageKey } from './messages.js';
import { phoneStyles } from './phone-styles.js';
import { FollowLive } from './follow-live.js';

interface FeedbackActivity {
  ratings: { id: string; label: string }[];
  comments: { id: string; label: string }[];
}

const SCALE: MessageKey[] = ['rating1', 'rating2', 'rating3', 'rating4', 'rating5'];

/** The closing feedback form the deck declares: agreement ratings and open comments, all optional. */
export class PdFeedbackForm extends LitElement {
  static override styles = [
    phoneStyles,
    css`
      fieldset {
        border: 1px solid #d5dbe1;
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

  static override properties = {
    live: { attribute: false },
    slide: { type: Number },
    activity: { attribute: false },
    open: { type: Boolean },
    sent: { state: true },
    error: { state: true },
  };

  declare live: LiveSession;
  declare slide: number;
  declare activity: FeedbackActivity;
  declare open: boolean;
  declare private sent: boolean;
  declare private error: string;

  constructor() {
    super();
    new FollowLive(this);
    this.sent = false;
    this.error = '';
    this.open = true;
  }

  override render() {
    const mine = this.live.part<MyMovesPart>('myMoves')?.feedback[this.slide];
    if (!this.open) return html`<p>${msg('activityClosed')}</p>`;
    return html`
      <h1>${msg('feedbackTitle')}</h1>
      <p>${msg('feedbackIntro')}</p>
      ${mine ? html`<p role="status" class="card">${msg('feedbackThanks')}</p>` : null}
      <form @submit=${this.send}>
        ${this.activity.ratings.map(
          (r) => html`<fieldset class="scale">
            <legend>${r.label}</legend>
            ${SCALE.map(
              (key, i) => html`<label><input type="radio" name=${`rating-${r.id}`} value=${i + 1} ?checked=${mine?.ratings[r.id] === i + 1} />${msg(key)}</label>`,
            )}
          </fieldset>`,
        )}
        ${this.activity.comments.map(
          (c) => html`<label for=${`comment-${c.id}`}>${c.label}</label>
            <textarea id=${`comment-${c.id}`} name=${`comment-${c.id}`} maxlength="1000" .value=${mine?.comments[c.id] ?? ''}></textarea>`,
        )}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
        <div class="row"><button type="submit">${msg('feedbackSend')}</button></div>
      </form>
    `;
  }

  private async send(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const ratings: Record<string, number> = {};
    for (const r of this.activity.ratings) {
      const checked = form.querySelector<HTMLInputElement>(`input[name="rating-${r.id}"]:checked`);
      if (checked) ratings[r.id] = Number(checked.value);
    }
    const comments: Record<string, string> = {};
    for (const c of this.activity.comments) {
      const text = (form.elements.namedItem(`comment-${c.id}`) as HTMLTextAreaElement).value;
      if (text.trim()) comments[c.id] = text;
    }
    this.error = '';
    try {
      await this.live.send('PUT', `/feedback/${this.slide}/mine`, { ratings, comments });
      this.sent = true;
      window.scrollTo({ top: 0, behavior: 'smooth' });
    } catch (error) {
      this.error = errorMessage(error);
    }
  }
}

customElements.define('pd-feedback-form', PdFeedbackForm);

declare global {
  interface HTMLElementTagNameMap {
    'pd-feedback-form': PdFeedbackForm;
  }
}
