import { css, html } from 'lit';
import { bodyOf } from '../shared/live/api-client.js';
import type { StaffDeck } from '../shared/session-context.js';
import { StaffSlideElement } from '../shared/staff-element.js';
import { staffMsg } from '../shared/staff-messages.js';
import { staffStyles } from '../shared/staff-styles.js';
import { leadControlStyles } from './lead-controls.js';
import { pagedGroupStyles, pagedSlideStyles } from './paged-slide-styles.js';
import './pd-pages.js';

/**
 * Block Party on the deck and in the notes view: the rounds ("find the person closest to
 * you", "find a new partner"), then the birthday line-up and the groups it makes (on the
 * projector a page of groups at a time). With `manage` (the notes view) each person can be
 * moved to another group.
 */
export class PdBlockPartyLive extends StaffSlideElement {
  static override styles = [
    staffStyles,
    pagedSlideStyles,
    pagedGroupStyles,
    leadControlStyles,
    css`
      :host {
        /* The notes view sets --pd-live-size for its smaller type. */
        font-size: var(--pd-live-size, 1em);
      }
      .row {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        flex-wrap: wrap;
        margin: 0.2em 0;
      }
      .round {
        font-size: 1.3em;
        font-weight: 700;
        color: var(--pd-primary-strong);
      }
      pd-pages {
        --pd-page-gap: 0.35em;
        --pd-page-columns: 8.5em;
      }
      .group {
        padding: 0.2em 0.45em;
      }
      .group ul {
        margin: 0;
        padding: 0;
        list-style: none;
        font-size: 0.9em;
        line-height: 1.2;
      }
      :host(:not([projected])) .group ul {
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
    const move = (participantId: string, group: number) =>
      bodyOf(live.api.lineup.members[':participantId'].$put({ param: { code: live.code, participantId }, json: { group } }));
    const groups = ours?.groups ?? null;
    return html`
      ${round > 0 && !groups ? html`<p class="row round" role="status">${this.say(({ deck, t }) => t('roundIs', { n: round, prompt: this.roundPrompt(deck, round) ?? rounds[Math.min(round, rounds.length) - 1] }))}</p>` : null}
      ${ours && !groups ? html`<p class="row" role="status">${this.say(({ t }) => t('lineupAnswered', { answered: ours.answered, n: total }))}</p>` : null}
      ${groups ? html`<p class="row" role="status">${this.say(({ t }) => t('groupCount', { n: groups.length }))}</p>` : null}
      ${
        groups
          ? html`<pd-pages
              layout="grid"
              label=${staffMsg('groups')}
              .items=${groups.map(
                (g) =>
                  html`<div role="listitem" class="group-item">
                    <section class="group" aria-label=${staffMsg('groupNumber', { n: g.number })}>
                      <h4>${this.say(({ t }) => t('groupNumber', { n: g.number }))}</h4>
                      <ul>
                        ${g.members.map(
                          (m) =>
                            html`<li>
                              ${m.name || this.say(({ t }) => t('guest'), 'inline')}
                              ${
                                this.manage
                                  ? html`<select
                                      aria-label=${staffMsg('moveToGroup', { name: m.name || staffMsg('guest') })}
                                      @change=${(e: Event) => write(() => move(m.id, Number((e.target as HTMLSelectElement).value)))}
                                    >
                                      ${[...groups.map((x) => x.number), groups.length + 1].map(
                                        (n) =>
                                          html`<option value=${n} ?selected=${n === g.number}>
                                            ${n > groups.length ? staffMsg('newGroupOption') : staffMsg('groupOption', { n })}
                                          </option>`,
                                      )}
                                    </select>`
                                  : null
                              }
                            </li>`,
                        )}
                      </ul>
                    </section>
                  </div>`,
              )}
            ></pd-pages>`
          : null
      }
      <div class="lead-controls">
        <button class="primary" @click=${() => write(startRound)}>${staffMsg('startRound', { n: round + 1 })}</button>
        ${!ours ? html`<button @click=${() => write(openLineup)}>${staffMsg('startLineup')}</button>` : null}
        ${ours && !groups ? html`<button class="primary" @click=${() => write(makeGroups)}>${staffMsg('makeGroups')}</button>` : null}
        ${groups ? html`<button @click=${() => write(regroup)}>${staffMsg('regroup')}</button>` : null}
        ${groups && this.manage ? html`<button @click=${() => confirm(staffMsg('newLineupConfirm')) && write(openLineup)}>${staffMsg('newLineup')}</button>` : null}
        ${this.writes.alert()}
      </div>
    `;
  }

  /** The round's prompt as a deck words it (Block Party's rounds, in that deck's language). */
  private roundPrompt(deck: StaffDeck | undefined, round: number): string | undefined {
    const activity = deck?.slides[this.slide - 1]?.activity;
    if (activity?.kind !== 'block-party') return undefined;
    return activity.rounds[Math.min(round, activity.rounds.length) - 1];
  }
}

customElements.define('pd-block-party-live', PdBlockPartyLive);

declare global {
  interface HTMLElementTagNameMap {
    'pd-block-party-live': PdBlockPartyLive;
  }
}
