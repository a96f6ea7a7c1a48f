import { LitElement, css, html } from 'lit';
import type { LiveSession } from '../shared/live-session.js';
import type { MyMovesPart, RoundRobinMove } from '../shared/moves-types.js';
import { currentTurn, currentTurnStartedAt } from '../shared/round-robin-turn.js';
import { serverNow, syncServerClock } from '../shared/server-clock.js';
import { errorMessage } from './error-message.js';
import { msg } from './messages.js';
import { phoneStyles } from './phone-styles.js';
import '../shared/pd-countdown.js';
import './pd-my-group.js';
import { FollowLive } from './follow-live.js';

/**
 * The small-group round robin on the phone: the group's members in turn order, whose
 * turn it is with the turn's countdown, a "next turn" button, and the group's shared
 * ideas, written by one recorder and seen by the whole group.
 */
export class PdRoundRobin extends LitElement {
  static override styles = [
    phoneStyles,
    css`
      ol {
        padding-left: 1.6rem;
      }
      li.now {
        font-weight: 800;
        color: #1a4fa3;
      }
      .turn {
        display: flex;
        justify-content: space-between;
        align-items: center;
        background: #eef3fb;
        border-radius: 10px;
        padding: 0.5rem 0.8rem;
        font-size: 1.25rem;
        font-weight: 700;
      }
      pd-countdown {
        font-size: 1.5rem;
      }
    `,
  ];

  static override properties = {
    live: { attribute: false },
    slide: { type: Number },
    activity: { attribute: false },
    error: { state: true },
    saved: { state: true },
  };

  declare live: LiveSession;
  declare slide: number;
  declare activity: { prompt: string };
  declare private error: string;
  declare private saved: boolean;
  private tick: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    new FollowLive(this);
    this.error = '';
    this.saved = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A turn runs out by itself: look at the clock every second.
    this.tick = setInterval(() => this.requestUpdate(), 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.tick);
  }

  override render() {
    const move = this.live.part<RoundRobinMove | null>('move');
    const group = this.live.part<MyMovesPart>('myMoves')?.group;
    if (!move) return null;
    if (!group) return move.grouped ? html`<pd-my-group .live=${this.live} .group=${null}></pd-my-group>` : html`<p>${msg('waitForGroups')}</p>`;
    syncServerClock(this.live.code);
    const robin = group.roundRobins[this.slide];
    const members = group.members;
    const now = serverNow();
    const turn = robin ? currentTurn(robin.turn, robin.turnStartedAt, robin.turnMs, members.length, now) : -1;
    const turnEnds = robin ? currentTurnStartedAt(robin.turn, robin.turnStartedAt, robin.turnMs, members.length, now) + robin.turnMs : 0;
    const amRecorder = robin ? members[robin.recorder]?.me === true : false;
    const recorderName = robin && members[robin.recorder] ? members[robin.recorder].name || msg('guest') : '';
    return html`
      <h1>${msg('groupNumber', { n: group.number })}</h1>
      <p class="prompt">${this.activity.prompt}</p>
      ${!robin
        ? html`<p role="status">${msg('rrNotStarted')}</p>`
        : html`
            <div class="turn" role="status">
              <span>${turn >= members.length ? msg('rrEveryone') : members[turn].me ? msg('rrYourTurn') : msg('rrTurnOf', { name: members[turn].name || msg('guest') })}</span>
              ${turn < members.length
                ? html`<pd-countdown .timer=${{ running: true, endsAt: turnEnds, remainingMs: 0, ended: false }} label=${msg('timeLeft')} done-text=${msg('timeUp')}></pd-countdown>`
                : null}
            </div>
            ${turn < members.length ? html`<div class="row"><button @click=${() => this.pass(turn)}>${msg('rrNext')}</button></div>` : null}
          `}
      <h2 style="margin-top:1.25rem">${msg('rrOrder')}</h2>
      <ol aria-label=${msg('rrOrder')}>
        ${members.map((m, i) => html`<li class=${i === turn ? 'now' : ''} aria-current=${i === turn ? 'step' : 'false'}>${m.name || msg('guest')}${m.me ? ` (${msg('you')})` : ''}</li>`)}
      </ol>
      ${robin ? this.renderNotes(robin.notes, amRecorder, recorderName) : null}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
    `;
  }

  private renderNotes(notes: string, amRecorder: boolean, recorderName: string) {
    if (amRecorder) {
      return html`<form @submit=${this.saveNotes}>
        <label for="notes">${msg('rrNotesLabel')}</label>
        <p class="hint">${msg('rrYouRecord')}</p>
        <textarea id="notes" name="notes" maxlength="2000" .value=${notes} @input=${() => (this.saved = false)}></textarea>
        <div class="row">
          <button type="submit">${msg('save')}</button>
          ${this.saved ? html`<span role="status">${msg('saved')}</span>` : null}
        </div>
      </form>`;
    }
    return html`<h2 style="margin-top:1.25rem">${msg('rrNotesLabel')}</h2>
      <p class="hint">${msg('rrRecorderIs', { name: recorderName })}</p>
      ${notes ? html`<div class="card"><p class="text">${notes}</p></div>` : html`<p>${msg('rrNoNotes')}</p>`}
      <div class="row"><button class="secondary" @click=${this.becomeRecorder}>${msg('rrBecomeRecorder')}</button></div>`;
  }

  private async pass(from: number) {
    this.error = '';
    try {
      await this.live.send('POST', `/round-robin/${this.slide}/turn`, { from });
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  private async becomeRecorder() {
    this.error = '';
    try {
      await this.live.send('PUT', `/round-robin/${this.slide}/recorder`);
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  private async saveNotes(event: SubmitEvent) {
    event.preventDefault();
    const text = ((event.target as HTMLFormElement).elements.namedItem('notes') as HTMLTextAreaElement).value;
    this.error = '';
    try {
      await this.live.send('PUT', `/round-robin/${this.slide}/notes`, { text });
      this.saved = true;
    } catch (error) {
      this.error = errorMessage(error);
    }
  }
}

customElements.define('pd-round-robin', PdRoundRobin);

declare global {
  interface HTMLElementTagNameMap {
    'pd-round-robin': PdRoundRobin;
  }
}
