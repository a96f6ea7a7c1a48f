import { css, html } from 'lit';
import { bodyOf } from '../shared/live/api-client.js';
import { msg } from './messages.js';
import { PhoneActivityElement, type ActivityScreen } from './phone-element.js';
import { phoneStyles } from './phone-styles.js';

type Screen = ActivityScreen<'poll'>;

/** A poll on the phone: one or several answers; the room's results once the facilitator reveals them. */
export class PdPoll extends PhoneActivityElement<'poll'> {
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
        border: 2px solid var(--pd-line);
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
        background: var(--pd-line-soft);
        border-radius: 4px;
        height: 0.8rem;
        margin: 0.2rem 0 0.6rem;
      }
      .bar div {
        background: var(--pd-primary);
        height: 100%;
        border-radius: 4px;
      }
    `,
  ];

  static override properties = { editing: { state: true } };

  protected readonly kinds = ['poll'] as const;
  declare private editing: boolean;

  constructor() {
    super();
    this.editing = false;
  }

  protected override renderScreen(screen: Screen) {
    const { live, activity, slide, open } = screen;
    const move = this.move('poll');
    const mine = live.part('myMoves')?.votes[slide];
    if (move?.revealed && move.counts) return this.renderResults(screen, move.counts, mine ?? []);
    if (mine && !this.editing) {
      return html`<h2 class="question" lang=${this.deckLang(screen)}>${activity.question}</h2>
        <p role="status">${msg('pollVoted')}</p>
        <ul>${activity.choices.filter((c) => mine.includes(c.id)).map((c) => html`<li>${c.label}</li>`)}</ul>
        ${open ? html`<div class="row"><button class="secondary" @click=${() => (this.editing = true)}>${msg('pollChange')}</button></div>` : null}`;
    }
    if (!open) return html`<h2 class="question" lang=${this.deckLang(screen)}>${activity.question}</h2><p>${msg('activityClosed')}</p>`;
    const type = activity.multiple ? 'checkbox' : 'radio';
    return html`<form @submit=${(e: SubmitEvent) => this.vote(e, screen)}>
      <fieldset>
        <legend lang=${this.deckLang(screen)}>${activity.question}</legend>
        <p class="hint">${activity.multiple ? msg('pollChooseMany') : msg('pollChooseOne')}</p>
        ${activity.choices.map(
          (c) => html`<label class="choice"><input type=${type} name="choice" value=${c.id} ?checked=${mine?.includes(c.id) ?? false} />${c.label}</label>`,
        )}
      </fieldset>
      ${this.writes.alert()}
      <div class="row"><button type="submit">${msg('pollVote')}</button></div>
    </form>`;
  }

  private renderResults(screen: Screen, counts: Record<string, number>, mine: string[]) {
    const { activity } = screen;
    const max = Math.max(1, ...Object.values(counts));
    return html`<h2 class="question" lang=${this.deckLang(screen)}>${activity.question}</h2>
      <h2>${msg('pollResults')}</h2>
      ${activity.choices.map(
        (c) => html`<div>
          <span>${c.label}${mine.includes(c.id) ? ` (${msg('you')})` : ''}: ${msg('pollVotes', { n: counts[c.id] ?? 0 })}</span>
          <div class="bar" aria-hidden="true"><div style=${`width:${((counts[c.id] ?? 0) / max) * 100}%`}></div></div>
        </div>`,
      )}`;
  }

  private async vote(event: SubmitEvent, { live, slide, activity }: Screen) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const choices = [...form.querySelectorAll<HTMLInputElement>('input[name=choice]:checked')].map((i) => i.value);
    if (choices.length === 0) {
      this.writes.say(activity.multiple ? msg('pollChooseMany') : msg('pollChooseOne'));
      return;
    }
    const voted = await this.writes.run(() => bodyOf(live.api.polls[':slide'].vote.$put({ param: { code: live.code, slide: String(slide) }, json: { choices } })));
    if (!voted) return;
    this.editing = false;
    void this.showResult(msg('saved'), 'h2');
  }
}

customElements.define('pd-poll', PdPoll);

declare global {
  interface HTMLElementTagNameMap {
    'pd-poll': PdPoll;
  }
}
