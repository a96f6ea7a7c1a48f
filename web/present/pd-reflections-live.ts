import { css, html } from 'lit';
import { bodyOf } from '../shared/live/api-client.js';
import { StaffSlideElement } from '../shared/staff-element.js';
import { staffMsg } from '../shared/staff-messages.js';
import { staffStyles } from '../shared/staff-styles.js';
import { pagedSlideStyles } from './paged-slide-styles.js';
import './pd-pages.js';

/**
 * Reflections shared with the room, without names; on the projector a page at a time.
 * Private ones are only counted. With `manage` (the notes view) a facilitator decides which
 * shared reflections the room sees.
 */
export class PdReflectionsLive extends StaffSlideElement {
  static override styles = [
    staffStyles,
    pagedSlideStyles,
    css`
      :host {
        /* The notes view sets --pd-live-size for its smaller type. */
        font-size: var(--pd-live-size, 1em);
      }
      .counts {
        margin: 0 0 0.2em;
        font-size: 0.9em;
        color: var(--pd-ink-soft);
      }
      pd-pages {
        --pd-page-gap: 0.35em;
        --pd-page-columns: 14em;
      }
      .reflection {
        background: var(--pd-success-tint);
        border: 1px solid var(--pd-line);
        border-radius: 6px;
        padding: 0.25em 0.45em;
        max-width: 100%;
        box-sizing: border-box;
        overflow-wrap: anywhere;
        font-size: 0.9em;
        line-height: 1.25;
      }
      .text {
        white-space: pre-wrap;
      }
      .reflection.hidden {
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
    const code = live.code;
    const setHidden = (id: string, hidden: boolean) => bodyOf(live.api.reflections[':id'].visibility.$put({ param: { code, id }, json: { hidden } }));
    const approve = (id: string) => bodyOf(live.api.reflections[':id'].approve.$post({ param: { code, id } }));
    const approveAll = () => bodyOf(live.api.reflections[':slide']['approve-all'].$post({ param: { code, slide: String(this.slide) } }));
    // The room sees only what a facilitator let through; the notes view sees every shared one.
    const onScreen = part.shared.filter((r) => r.approved && !r.hidden);
    const waiting = part.shared.filter((r) => !r.approved && !r.hidden);
    const shown = this.manage ? part.shared : onScreen;
    const items = shown.map(
      (r) =>
        html`<div class=${`reflection ${r.hidden ? 'hidden' : ''} ${this.manage && !r.approved && !r.hidden ? 'waiting' : ''}`} role="listitem">
          <span class="text">${r.text}</span>
          ${
            this.manage
              ? !r.approved && !r.hidden
                ? html`<button class="primary" @click=${() => this.writes.run(() => approve(r.id))}>${staffMsg('showOnScreen')}</button>
                    <button @click=${() => this.writes.run(() => setHidden(r.id, true))}>${staffMsg('hide')}</button>`
                : html`<button @click=${() => this.writes.run(() => setHidden(r.id, !r.hidden))}>${staffMsg(r.hidden ? 'show' : 'hide')}</button>`
              : null
          }
        </div>`,
    );
    const written = staffMsg('reflectionsWrittenCount', { n: part.written });
    return html`<p class="counts" role="status">
        ${
          this.manage
            ? staffMsg('reflectionCountsManage', { written, shared: part.shared.length, onScreen: onScreen.length, waiting: waiting.length })
            : this.say(({ t }) => t('reflectionCounts', { written: t('reflectionsWrittenCount', { n: part.written }), shared: onScreen.length }))
        }
      </p>
      ${this.manage && waiting.length ? html`<button class="primary" @click=${() => this.writes.run(approveAll)}>${staffMsg('showAllWaiting', { n: waiting.length })}</button>` : null}
      <pd-pages layout=${this.projected ? 'grid' : 'wrap'} label=${staffMsg('sharedReflections')} .items=${items}></pd-pages>
      ${this.writes.alert()}`;
  }
}

customElements.define('pd-reflections-live', PdReflectionsLive);

declare global {
  interface HTMLElementTagNameMap {
    'pd-reflections-live': PdReflectionsLive;
  }
}
