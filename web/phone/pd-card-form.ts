import { LitElement, html } from 'lit';
import type { LiveSession } from '../shared/live-session.js';
import type { ActivityInfo, MePart, OwnCard } from '../shared/view-types.js';
import { errorMessage } from './error-message.js';
import { msg } from './messages.js';
import { phoneStyles } from './phone-styles.js';

const MAX_LENGTH = 500;

interface Side {
  key: 'text' | 'front' | 'back';
  label: string;
  prompt: string;
  wall: string;
}

/**
 * Writes the participant's card for a `card` or `two-sided-card` activity, then shows it
 * with Edit and Withdraw while the activity is open. What is typed is kept on the phone
 * until the server has it, so a reload or a dropped connection loses nothing.
 */
export class PdCardForm extends LitElement {
  static override styles = phoneStyles;
  static override properties = {
    live: { attribute: false },
    activity: { attribute: false },
    slide: { type: Number },
    me: { attribute: false },
    open: { type: Boolean },
    editing: { state: true },
    busy: { state: true },
    error: { state: true },
  };

  declare live: LiveSession;
  declare activity: ActivityInfo;
  declare slide: number;
  declare me: MePart;
  declare open: boolean;
  declare private editing: boolean;
  declare private busy: boolean;
  declare private error: string;

  constructor() {
    super();
    this.editing = false;
    this.busy = false;
    this.error = '';
    this.open = true;
  }

  private get sides(): Side[] {
    const a = this.activity as ActivityInfo & { wall?: string; prompt?: string; label?: string; front?: Side; back?: Side };
    if (a.kind === 'two-sided-card') {
      return [
        { key: 'front', label: a.front!.label, prompt: a.front!.prompt, wall: a.front!.wall },
        { key: 'back', label: a.back!.label, prompt: a.back!.prompt, wall: a.back!.wall },
      ];
    }
    return [{ key: 'text', label: a.label ?? '', prompt: a.prompt ?? '', wall: a.wall ?? '' }];
  }

  private get myCards(): OwnCard[] {
    return this.me.cards.filter((c) => c.slide === this.slide);
  }

  private get pending() {
    return this.live.pendingWrites('POST', '/cards').find((w) => (w.body as { slide?: number }).slide === this.slide);
  }

  private draftKey(side: string) {
    return `pd-draft:${this.live.code}:${this.slide}:${side}`;
  }

  override render() {
    const cards = this.myCards;
    const pending = this.pending;
    if (cards.length > 0 && !this.editing) return this.renderCards(cards);
    if (pending && !this.editing) return this.renderPending(pending.body as Record<string, string>);
    if (!this.open) return html`<p>${msg('activityClosed')}</p>`;
    return this.renderForm(cards);
  }

  private renderCards(cards: OwnCard[]) {
    const sides = this.sides;
    return html`
      <h2>${msg('yourCard')}</h2>
      ${sides.map((side) => {
        const card = cards.find((c) => c.wall === side.wall);
        if (!card) return null;
        return html`<div class="card" role="group" aria-label=${side.label}>
          ${sides.length > 1 ? html`<span class="side">${side.key === 'front' ? msg('cardFront') : msg('cardBack')} · ${side.label}</span>` : null}
          <p class="text">${card.text}</p>
        </div>
        ${card.hidden ? html`<p class="hint">${msg('hiddenByFacilitator')}</p>` : null}`;
      })}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
      ${this.open
        ? html`<div class="row">
            <button class="secondary" @click=${() => (this.editing = true)}>${msg('edit')}</button>
            <button class="secondary" @click=${this.withdraw} ?disabled=${this.busy}>${msg('withdraw')}</button>
          </div>`
        : html`<p class="hint">${msg('activityClosed')}</p>`}
    `;
  }

  private renderPending(body: Record<string, string>) {
    return html`
      <h2>${msg('yourCard')}</h2>
      ${this.sides.map((side) => html`<div class="card"><p class="text">${body[side.key]}</p></div>`)}
      <p class="hint" role="status">${this.live.online ? msg('sending') : msg('offline')}</p>
    `;
  }

  private renderForm(existing: OwnCard[]) {
    return html`
      <form @submit=${this.submit}>
        ${this.sides.map((side) => {
          const current = existing.find((c) => c.wall === side.wall)?.text ?? localStorage.getItem(this.draftKey(side.key)) ?? '';
          return html`
            ${this.sides.length > 1 ? html`<span class="side">${side.key === 'front' ? msg('cardFront') : msg('cardBack')}</span>` : null}
            <p class="prompt" id=${`prompt-${side.key}`}>${side.prompt}</p>
            <label for=${`side-${side.key}`}>${side.label}</label>
            <textarea
              id=${`side-${side.key}`}
              name=${side.key}
              maxlength=${MAX_LENGTH}
              required
              aria-describedby=${`prompt-${side.key}`}
              .value=${current}
              @input=${(e: InputEvent) => localStorage.setItem(this.draftKey(side.key), (e.target as HTMLTextAreaElement).value)}
            ></textarea>
          `;
        })}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
        <div class="row">
          <button type="submit" ?disabled=${this.busy}>${existing.length ? msg('save') : msg('submit')}</button>
          ${this.editing ? html`<button type="button" class="secondary" @click=${() => (this.editing = false)}>${msg('cancel')}</button>` : null}
        </div>
      </form>
    `;
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const values = Object.fromEntries(this.sides.map((s) => [s.key, String(form.get(s.key) ?? '')]));
    const existing = this.myCards;
    this.busy = true;
    this.error = '';
    const writes =
      existing.length > 0
        ? this.sides.flatMap((side) => {
            const card = existing.find((c) => c.wall === side.wall);
            return card && card.text !== values[side.key] ? [this.live.send('PATCH', `/cards/${card.id}`, { text: values[side.key] })] : [];
          })
        : [this.live.send('POST', '/cards', { slide: this.slide, ...values })];
    this.editing = false;
    this.requestUpdate();
    try {
      await Promise.all(writes);
      for (const side of this.sides) localStorage.removeItem(this.draftKey(side.key));
    } catch (error) {
      this.error = errorMessage(error);
      this.editing = true;
    } finally {
      this.busy = false;
    }
  }

  private async withdraw() {
    if (!confirm(msg('withdrawConfirm'))) return;
    const card = this.myCards[0];
    if (!card) return;
    this.busy = true;
    try {
      await this.live.send('DELETE', `/cards/${card.id}`);
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('pd-card-form', PdCardForm);

declare global {
  interface HTMLElementTagNameMap {
    'pd-card-form': PdCardForm;
  }
}
