import { css, html } from 'lit';
import { LanguageController } from '../shared/i18n/page-catalog.js';
import { repeat } from 'lit/directives/repeat.js';
import type { StaffWorkGroup } from '../../server/contract/parts.js';
import { bodyOf } from '../shared/live/api-client.js';
import { protocolCatalog, protocolMsg, type ProtocolMessageKey } from '../shared/protocol-messages.js';
import { StaffSlideElement } from '../shared/staff-element.js';
import { staffMsg } from '../shared/staff-messages.js';
import { staffStyles } from '../shared/staff-styles.js';
import { pagesStyles } from './pd-pages.js';
import './pd-pages.js';

/**
 * The process protocol's small groups on the projector: each group's members (first names,
 * staff or partner), the standards it picked and how far its board has got (notes,
 * clusters, agreed activities). With `manage` (the notes view) it also proposes the mixed
 * groups and moves people between them.
 */
export class PdGroupsLive extends StaffSlideElement {
  /** Re-renders in the language the protocol's words are read in. */
  private readonly protocolLanguage = new LanguageController(this, protocolCatalog);
  static override properties = { ...StaffSlideElement.properties, manage: { type: Boolean } };
  /** Show the facilitator's controls (propose, move). */
  declare manage: boolean;

  static override styles = [
    staffStyles,
    pagesStyles,
    css`
      :host {
        display: block;
        font-family: system-ui, sans-serif;
        font-size: var(--pd-live-size, 0.5em);
      }
      /* On the projector every word is at room size (deck.css); groups that do not fit the slide follow on the next page. */
      :host([projected]) {
        display: flex;
        flex-direction: column;
        min-height: 0;
        font-size: 0.85em;
      }
      :host([projected]) .meta {
        font-size: 1em;
      }
      pd-pages {
        flex: 1;
        --pd-page-gap: 0.6em;
        --pd-page-columns: 12em;
      }
      .group-item {
        display: grid;
        min-width: 0;
      }
      .groups {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(13em, 1fr));
        gap: 0.6em;
        margin-top: 0.4em;
      }
      article {
        background: var(--pd-card-strong);
        border: 1px solid var(--pd-card-line);
        border-radius: 6px;
        padding: 0.4em 0.6em;
        text-align: left;
      }
      h3 {
        margin: 0 0 0.2em;
        font-size: 1.1em;
      }
      ul {
        margin: 0;
        padding-left: 1.1em;
      }
      .meta {
        color: var(--pd-ink-soft);
        font-size: 0.9em;
      }
      .partner {
        font-weight: 600;
      }
      select {
        font: inherit;
        font-size: 0.85em;
      }
    `,
  ];

  constructor() {
    super();
    this.manage = false;
  }

  private t(key: ProtocolMessageKey, values?: Record<string, string | number>) {
    return protocolMsg(key, values);
  }

  /** A protocol text the room reads: in each of a two-language projector's languages (the notes view: its reader's). */
  private sayP(key: ProtocolMessageKey, values?: Record<string, string | number>, layout: 'lines' | 'inline' = 'inline') {
    return this.sayOf(protocolCatalog, key, values, layout);
  }

  override render() {
    const live = this.live;
    const work = live?.part('groupWork');
    if (!live || !work) return null;
    return html`
      ${this.manage ? this.renderControls(work.groups.length > 0) : null} ${this.writes.alert()}
      ${work.groups.length === 0 ? html`<p>${this.sayP('groupsNone', undefined, 'lines')}</p>` : null}
      ${
        this.projected
          ? html`<pd-pages
              layout="grid"
              label=${staffMsg('groups')}
              .items=${work.groups.map((g) => html`<div role="listitem" class="group-item">${this.renderGroup(g, work.groups)}</div>`)}
            ></pd-pages>`
          : html`<div class="groups">
              ${repeat(
                work.groups,
                (g) => g.id,
                (g) => this.renderGroup(g, work.groups),
              )}
            </div>`
      }
      ${
        work.ungrouped.length
          ? html`<p class="meta">
              ${this.sayP('ungrouped')}:
              ${repeat(
                work.ungrouped,
                (m) => m.id,
                (m) => html`${m.name || this.sayP('guest')}${this.manage ? this.renderMove(null, m, work.groups) : null} `,
              )}
            </p>`
          : null
      }
    `;
  }

  /** One group: its members and their side, its standards and how far its board has got. */
  private renderGroup(g: StaffWorkGroup, groups: StaffWorkGroup[]) {
    const items = Object.values(this.live?.part('preparation')?.fields ?? {}).flatMap((f) => (f.kind === 'standards' ? f.items : []));
    const codeOf = (id: string, lang: string) => items.find((s) => s.id === id)?.code ?? items.find((s) => s.id === id)?.text[lang] ?? id;
    return html`<article aria-label=${this.t('group', { n: g.number })}>
      <h3>${this.sayP('group', { n: g.number })}</h3>
      <ul>
        ${repeat(
          g.members,
          (m) => m.id,
          // Keyed: when someone moves, each remaining row keeps its own select, so a
          // choice made as the list changes still moves the person it is labelled with.
          (m) =>
            html`<li class=${m.side}>
              ${m.name || this.sayP('guest')}
              <span class="meta">${this.say(({ of }) => `(${of(protocolCatalog)(m.side)})`, 'inline')}</span
              >${this.manage ? this.renderMove(g, m, groups) : null}
            </li>`,
        )}
      </ul>
      <p class="meta">
        ${this.say(({ lang, deck, of }) => {
          const t = of(protocolCatalog);
          const picked = g.standardIds.length ? g.standardIds.map((id) => codeOf(id, deck?.lang ?? lang)).join(', ') : t('noStandards');
          return `${t('standardsPicked')}: ${picked}`;
        })}
      </p>
      <p class="meta">
        ${this.say(({ of }) => {
          const t = of(protocolCatalog);
          return `${t('notesCount', { n: g.notes.length })} · ${t('clustersCount', { n: g.clusters.length })} · ${t('agreedCount', { n: g.clusters.filter((c) => c.agreed).length })}`;
        })}
      </p>
    </article>`;
  }

  private renderControls(made: boolean) {
    const live = this.live!;
    const propose = () => bodyOf(live.api.groups.slides[':slide'].propose.$post({ param: { code: live.code, slide: String(this.slide) } }));
    return html`<p>
      <button class="primary" @click=${() => this.writes.run(propose)}>${made ? this.t('proposeAgain') : this.t('propose')}</button>
      <span class="meta">${this.t('proposeHint')}</span>
    </p>`;
  }

  private renderMove(current: StaffWorkGroup | null, member: { id: string; name: string }, groups: StaffWorkGroup[]) {
    const live = this.live!;
    const move = (groupId: string) =>
      bodyOf(live.api.groups.members[':participantId'].$put({ param: { code: live.code, participantId: member.id }, json: { groupId } }));
    return html` <select
      aria-label=${this.t('moveTo', { name: member.name || this.t('guest') })}
      @change=${(e: Event) => this.writes.run(() => move((e.target as HTMLSelectElement).value))}
    >
      ${current ? null : html`<option value="" selected>—</option>`}
      ${groups.map((g) => html`<option value=${g.id} ?selected=${g.id === current?.id}>${this.t('group', { n: g.number })}</option>`)}
    </select>`;
  }
}

customElements.define('pd-groups-live', PdGroupsLive);

declare global {
  interface HTMLElementTagNameMap {
    'pd-groups-live': PdGroupsLive;
  }
}
