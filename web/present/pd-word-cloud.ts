import { css, html } from 'lit';
import { colour } from '../shared/palette.js';
import { StaffSlideElement } from '../shared/staff-element.js';
import { staffMsg } from '../shared/staff-messages.js';

/** The cloud's colours, from the palette, in turn. */
const CLOUD = (['primary', 'warn', 'success', 'purple', 'danger', 'teal'] as const).map(colour);

/** The room's open answers for one slide as a word cloud: the more people said it, the bigger. */
export class PdWordCloud extends StaffSlideElement {
  static override styles = css`
    :host {
      display: block;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0.5rem;
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      align-items: center;
      gap: 0.3em 0.9em;
      min-height: 8rem;
    }
    li {
      font-weight: 700;
      line-height: 1.1;
    }
    .empty,
    .count {
      color: var(--pd-ink-soft);
      font-size: 0.6em;
      text-align: center;
    }
  `;

  override render() {
    const clouds = this.live?.part('clouds') ?? {};
    const entries = (clouds[this.slide] ?? []).slice(0, 40);
    const total = entries.reduce((n, e) => n + e.count, 0);
    if (entries.length === 0) return html`<p class="empty">${staffMsg('answersWillAppear')}</p>`;
    const max = Math.max(...entries.map((e) => e.count));
    return html`
      <ul aria-label=${staffMsg('wordCloud')}>
        ${entries.map(
          (entry, i) =>
            html`<li style="font-size:${(0.55 + 1.25 * (entry.count / max)).toFixed(2)}em;color:${CLOUD[i % CLOUD.length]}" title="${entry.count}">
              ${entry.text}
            </li>`,
        )}
      </ul>
      <p class="count">${staffMsg('answerCount', { n: total })}</p>
    `;
  }
}

customElements.define('pd-word-cloud', PdWordCloud);

declare global {
  interface HTMLElementTagNameMap {
    'pd-word-cloud': PdWordCloud;
  }
}
