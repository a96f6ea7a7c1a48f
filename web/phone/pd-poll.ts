import { LitElement, css, html } from 'lit';
import type { LiveSession } from '../shared/live-session.js';
import type { MyMovesPart, PollMove } from '../shared/moves-types.js';
import { errorMessage } from './error-message.js';
import { msg } from './messages.js';
import { phoneStyles } from './phone-styles.js';
import { FollowLive } from './follow-live.js';

interface PollActivity {
  question: string;
  multiple: boolean;
  choices: { id: string; label: string }[];
}

/** A poll on the phone: one or several answers; the room's results once the facilitator reveals them. */
export class PdPoll extends LitElement {
  static override styles = [
    phoneStyles,
    css`
      fieldset {
        border: 0;
        padding: 0;
        margin: 0;
      }
      legend,
      .question {
        font-size: 1.3rem;
        font-weight: 700;
        margin-bottom: 0.5rem;
      }
      .choice {
        display: flex;
        gap: 0.7rem;
        align-items: center;
        font-weight: 400;
        border: 2px solid #c9d1da;
        border-radius: 10px;
        padding: 0.6rem 0.8rem;
        margin: 0.5rem 0;
      }
      .choice input {
        width: 1.4rem;
        height: 1.4rem;
        flex: none;
      }
      .bar {
        background: #e5e7eb;
        border-radius: 4px;
        height: 0.8rem;
        margin: 0.2rem 0 0.6rem;
      }
      .bar div {
        background: #1a4fa3;
        height: 100%;
        border-radius: 4px;
      }
    `,
  ];

  static override properties = {
    live: { attribute: false },
    slide: { type: Number },
    activity: { attribute: false },
    open: { type: Boolean },
    editing: { state: true },
    error: { state: true },
  };

  declare live: LiveSession;
  declare slide: number;
  declare activity: PollActivity;
  declare open: boolean;
  declare private editing: boolean;
  declare private error: string;

  constructor() {
    super();
    new FollowLive(this);
    this.editing = false;
    this.error = '';
    this.open = true;
  }

  override render() {
    const move = this.live.part<PollMove | null>('move');
    const mine = this.live.part<MyMovesPart>('myMoves')?.votes[this.slide];
    if (move?.revealed && move.counts) return this.renderResults(move.counts, mine ?? []);
    if (mine && !this.editing) {
      return html`<h2 class="question">${this.activity.question}</h2>
        <p role="status">${msg('pollVoted')}</p>
        <ul>${this.activity.choices.filter((c) => mine.includes(c.id)).map((c) => html`<li>${c.label}</li>`)}</ul>
        ${this.open ? html`<div class="row"><button class="secondary" @click=${() => (this.editing = true)}>${msg('pollChange')}</button></div>` : null}`;
    }
    if (!this.open) return html`<h2 class="question">${this.activity.question}</h2><p>${msg('activityClosed')}</p>`;
    const type = this.activity.multiple ? 'checkbox' : 'radio';
    return html`<form @submit=${this.vote}>
      <fieldset>
        <legend>${this.activity.question}</legend>
        <p class="hint">${this.activity.multiple ? msg('pollChooseMany') : msg('pollChooseOne')}</p>
        ${this.activity.choices.map(
          (c) => html`<label class="choice"><input type=${type} name="choice" value=${c.id} ?checked=${mine?.includes(c.id) ?? false} />${c.label}</label>`,
        )}
      </fieldset>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
      <div class="row"><button type="submit">${msg('pollVote')}</button></div>
    </form>`;
  }

  private renderResults(counts: Record<string, number>, mine: string[]) {
    const max = Math.max(1, ...Object.values(counts));
    return html`<h2 class="question">${this.activity.question}</h2>
      <h2>${msg('pollResults')}</h2>
      ${this.activity.choices.map(
        (c) => html`<div>
          <span>${c.label}${mine.includes(c.id) ? ` (${msg('you')})` : ''}: ${(counts[c.id] ?? 0) === 1 ? msg('pollVoteOne') : msg('pollVotes', { n: counts[c.id] ?? 0 })}</span>
          <div class="bar" aria-hidden="true"><div style=${`width:${((counts[c.id] ?? 0) / max) * 100}%`}></div></div>
        </div>`,
      )}`;
  }

  private async vote(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const choices = [...form.querySelectorAll<HTMLInputElement>('input[name=choice]:checked')].map((i) => i.value);
    if (choices.length === 0) {
      this.error = this.activity.multiple ? msg('pollChooseMany') : msg('pollChooseOne');
      return;
    }
    this.error = '';
    try {
      await this.live.send('PUT', `/polls/${this.slide}/vote`, { choices });
      this.editing = false;
    } catch (error) {
      this.error = errorMessage(error);
    }
  }
}

customElements.define('pd-poll', PdPoll);

declare global {
  interface HTMLElementTagNameMap {
    'pd-poll': PdPoll;
  }
}
