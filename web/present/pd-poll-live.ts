import { css, html } from 'lit';
import { bodyOf } from '../shared/live/api-client.js';
import { StaffSlideElement } from '../shared/staff-element.js';
import { staffStyles } from '../shared/staff-styles.js';
import { staffMsg } from '../shared/staff-messages.js';

/** A poll on the deck: how many have voted, then live bars once the facilitator reveals them. */
export class PdPollLive extends StaffSlideElement {
  static override styles = [
    staffStyles,
    css`
      :host {
        display: block;
        font-family: system-ui, sans-serif;
        /* The deck's size by default; the notes view sets --pd-live-size for its smaller type. */
        font-size: var(--pd-live-size, 0.62em);
      }
      .bars {
        display: grid;
        grid-template-columns: minmax(8em, max-content) 1fr 3em;
        gap: 0.25em 0.6em;
        align-items: center;
        margin-top: 0.4em;
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
      }
    `,
  ];

  override render() {
    const live = this.live;
    const activity = this.activity;
    const poll = live?.part('polls')?.[this.slide];
    if (!live || activity?.kind !== 'poll' || !poll) return null;
    const reveal = () => bodyOf(live.api.polls[':slide'].reveal.$put({ param: { code: live.code, slide: String(this.slide) }, json: { revealed: !poll.revealed } }));
    const max = Math.max(1, ...Object.values(poll.counts));
    return html`
      <div>
        <span role="status">${staffMsg('votersCount', { n: poll.voters })}</span>
        <button class=${poll.revealed ? '' : 'primary'} @click=${() => this.writes.run(reveal)}>
          ${poll.revealed ? staffMsg('hideResults') : staffMsg('revealResults')}
        </button>
      </div>
      ${this.writes.alert()}
      ${poll.revealed
        ? html`<div class="bars" role="list" aria-label=${staffMsg('pollResults')}>
            ${activity.choices.map((c) => {
              const n = poll.counts[c.id] ?? 0;
              return html`<span role="listitem">${c.label}${c.correct ? ' ✓' : ''}</span>
                <div class="track" aria-hidden="true"><div class="fill ${c.correct ? 'correct' : ''}" style=${`width:${(n / max) * 100}%`}></div></div>
                <span class="count" aria-label=${`${c.label}: ${staffMsg('voteCount', { n })}`}>${n}</span>`;
            })}
          </div>`
        : null}
    `;
  }
}

customElements.define('pd-poll-live', PdPollLive);

declare global {
  interface HTMLElementTagNameMap {
    'pd-poll-live': PdPollLive;
  }
}
