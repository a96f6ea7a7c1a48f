import { LitElement, css, html, nothing } from 'lit';
import { LanguageController } from '../shared/i18n/page-catalog.js';
import { apiClient, type Api } from '../shared/live/api-client.js';
import { RequestKey } from '../shared/live/request-key.js';
import '../shared/pd-language-picker.js';
import { staffStyles } from '../shared/staff-styles.js';
import { msg, startCatalog } from './messages.js';
import { forgetOperatorKey, takeOperatorKey } from './operator-key.js';
import './pd-session-entry.js';
import type { SessionSummary } from './pd-session-entry.js';

interface DeckSummary {
  id: string;
  title: string;
  /** The deck's title in each of its languages. */
  titles?: Record<string, string>;
  languages?: string[];
  minutes: number;
  slides: number;
  inventory: boolean;
}

/**
 * The operator's start page: start a session (pick a deck, name the school), and every
 * session on this server with its facilitators' links, or why it was set aside at start.
 * Everything here needs the operator key, which arrives in the start page link's
 * fragment; without it the page only says where to find that link.
 */
export class PdStartPage extends LitElement {
  static override styles = [
    staffStyles,
    css`
      :host {
        display: block;
        max-width: 46rem;
        margin: 0 auto;
        padding: 2rem 1.25rem;
        font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
        color: #1b1f24;
      }
      .top {
        display: flex;
        justify-content: space-between;
        align-items: flex-start;
        gap: 1rem;
        flex-wrap: wrap;
      }
      pd-language-picker label {
        margin: 0;
      }
      h1 {
        color: #12315f;
        margin-bottom: 0.2rem;
      }
      h2 {
        color: #12315f;
        font-size: 1.2rem;
        margin-top: 2rem;
      }
      label {
        display: block;
        font-weight: 600;
        margin: 1rem 0 0.3rem;
      }
      input,
      select {
        font: inherit;
        width: 100%;
        box-sizing: border-box;
        padding: 0.55rem 0.7rem;
        border: 1px solid #8a94a0;
        border-radius: 6px;
      }
      form button {
        font-size: 1rem;
        margin-top: 1.2rem;
        padding: 0.6rem 1.2rem;
      }
      .notice {
        background: #fff;
        border: 1px solid #d8dee5;
        border-left: 6px solid #1a4fa3;
        border-radius: 10px;
        padding: 1rem 1.2rem;
        margin-top: 1.5rem;
      }
      .hint {
        color: #4a5561;
        font-size: 0.92rem;
        margin: 0.3rem 0 0;
      }
      .error {
        color: #a4161a;
        font-weight: 600;
      }
    `,
  ];

  static override properties = {
    decks: { state: true },
    sessions: { state: true },
    keyRejected: { state: true },
    busy: { state: true },
    error: { state: true },
    deckId: { state: true },
  };

  declare private decks: DeckSummary[];
  declare private sessions: SessionSummary[] | null;
  declare private keyRejected: boolean;
  declare private busy: boolean;
  declare private error: string;
  /** The deck picked in the form (the first listed until one is picked). */
  declare private deckId: string;
  private operatorKey: string | null = null;
  /** The start asked for and not answered yet keeps its Idempotency-Key, so asking again starts one session, not two. */
  private readonly startKey = new RequestKey();
  /**
   * The operator's routes, through hono's typed client, with the operator key in a header.
   * A key the server refuses sends the page back to its notice.
   */
  private readonly api: Api['api'] = apiClient(async (input, init) => {
    const headers = new Headers(init?.headers);
    if (this.operatorKey) headers.set('authorization', `Bearer ${this.operatorKey}`);
    const res = await fetch(input, { ...init, headers });
    if (res.status === 401) {
      forgetOperatorKey();
      this.keyRejected = true;
    }
    return res;
  }).api;

  constructor() {
    super();
    new LanguageController(this, startCatalog);
    this.decks = [];
    this.sessions = null;
    this.keyRejected = false;
    this.busy = false;
    this.error = '';
    this.deckId = '';
    this.addEventListener('delete-session', (e) => void this.deleteSession((e as CustomEvent<string>).detail));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.adoptKey();
    // The operator link pasted into a tab already on this page changes only the fragment.
    addEventListener('hashchange', this.adoptKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.adoptKey);
  }

  private readonly adoptKey = () => {
    this.operatorKey = takeOperatorKey();
    this.keyRejected = false;
    this.sessions = null;
    this.requestUpdate();
    if (!this.operatorKey) return;
    if (this.decks.length === 0) {
      void this.api.decks.$get().then(async (res) => {
        if (res.ok) this.decks = (await res.json()).decks;
      });
    }
    void this.loadSessions();
  };

  override render() {
    document.title = msg('pageTitle');
    const heading = html`<div class="top">
        <h1>${msg('appName')}</h1>
        <pd-language-picker .catalog=${startCatalog} label=${msg('language')}></pd-language-picker>
      </div>
      <p>${msg('intro')}</p>`;
    if (!this.operatorKey || this.keyRejected) {
      return html`${heading}
        <section class="notice" aria-labelledby="need-operator">
          <h2 id="need-operator">${msg('needOperatorTitle')}</h2>
          <p>${msg(this.keyRejected ? 'wrongOperatorBody' : 'needOperatorBody')}</p>
        </section>`;
    }
    return html`${heading}
      <form @submit=${this.start} aria-labelledby="new-session">
        <h2 id="new-session">${msg('newSession')}</h2>
        <label for="deck">${msg('deckLabel')}</label>
        <select id="deck" name="deck" @change=${(e: Event) => (this.deckId = (e.target as HTMLSelectElement).value)}>
          ${this.decks.map((d) => html`<option value=${d.id} ?selected=${d.id === this.deckId}>${msg('deckOption', { title: d.titles?.[startCatalog.lang] ?? d.title, slides: d.slides, minutes: d.minutes })}</option>`)}
        </select>
        ${this.renderPrevious()}
        <label for="school">${msg('schoolLabel')}</label>
        <input id="school" name="school" maxlength="120" autocomplete="organization" placeholder=${msg('schoolPlaceholder')} />
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? msg('starting') : msg('startButton')}</button>
      </form>
      <h2>${msg('sessionsTitle')}</h2>
      ${this.sessions === null
        ? nothing
        : this.sessions.length === 0
          ? html`<p>${msg('noSessions')}</p>`
          : this.sessions.map((s) => html`<pd-session-entry .session=${s}></pd-session-entry>`)}`;
  }

  /** For an inventory deck: the earlier inventory sessions this one may start from. */
  private renderPrevious() {
    const deck = this.decks.find((d) => d.id === this.deckId) ?? this.decks[0];
    const earlier = (this.sessions ?? []).filter((s) => s.inventory && !s.setAside);
    if (!deck?.inventory || earlier.length === 0) return nothing;
    return html`<label for="previous">${msg('previousLabel')}</label>
      <select id="previous" name="previous" aria-describedby="previous-hint">
        <option value="">${msg('previousNone')}</option>
        ${earlier.map(
          (s) =>
            html`<option value=${s.code}>
              ${msg('previousOption', { name: s.schoolName || s.deckTitle, code: s.code, when: new Date(s.startedAt).toLocaleDateString(startCatalog.lang) })}
            </option>`,
        )}
      </select>
      <p id="previous-hint" class="hint">${msg('previousHint')}</p>`;
  }

  private async loadSessions() {
    const res = await this.api.sessions.$get();
    if ((res.status as number) === 401) return;
    if (!res.ok) {
      this.error = msg('errorList');
      return;
    }
    this.sessions = (await res.json()).sessions;
  }

  private async start(event: SubmitEvent) {
    event.preventDefault();
    // Taken now: once the event has been dispatched, its target inside the shadow root is cleared.
    const form = event.target as HTMLFormElement;
    const fields = new FormData(form);
    const deckId = String(fields.get('deck') ?? '');
    const schoolName = String(fields.get('school') ?? '').trim();
    const previousCode = String(fields.get('previous') ?? '');
    this.busy = true;
    this.error = '';
    try {
      const json = { deckId, schoolName, ...(previousCode ? { previousCode } : {}) };
      let res: Response;
      try {
        res = await this.api.sessions.$post({ json }, { headers: { 'idempotency-key': this.startKey.for(json) } });
      } catch {
        // No answer (the network failed): the session may have started. Asked again, the
        // start goes with the same key, and the server answers with that session.
        this.error = msg('errorStart');
        return;
      }
      this.startKey.answered();
      if (!res.ok) {
        if (res.status !== 401) this.error = msg('errorStart');
        return;
      }
      form.reset();
      this.deckId = '';
      await this.loadSessions();
    } finally {
      this.busy = false;
    }
  }

  /** Schools' retention rules: the operator deletes a session's log and every record in it. */
  private async deleteSession(code: string) {
    if (!confirm(msg('deleteConfirm', { code }))) return;
    const res = await this.api.sessions[':code'].$delete({ param: { code } });
    const status = res.status as number;
    if (!res.ok && status !== 404) {
      if (status !== 401) this.error = msg('errorDelete');
      return;
    }
    await this.loadSessions();
  }
}

customElements.define('pd-start-page', PdStartPage);

declare global {
  interface HTMLElementTagNameMap {
    'pd-start-page': PdStartPage;
  }
}
