import { css, html } from 'lit';
import { StaffElement } from '../shared/staff-element.js';
import { staffMsg } from '../shared/staff-messages.js';
import { staffStyles } from '../shared/staff-styles.js';
import { prepareStyles } from './prepare-styles.js';

/**
 * Every slide as the projector will show it: the presenter page itself, in its preview
 * mode (it never moves the room), in a 16:9 frame. Its content follows what is saved,
 * since the presenter refreshes its slides when the preparation changes.
 */
export class PdSlidePreview extends StaffElement {
  static override styles = [
    staffStyles,
    prepareStyles,
    css`
      :host {
        display: block;
      }
      iframe {
        width: 100%;
        aspect-ratio: 16 / 9;
        border: 1px solid var(--pd-line);
        border-radius: 6px;
        background: #fff;
      }
      select {
        width: auto;
        max-width: 100%;
      }
    `,
  ];

  static override properties = { slide: { type: Number } };
  /** The slide shown. */
  declare slide: number;

  constructor() {
    super();
    this.slide = 1;
  }

  override render() {
    const deck = this.deck;
    const code = this.live?.code;
    if (!deck || !code) return null;
    const count = deck.slides.length;
    const go = (n: number) => (this.slide = Math.min(count, Math.max(1, n)));
    return html`
      <div class="row">
        <button ?disabled=${this.slide <= 1} @click=${() => go(this.slide - 1)}>${staffMsg('previousSlide')}</button>
        <label for="pick" style="margin:0">${staffMsg('prepPreviewPick')}</label>
        <select id="pick" @change=${(e: Event) => go(Number((e.target as HTMLSelectElement).value))}>
          ${deck.slides.map((s) => html`<option value=${s.number} ?selected=${s.number === this.slide}>${s.number}. ${s.title}</option>`)}
        </select>
        <button ?disabled=${this.slide >= count} @click=${() => go(this.slide + 1)}>${staffMsg('nextSlide')}</button>
      </div>
      <iframe title=${staffMsg('prepPreviewOf', { slide: this.slide })} src=${`/present/${code}#preview=${this.slide}`}></iframe>
    `;
  }
}

customElements.define('pd-slide-preview', PdSlidePreview);

declare global {
  interface HTMLElementTagNameMap {
    'pd-slide-preview': PdSlidePreview;
  }
}
