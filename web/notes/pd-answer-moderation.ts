import { LitElement, css, html } from 'lit';
import { currentSession } from '../shared/current-session.js';
import { LiveController } from '../shared/live-controller.js';
import { staffStyles } from '../shared/staff-styles.js';
import type { StaffAnswer } from '../shared/view-types.js';

/** The open answers of one slide, newest first, each with Hide/Show for the word cloud. */
export class PdAnswerModeration extends LitElement {
  static override styles = [
    staffStyles,
    css`
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      li {
        display: flex;
        justify-content: space-between;
        gap: 0.5rem;
        padding: 0.3rem 0;
        border-bottom: 1px solid #e3e7ec;
      }
      .hidden span {
        text-decoration: line-through;
        color: #777;
      }
    `,
  ];

  static override properties = { slide: { type: Number } };
  declare slide: number;

  constructor() {
    super();
    this.slide = 0;
    new LiveController(this);
  }

  override render() {
    const live = currentSession();
    const answers = (live?.part<StaffAnswer[]>('answers') ?? []).filter((a) => a.slide === this.slide).reverse();
    return html`<h3>Answers (${answers.length})</h3>
      <ul aria-label="Answers">
        ${answers.map(
          (a) => html`<li class=${a.hidden ? 'hidden' : ''}>
            <span>${a.text}</span>
            <button aria-label=${`${a.hidden ? 'Show' : 'Hide'} answer: ${a.text}`} @click=${() => live?.send('PUT', `/answers/${a.id}/visibility`, { hidden: !a.hidden })}>
              ${a.hidden ? 'Show' : 'Hide'}
            </button>
          </li>`,
        )}
      </ul>`;
  }
}

customElements.define('pd-answer-moderation', PdAnswerModeration);

declare global {
  interface HTMLElementTagNameMap {
    'pd-answer-moderation': PdAnswerModeration;
  }
}
