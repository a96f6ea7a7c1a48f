import { css, html } from 'lit';
import { LanguageController } from '../shared/i18n/page-catalog.js';
import { bodyOf } from '../shared/live/api-client.js';
import { protocolCatalog, protocolMsg, type ProtocolMessageKey } from '../shared/protocol-messages.js';
import { roomWordsStyles } from '../shared/room-words.js';
import { StaffSlideElement } from '../shared/staff-element.js';
import { staffStyles } from '../shared/staff-styles.js';
import { inLanguage } from '../shared/text-in-language.js';

/**
 * The share-out on the projector: one group at a time, its standards and the activities it
 * agreed on, large enough to read from the back of the room. The facilitator steps through
 * the groups (here or on the notes view); phones show the same group.
 */
export class PdShareOutLive extends StaffSlideElement {
  /** Re-renders in the language the protocol's words are read in. */
  private readonly protocolLanguage = new LanguageController(this, protocolCatalog);
  static override styles = [
    staffStyles,
    roomWordsStyles,
    css`
      :host {
        display: block;
        font-family: system-ui, sans-serif;
        font-size: var(--pd-live-size, 0.75em);
        text-align: left;
      }
      .activities {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(14em, 1fr));
        gap: 0.6em;
      }
      article {
        background: var(--pd-card-strong);
        border: 1px solid var(--pd-card-line);
        border-left: 0.4em solid var(--pd-primary);
        border-radius: 6px;
        padding: 0.4em 0.7em;
      }
      h3 {
        margin: 0;
        font-size: 1.15em;
        text-transform: uppercase;
        color: var(--pd-ink-soft);
      }
      .activity {
        font-size: 1.35em;
        font-weight: 600;
        margin: 0.2em 0;
      }
      /* The standards, each partner's part and "group 1 of 3" are read from the back row too. */
      .meta {
        color: var(--pd-ink-soft);
        font-size: 1.15em;
      }
      nav {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        align-items: center;
        font-size: 1.15em;
      }
      nav .meta {
        font-size: 1em;
      }
      nav strong {
        font-size: 1.3em;
      }
    `,
  ];

  private t(key: ProtocolMessageKey, values?: Record<string, string | number>) {
    return protocolMsg(key, values);
  }

  /** A protocol text the room reads: in each of a two-language projector's languages. */
  private sayP(key: ProtocolMessageKey, values?: Record<string, string | number>, layout: 'lines' | 'inline' = 'inline') {
    return this.sayOf(protocolCatalog, key, values, layout);
  }

  override render() {
    const live = this.live;
    const work = live?.part('groupWork');
    if (!live || !work) return null;
    const sharing = work.groups.filter((g) => g.clusters.some((c) => c.agreed));
    if (sharing.length === 0) return html`<p>${this.sayP('shareNone', undefined, 'lines')}</p>`;
    const index = Math.max(0, sharing.findIndex((g) => g.id === work.sharing[this.slide]));
    const group = sharing[index];
    const items = Object.values(live.part('preparation')?.fields ?? {}).flatMap((f) => (f.kind === 'standards' ? f.items : []));
    const show = (i: number) => bodyOf(live.api.groups.shareout[':slide'].$put({ param: { code: live.code, slide: String(this.slide) }, json: { groupId: sharing[i].id } }));
    return html`
      <nav aria-label=${this.t('shareOf', { i: index + 1, count: sharing.length })}>
        <strong role="status">${this.sayP('group', { n: group.number })}</strong>
        <span class="meta">${this.sayP('shareOf', { i: index + 1, count: sharing.length })}</span>
        <button ?disabled=${index === 0} @click=${() => this.writes.run(() => show(index - 1))}>${this.t('previous')}</button>
        <button class="primary" ?disabled=${index === sharing.length - 1} @click=${() => this.writes.run(() => show(index + 1))}>${this.t('next')}</button>
      </nav>
      ${this.writes.alert()}
      <p class="meta">
        ${this.say(({ lang, deck }) =>
          group.standardIds
            .map((id) => items.find((s) => s.id === id))
            .filter((s) => s !== undefined)
            .map((s) => [s.code, inLanguage(s.text, deck?.lang ?? lang)].filter(Boolean).join(' '))
            .join(' · '),
        )}
      </p>
      <div class="activities">
        ${group.clusters
          .filter((c) => c.agreed)
          .map(
            (c) => html`<article>
              <h3>${c.name}</h3>
              <p class="activity">${c.activity}</p>
              ${c.partnerRoles ? html`<p class="meta">${this.sayP('partnerRoles')}: ${c.partnerRoles}</p>` : null}
            </article>`,
          )}
      </div>
    `;
  }
}

customElements.define('pd-share-out-live', PdShareOutLive);

declare global {
  interface HTMLElementTagNameMap {
    'pd-share-out-live': PdShareOutLive;
  }
}
