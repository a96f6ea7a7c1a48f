import { css, html } from 'lit';
import { bodyOf } from '../shared/live/api-client.js';
import { StaffSlideElement } from '../shared/staff-element.js';
import { staffStyles } from '../shared/staff-styles.js';
import { staffMsg } from '../shared/staff-messages.js';

/**
 * Block Party on the deck and in the notes view: the rounds ("find the person closest to
 * you", "find a new partner"), then the birthday line-up and the groups it makes. With
 * `manage` (the notes view) each person can be moved to another group.
 */
export class PdBlockPartyLive extends StaffSlideElement {
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
        color: var(--pd-primary-strong);
      }
      .groups {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(9em, 1fr));
        gap: 0.4rem;
        margin-top: 0.4rem;
      }
      .group {
        border: 2px solid var(--pd-primary);
        border-radius: 8px;
        padding: 0.3em 0.5em;
        background: var(--pd-primary-tint);
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

  static override properties = { manage: { type: Boolean } };
  /** The notes view: each person can be moved to another group. */
  declare manage: boolean;

  constructor() {
    super();
    this.manage = false;
  }

  override render() {
    const live = this.live;
    const activity = this.activity;
    if (!live || activity?.kind !== 'block-party') return null;
    const round = live.part('rounds')?.[this.slide] ?? 0;
    const rounds = activity.rounds;
    const lineup = live.part('lineup');
    const total = live.part('roster')?.total ?? 0;
    const ours = lineup && lineup.slide === this.slide ? lineup : null;
    const param = { code: live.code, slide: String(this.slide) };
    const write = (request: () => Promise<unknown>) => this.writes.run(request);
    const startRound = () => bodyOf(live.api['block-party'][':slide'].rounds.$post({ param, json: {} }));
    const openLineup = () => bodyOf(live.api.lineup.slides[':slide'].open.$post({ param }));
    const makeGroups = () => bodyOf(live.api.lineup.slides[':slide'].groups.$post({ param }));
    const regroup = () => bodyOf(live.api.lineup.regroup.$post({ param: { code: live.code } }));
    const move = (participantId: string, group: number) => bodyOf(live.api.lineup.members[':participantId'].$put({ param: { code: live.code, participantId }, json: { group } }));
    return html`
      <div class="row">
        ${round > 0 ? html`<span class="round" role="status">${staffMsg('roundIs', { n: round, prompt: rounds[Math.min(round, rounds.length) - 1] })}</span>` : null}
        <button class="primary" @click=${() => write(startRound)}>${staffMsg('startRound', { n: round + 1 })}</button>
        ${!ours ? html`<button @click=${() => write(openLineup)}>${staffMsg('startLineup')}</button>` : null}
      </div>
      ${ours && !ours.groups
        ? html`<div class="row">
            <span role="status">${staffMsg('lineupAnswered', { answered: ours.answered, n: total })}</span>
            <button class="primary" @click=${() => write(makeGroups)}>${staffMsg('makeGroups')}</button>
          </div>`
        : null}
      ${this.writes.alert()}
      ${ours?.groups
        ? html`<div class="row">
              <span role="status">${staffMsg('groupCount', { n: ours.groups.length })}</span>
              <button @click=${() => write(regroup)}>${staffMsg('regroup')}</button>
              ${this.manage ? html`<button @click=${() => confirm(staffMsg('newLineupConfirm')) && write(openLineup)}>${staffMsg('newLineup')}</button>` : null}
            </div>
            <div class="groups" aria-label=${staffMsg('groups')}>
              ${ours.groups.map(
                (g) => html`<section class="group" aria-label=${staffMsg('groupNumber', { n: g.number })}>
                  <h4>${staffMsg('groupNumber', { n: g.number })}</h4>
                  <ul>
                    ${g.members.map(
                      (m) => html`<li>
                        ${m.name || staffMsg('guest')}
                        ${this.manage
                          ? html`<select aria-label=${staffMsg('moveToGroup', { name: m.name || staffMsg('guest') })} @change=${(e: Event) => write(() => move(m.id, Number((e.target as HTMLSelectElement).value)))}>
                              ${[...ours.groups!.map((x) => x.number), ours.groups!.length + 1].map(
                                (n) => html`<option value=${n} ?selected=${n === g.number}>${n > ours.groups!.length ? staffMsg('newGroupOption') : staffMsg('groupOption', { n })}</option>`,
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
