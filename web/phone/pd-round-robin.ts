import { css, html } from 'lit';
import { ClockController } from '../shared/clock-controller.js';
import { bodyOf } from '../shared/live/api-client.js';
import { currentTurn, currentTurnStartedAt } from '../shared/round-robin-turn.js';
import { serverNow, syncServerClock } from '../shared/server-clock.js';
import { msg } from './messages.js';
import { PhoneActivityElement, type ActivityScreen } from './phone-element.js';
import { phoneStyles } from './phone-styles.js';
import '../shared/pd-countdown.js';
import './pd-my-group.js';

type Screen = ActivityScreen<'round-robin'>;

/**
 * The small-group round robin on the phone: the group's members in turn order, whose
 * turn it is with the turn's countdown, a "next turn" button, and the group's shared
 * ideas, written by one recorder and seen by the whole group.
 */
export class PdRoundRobin extends PhoneActivityElement<'round-robin'> {
  static override styles = [
    phoneStyles,
    css`
      ol {
        padding-left: 1.6rem;
      }
      li.now {
        font-weight: 800;
        color: var(--pd-primary);
      }
      .turn {
        display: flex;
        justify-content: space-between;
        align-items: center;
        background: var(--pd-primary-tint);
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

  static override properties = { saved: { state: true }, confirming: { state: true } };

  protected readonly kinds = ['round-robin'] as const;
  declare private saved: boolean;
  /** The person asked to take over as recorder and has not answered yet. */
  declare private confirming: boolean;
  /** Whether this phone was its group's recorder at the last render: to tell them when someone takes over. */
  private wasRecorder = false;
  private replacedBy = '';
  /** A turn runs out by itself: look at the clock every second. */
  private readonly clock = new ClockController(this, 1000);

  constructor() {
    super();
    this.saved = false;
    this.confirming = false;
  }

  protected override renderScreen(screen: Screen) {
    const { live, slide } = screen;
    const move = this.move('round-robin');
    const group = live.part('myMoves')?.group;
    if (!move) return null;
    if (!group) return move.grouped ? html`<pd-my-group .group=${null}></pd-my-group>` : html`<p>${msg('waitForGroups')}</p>`;
    syncServerClock(live.code);
    const robin = group.roundRobins[slide];
    const members = group.members;
    const now = serverNow();
    const turn = robin ? currentTurn(robin.turn, robin.turnStartedAt, robin.turnMs, members.length, now) : -1;
    const turnEnds = robin ? currentTurnStartedAt(robin.turn, robin.turnStartedAt, robin.turnMs, members.length, now) + robin.turnMs : 0;
    const amRecorder = robin ? members[robin.recorder]?.me === true : false;
    const recorderName = robin && members[robin.recorder] ? members[robin.recorder].name || msg('guest') : '';
    if (robin) {
      if (this.wasRecorder && !amRecorder) this.replacedBy = recorderName;
      if (amRecorder) this.replacedBy = '';
      this.wasRecorder = amRecorder;
    }
    return html`
      <h1>${msg('groupNumber', { n: group.number })}</h1>
      <p class="prompt" lang=${this.deckLang(screen)}>${screen.activity.prompt}</p>
      ${!robin
        ? html`<p role="status">${msg('rrNotStarted')}</p>`
        : html`
            <div class="turn" role="status">
              <span>${turn >= members.length ? msg('rrEveryone') : members[turn].me ? msg('rrYourTurn') : msg('rrTurnOf', { name: members[turn].name || msg('guest') })}</span>
              ${turn < members.length
                ? html`<pd-countdown .timer=${{ running: true, endsAt: turnEnds, remainingMs: 0, ended: false }} label=${msg('timeLeft')} done-text=${msg('timeUp')}></pd-countdown>`
                : null}
            </div>
            ${turn < members.length && members[turn].me ? html`<div class="row"><button @click=${() => this.pass(screen, turn)}>${msg('rrNext')}</button></div>` : null}
          `}
      <h2 style="margin-top:1.25rem">${msg('rrOrder')}</h2>
      <ol aria-label=${msg('rrOrder')}>
        ${members.map((m, i) => html`<li class=${i === turn ? 'now' : ''} aria-current=${i === turn ? 'step' : 'false'}>${m.name || msg('guest')}${m.me ? ` (${msg('you')})` : ''}</li>`)}
      </ol>
      ${robin ? this.renderNotes(screen, robin.notes, amRecorder, recorderName) : null}
      ${this.writes.alert()}
    `;
  }

  private renderNotes(screen: Screen, notes: string, amRecorder: boolean, recorderName: string) {
    if (amRecorder) {
      return html`<form @submit=${(e: SubmitEvent) => this.saveNotes(e, screen)}>
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
      ${this.replacedBy ? html`<p class="status" role="status">${msg('rrTookOver', { name: this.replacedBy })}</p>` : null}
      <p class="hint">${msg('rrRecorderIs', { name: recorderName })}</p>
      ${notes ? html`<div class="card"><p class="text">${notes}</p></div>` : html`<p>${msg('rrNoNotes')}</p>`}
      ${this.confirming
        ? html`<div role="group" aria-label=${msg('rrBecomeRecorder')}>
            <p>${msg('rrConfirmTakeOver', { name: recorderName })}</p>
            <div class="row">
              <button @click=${() => this.becomeRecorder(screen)}>${msg('rrYesTakeOver')}</button>
              <button class="secondary" @click=${() => (this.confirming = false)}>${msg('cancel')}</button>
            </div>
          </div>`
        : html`<div class="row"><button class="secondary" @click=${() => (this.confirming = true)}>${msg('rrBecomeRecorder')}</button></div>`}`;
  }

  private pass({ live, slide }: Screen, from: number) {
    return this.writes.run(() => bodyOf(live.api['round-robin'][':slide'].turn.$post({ param: { code: live.code, slide: String(slide) }, json: { from } })));
  }

  private async becomeRecorder({ live, slide }: Screen) {
    await this.writes.run(() => bodyOf(live.api['round-robin'][':slide'].recorder.$put({ param: { code: live.code, slide: String(slide) } })));
    this.confirming = false;
  }

  private async saveNotes(event: SubmitEvent, { live, slide }: Screen) {
    event.preventDefault();
    const text = ((event.target as HTMLFormElement).elements.namedItem('notes') as HTMLTextAreaElement).value;
    const saved = await this.writes.run(() => bodyOf(live.api['round-robin'][':slide'].notes.$put({ param: { code: live.code, slide: String(slide) }, json: { text } })));
    if (saved) this.saved = true;
  }
}

customElements.define('pd-round-robin', PdRoundRobin);

declare global {
  interface HTMLElementTagNameMap {
    'pd-round-robin': PdRoundRobin;
  }
}
