import { css, html } from 'lit';
import { groupLabel } from '../shared/group-labels.js';
import { staffMsg } from '../shared/staff-messages.js';
import { bodyOf } from '../shared/live/api-client.js';
import { StaffElement } from '../shared/staff-element.js';
import { staffStyles } from '../shared/staff-styles.js';

/**
 * Incoming cards, newest first, for the support facilitator to moderate: hiding a card
 * takes it off the projector at once; showing it puts it back.
 */
export class PdCardModeration extends StaffElement {
  static override styles = [
    staffStyles,
    css`
      :host {
        display: block;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        border: 1px solid var(--pd-line);
        border-left: 5px solid var(--pd-card-line);
        border-radius: 6px;
        padding: 0.5rem 0.6rem;
        margin-bottom: 0.5rem;
        background: var(--pd-surface);
      }
      li.hidden {
        background: var(--pd-canvas);
        border-left-color: var(--pd-line);
      }
      li.hidden .text {
        color: var(--pd-ink-muted);
        text-decoration: line-through;
      }
      .text {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        margin: 0.2rem 0;
      }
      .meta {
        display: flex;
        justify-content: space-between;
        align-items: center;
        font-size: 0.8rem;
        color: var(--pd-ink-soft);
        gap: 0.5rem;
      }
      .empty {
        color: var(--pd-ink-muted);
      }
    `,
  ];

  override render() {
    const live = this.live;
    const cards = [...(live?.part('cards') ?? [])].sort((a, b) => b.at - a.at);
    const walls = this.deck?.walls ?? [];
    const wallTitle = (id: string) => walls.find((w) => w.id === id)?.title ?? id;
    if (!live || cards.length === 0) return html`<p class="empty">${staffMsg('noCards')}</p>`;
    const setHidden = (id: string, hidden: boolean) => this.writes.run(() => bodyOf(live.api.cards[':id'].visibility.$put({ param: { code: live.code, id }, json: { hidden } })));
    return html`${this.writes.alert()}<ol aria-label=${staffMsg('incomingCards')}>
      ${cards.map(
        (card) => html`<li class=${card.hidden ? 'hidden' : ''} aria-label=${staffMsg(card.hidden ? 'hiddenCardOn' : 'cardOn', { wall: wallTitle(card.wall) })}>
          <div class="meta">
            <span>${wallTitle(card.wall)} · ${staffMsg('slideNumber', { n: card.slide })}${card.hidden ? ` · ${staffMsg('hidden')}` : ''}</span>
            <span>${card.author ? `${card.author.name || staffMsg('guest')} (${groupLabel(this.deck?.groups, card.author.group)})` : staffMsg('paperCard')}</span>
          </div>
          <p class="text">${card.text}</p>
          <div class="meta">
            <span>${card.revisions > 1 ? staffMsg('edited', { n: card.revisions - 1 }) : ''}</span>
            <button aria-label=${staffMsg(card.hidden ? 'showCard' : 'hideCard', { text: card.text.slice(0, 60) })} @click=${() => setHidden(card.id, !card.hidden)}>
              ${card.hidden ? staffMsg('show') : staffMsg('hide')}
            </button>
          </div>
        </li>`,
      )}
    </ol>`;
  }
}

customElements.define('pd-card-moderation', PdCardModeration);

declare global {
  interface HTMLElementTagNameMap {
    'pd-card-moderation': PdCardModeration;
  }
}
