import { css, html } from 'lit';
import { bodyOf } from '../shared/live/api-client.js';
import { StaffSlideElement } from '../shared/staff-element.js';
import { staffMsg } from '../shared/staff-messages.js';
import { roomWordsStyles } from '../shared/room-words.js';
import { staffStyles } from '../shared/staff-styles.js';
import { leadControlStyles } from './lead-controls.js';

/** A poll on the deck: how many have voted, then live bars once the facilitator reveals them. */
export class PdPollLive extends StaffSlideElement {
  static override styles = [
    staffStyles,
    leadControlStyles,
    roomWordsStyles,
    css`
      :host {
        display: block;
        font-family: system-ui, sans-serif;
        /* The notes view sets --pd-live-size for its smaller type. */
        font-size: var(--pd-live-size, 0.9em);
      }
      .bars {
        display: grid;
        grid-template-columns: minmax(8em, max-content) 1fr 2.5em;
        gap: 0.25em 0.6em;
        align-items: center;
        margin-top: 0.3em;
      }
      .track {
        background: var(--pd-line-soft);
        border-radius: 4px;
        height: 1.1em;
      }
      .fill {
        background: var(--pd-primary);
        height: 100%;
        border-radius: 4px;
        transition: width 0.4s;
      }
      .fill.correct {
        background: var(--pd-success);
      }
      .count {
        font-variant-numeric: tabular-nums;
        text-align: right;
        font-weight: 700;
      }
    `,
  ];

  override render() {
    const live = this.live;
    const activity = this.activity;
    const poll = live?.part('polls')?.[this.slide];
    if (!live || activity?.kind !== 'poll') return null;
    // A poll the deck opens by hand waits, closed, for the facilitator (after the talk before it).
    const closed = live.part('session')?.closedSlides.includes(this.slide) ?? false;
    const open = () => bodyOf(live.api.activities[':slide'].$put({ param: { code: live.code, slide: String(this.slide) }, json: { open: true } }));
    if (closed && !poll?.voters) {
      return html`<p role="status">${this.say(({ t }) => t('pollNotOpen'))}</p>
        <div class="lead-controls">
          <button class="primary" @click=${() => this.writes.run(open)}>${staffMsg('openPoll')}</button>
          ${this.writes.alert()}
        </div>`;
    }
    if (!poll) return null;
    const reveal = () =>
      bodyOf(live.api.polls[':slide'].reveal.$put({ param: { code: live.code, slide: String(this.slide) }, json: { revealed: !poll.revealed } }));
    const max = Math.max(1, ...Object.values(poll.counts));
    return html`
      <p role="status">${this.say(({ t }) => t('votersCount', { n: poll.voters }))}</p>
      ${
        poll.revealed
          ? html`<div class="bars" role="list" aria-label=${staffMsg('pollResults')}>
              ${activity.choices.map((c) => {
                const n = poll.counts[c.id] ?? 0;
                // The choice as each deck words it (the same choice, by id, in every language).
                const choice = this.say(({ deck }) => {
                  const inDeck = deck?.slides[this.slide - 1]?.activity;
                  const label = (inDeck?.kind === 'poll' ? inDeck.choices.find((x) => x.id === c.id)?.label : undefined) ?? c.label;
                  return `${label}${c.correct ? ' ✓' : ''}`;
                });
                return html`<span role="listitem">${choice}</span>
                  <div class="track" aria-hidden="true"><div class="fill ${c.correct ? 'correct' : ''}" style=${`width:${(n / max) * 100}%`}></div></div>
                  <span class="count" aria-label=${`${c.label}: ${staffMsg('voteCount', { n })}`}>${n}</span>`;
              })}
            </div>`
          : null
      }
      <div class="lead-controls">
        <button class=${poll.revealed ? '' : 'primary'} @click=${() => this.writes.run(reveal)}>
          ${staffMsg(poll.revealed ? 'hideResults' : 'revealResults')}
        </button>
        ${this.writes.alert()}
      </div>
    `;
  }
}

customElements.define('pd-poll-live', PdPollLive);

declare global {
  interface HTMLElementTagNameMap {
    'pd-poll-live': PdPollLive;
  }
}
