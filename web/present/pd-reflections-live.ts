import { css, html } from 'lit';
import { bodyOf } from '../shared/live/api-client.js';
import { StaffSlideElement } from '../shared/staff-element.js';
import { staffStyles } from '../shared/staff-styles.js';
import { staffMsg } from '../shared/staff-messages.js';

/**
 * Reflections shared with the room, without names. Private ones are only counted. With
 * `manage` (the notes view) a facilitator can keep one off the deck.
 */
export class PdReflectionsLive extends StaffSlideElement {
  static override styles = [
    staffStyles,
    css`
      :host {
        display: block;
        font-family: system-ui, sans-serif;
        /* The deck's size by default; the notes view sets --pd-live-size for its smaller type. */
        font-size: var(--pd-live-size, 0.7em);
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0.3em 0 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.4em;
      }
      li {
        background: var(--pd-success-tint);
        border: 1px solid var(--pd-line);
        border-radius: 6px;
        padding: 0.3em 0.5em;
        max-width: 20em;
        overflow-wrap: anywhere;
      }
      .text {
        white-space: pre-wrap;
      }
      li.hidden {
        opacity: 0.5;
        text-decoration: line-through;
      }
    `,
  ];

  static override properties = { manage: { type: Boolean } };
  /** The notes view: a facilitator may keep a reflection off the deck. */
  declare manage: boolean;

  constructor() {
    super();
    this.manage = false;
  }

  override render() {
    const live = this.live;
    const part = live?.part('reflections')?.[this.slide];
    if (!live || !part) return null;
    const setHidden = (id: string, hidden: boolean) => bodyOf(live.api.reflections[':id'].visibility.$put({ param: { code: live.code, id }, json: { hidden } }));
    const shown = this.manage ? part.shared : part.shared.filter((r) => !r.hidden);
    return html`<div role="status">${staffMsg('reflectionsWritten', { n: part.written, shared: part.shared.length })}</div>
      <ul aria-label=${staffMsg('sharedReflections')}>
        ${shown.map(
          (r) => html`<li class=${r.hidden ? 'hidden' : ''}>
            <span class="text">${r.text}</span>
            ${this.manage
              ? html`<button @click=${() => this.writes.run(() => setHidden(r.id, !r.hidden))}>${r.hidden ? staffMsg('show') : staffMsg('hide')}</button>`
              : null}
          </li>`,
        )}
      </ul>
      ${this.writes.alert()}`;
  }
}

customElements.define('pd-reflections-live', PdReflectionsLive);

declare global {
  interface HTMLElementTagNameMap {
    'pd-reflections-live': PdReflectionsLive;
  }
}
