import { css, html, type PropertyValues } from 'lit';
import { colour } from '../shared/palette.js';
import { StaffSlideElement } from '../shared/staff-element.js';
import { roomWordsStyles } from '../shared/room-words.js';
import { staffMsg } from '../shared/staff-messages.js';

/** The cloud's colours, from the palette, in turn. */
const CLOUD = (['primary', 'warn', 'success', 'purple', 'danger', 'teal'] as const).map(colour);
/** At most this many answers; fewer when they do not fit the slide. */
const MOST_SHOWN = 40;
/** The least said answer's size and the most said one's, in the cloud's em (the largest shrinks to fit). */
const SMALLEST = 0.9;
const LARGEST = 2.6;
/** How much the largest size shrinks per try, before answers are left out. */
const SHRINK = 0.25;

/**
 * The room's open answers for one slide as a word cloud: the more people said it, the
 * bigger. When they do not all fit the slide, the biggest sizes shrink first; if that is
 * not enough, the answers said least are left out (and counted), never shrunk below what
 * the room can read.
 */
export class PdWordCloud extends StaffSlideElement {
  static override styles = [
    roomWordsStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 0;
      }
      ul {
        flex: 1;
        min-height: 0;
        overflow: hidden;
        list-style: none;
        margin: 0;
        padding: 0.2em;
        display: flex;
        flex-wrap: wrap;
        justify-content: center;
        align-content: safe center;
        align-items: center;
        gap: 0.2em 0.8em;
      }
      li {
        font-weight: 700;
        line-height: 1.1;
        overflow-wrap: anywhere;
      }
      .empty,
      .count {
        color: var(--pd-ink-soft);
        font-size: 0.9em;
        text-align: center;
        margin: 0.2em 0 0;
      }
    `,
  ];

  static override properties = { shown: { state: true }, largest: { state: true } };

  /** How many of the answers fit (the most said first). */
  declare private shown: number;
  /** The most said answer's size, in em, as far as it fits. */
  declare private largest: number;
  private fitted = '';

  constructor() {
    super();
    this.shown = MOST_SHOWN;
    this.largest = LARGEST;
  }

  override render() {
    const entries = (this.live?.part('clouds')?.[this.slide] ?? []).slice(0, MOST_SHOWN);
    const total = entries.reduce((n, e) => n + e.count, 0);
    if (entries.length === 0) return html`<p class="empty">${this.say(({ t }) => t('answersWillAppear'))}</p>`;
    const max = Math.max(...entries.map((e) => e.count));
    const size = (count: number) => SMALLEST + (this.largest - SMALLEST) * (count / max);
    const shown = entries.slice(0, this.shown);
    const left = entries.length - shown.length;
    return html`
      <ul aria-label=${staffMsg('wordCloud')}>
        ${shown.map(
          (entry, i) =>
            html`<li style="font-size:${size(entry.count).toFixed(2)}em;color:${CLOUD[i % CLOUD.length]}" title="${entry.count}">${entry.text}</li>`,
        )}
      </ul>
      <p class="count">${this.say(({ t }) => `${t('answerCount', { n: total })}${left > 0 ? ` · ${t('moreAnswers', { n: left })}` : ''}`)}</p>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const entries = this.live?.part('clouds')?.[this.slide] ?? [];
    const key = entries.map((e) => `${e.text}:${e.count}`).join('|');
    // New answers: try them all again, then leave out the least said until the rest fit.
    if (key !== this.fitted) {
      this.fitted = key;
      if (this.shown !== MOST_SHOWN || this.largest !== LARGEST) {
        this.shown = MOST_SHOWN;
        this.largest = LARGEST;
        return;
      }
    }
    const list = this.renderRoot.querySelector('ul');
    if (!list || list.scrollHeight <= list.clientHeight + 1) return;
    if (this.largest - SHRINK >= SMALLEST + SHRINK) this.largest -= SHRINK;
    else if (this.shown > 1) this.shown = Math.min(this.shown, entries.length) - 1;
  }
}

customElements.define('pd-word-cloud', PdWordCloud);

declare global {
  interface HTMLElementTagNameMap {
    'pd-word-cloud': PdWordCloud;
  }
}
