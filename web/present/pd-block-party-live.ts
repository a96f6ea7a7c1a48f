import { LitElement, css, html } from 'lit';
import { currentDeck, currentSession } from '../shared/current-session.js';
import { LiveController } from '../shared/live-controller.js';
import type { StaffLineupPart } from '../shared/moves-types.js';
import type { RosterPart } from '../shared/view-types.js';
import { staffStyles } from '../shared/staff-styles.js';

/**
 * Block Party on the deck and in the notes view: the rounds ("find the person closest to
 * you", "find a new partner"), then the birthday line-up and the groups it makes. With
 * `manage` (the notes view) each person can be moved to another group.
 */
export class PdBlockPartyLive extends LitElement {
  static override styles = [
    staffStyles,
    css`
      :host {
        display: block;
        font-family: system-ui, sans-serif;
        /* The deck's size by default; the notes view sets --pd-live-size for its smaller type. */
        font-size: var(--pd-live-size, 0.72em);
      }
      .row {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        flex-wrap: wrap;
        margin: 0.3rem 0;
      }
      .round {
        font-size: 1.4em;
        font-weight: 700;
        color: #12315f;
      }
      .groups {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(9em, 1fr));
        gap: 0.4rem;
        margin-top: 0.4rem;
      }
      .group {
        border: 2px solid #1a4fa3;
        border-radius: 8px;
        padding: 0.3em 0.5em;
        background: #f3f7ff;
      }
      .group h4 {
        margin: 0 0 0.2em;
        font-size: 1.1em;
      }
      .group ul {
        margin: 0;
        padding: 0;
        list-style: none;
        font-size: 0.9em;
      }
      select {
        font: inherit;
        font-size: 0.8em;
      }
    `,
  ];

  static override properties = { slide: { type: Number }, manage: { type: Boolean } };
  declare slide: number;
  declare manage: boolean;

  constructor() {
    super();
    this.slide = 0;
    this.manage = false;
    new LiveController(this);
  }

  override render() {
    const live = currentSession();
    const activity = currentDeck()?.slides[this.slide - 1]?.activity as { rounds?: string[] } | null | undefined;
    if (!live || !activity) return null;
    const round = live.part<Record<string, number>>('rounds')?.[this.slide] ?? 0;
    const rounds = activity.rounds ?? [];
    const lineup = live.part<StaffLineupPart | null>('lineup');
    const total = live.part<RosterPart>('roster')?.total ?? 0;
    const ours = lineup && lineup.slide === this.slide ? lineup : null;
    const send = (method: 'POST' | 'PUT', path: string, body?: object) => live.send(method, path, body).catch(() => {});
    return html`
      <div class="row">
        ${round > 0 ? html`<span class="round" role="status">Round ${round}: ${rounds[Math.min(round, rounds.length) - 1]}</span>` : null}
        <button class="primary" @click=${() => send('POST', `/block-party/${this.slide}/rounds`, {})}>Start round ${round + 1}</button>
        ${!ours ? html`<button @click=${() => send('POST', `/lineup/slides/${this.slide}/open`)}>Start birthday line-up</button>` : null}
      </div>
      ${ours && !ours.groups
        ? html`<div class="row">
            <span role="status">Birthday line-up: ${ours.answered} of ${total} answered</span>
            <button class="primary" @click=${() => send('POST', `/lineup/slides/${this.slide}/groups`)}>Make groups</button>
          </div>`
        : null}
      ${ours?.groups
        ? html`<div class="row">
              <span role="status">${ours.groups.length} groups</span>
              <button @click=${() => send('POST', '/lineup/regroup')}>Regroup</button>
              ${this.manage ? html`<button @click=${() => confirm('Start the line-up again? The groups are set aside.') && send('POST', `/lineup/slides/${this.slide}/open`)}>New line-up</button>` : null}
            </div>
            <div class="groups" aria-label="Groups">
              ${ours.groups.map(
                (g) => html`<section class="group" aria-label=${`Group ${g.number}`}>
                  <h4>Group ${g.number}</h4>
                  <ul>
                    ${g.members.map(
                      (m) => html`<li>
                        ${m.name || 'Guest'}
                        ${this.manage
                          ? html`<select aria-label=${`Move ${m.name || 'Guest'} to group`} @change=${(e: Event) => send('PUT', `/lineup/members/${m.id}`, { group: Number((e.target as HTMLSelectElement).value) })}>
                              ${[...ours.groups!.map((x) => x.number), ours.groups!.length + 1].map(
                                (n) => html`<option value=${n} ?selected=${n === g.number}>${n > ours.groups!.length ? 'new group' : `group ${n}`}</option>`,
                              )}
                            </select>`
                          : null}
                      </li>`,
                    )}
                  </ul>
                </section>`,
              )}
            </div>`
        : null}
    `;
  }
}

customElements.define('pd-block-party-live', PdBlockPartyLive);

declare global {
  interface HTMLElementTagNameMap {
    'pd-block-party-live': PdBlockPartyLive;
  }
}
