import { ContextProvider } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, css, html } from 'lit';
import type { PhoneParts } from '../../server/contract/parts.js';
import { ApiError, apiClient, bodyOf, type SuccessBody } from '../shared/live/api-client.js';
import { LiveSession, readJson } from '../shared/live-session.js';
import { phoneSessionContext } from '../shared/session-context.js';
import { catalogs, currentLanguage, languageNames, msg, setLanguage } from './messages.js';
import { phoneActivities } from './phone-activities.js';
import { phoneStyles } from './phone-styles.js';
import type { JoinDetail } from './pd-join-form.js';
import './pd-edit-me.js';
import './pd-join-form.js';
import './pd-phone-timer.js';

const api = apiClient().api.sessions[':code'];
/** What joining answers: the person's id and token (the reply type of POST /participants). */
type Identity = SuccessBody<Awaited<ReturnType<(typeof api)['participants']['$post']>>>;

/**
 * The participant's phone: join, then follow the deck. It shows what the current slide
 * asks, or a calm "watch the screen" with the slide's title. The identity is kept on the
 * phone, so a reload or a walk out of Wi-Fi range comes back as the same person. Once
 * joined it provides the session to every element of the phone (@lit/context).
 */
export class PdPhoneApp extends LitElement {
  static override styles = [
    phoneStyles,
    css`
      :host {
        max-width: 34rem;
        margin: 0 auto;
        padding: 1rem 1.1rem 2rem;
      }
      header {
        display: flex;
        justify-content: space-between;
        align-items: baseline;
        gap: 0.5rem;
        border-bottom: 1px solid var(--pd-line);
        padding-bottom: 0.5rem;
        margin-bottom: 1rem;
        font-size: 0.95rem;
        color: var(--pd-ink-soft);
      }
      .status {
        background: var(--pd-card-strong);
        border: 1px solid var(--pd-card-line);
        border-radius: 8px;
        padding: 0.6rem 0.8rem;
        margin-bottom: 1rem;
        font-size: 1rem;
      }
      .watch {
        text-align: center;
        padding: 2.5rem 0;
      }
      .watch .slide-title {
        font-size: 1.5rem;
        font-weight: 700;
        margin: 0.5rem 0 1rem;
      }
      footer {
        margin-top: 2rem;
        border-top: 1px solid var(--pd-line);
        padding-top: 0.75rem;
        font-size: 0.95rem;
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: 0.75rem;
        flex-wrap: wrap;
      }
      footer select {
        width: auto;
        padding: 0.3rem 0.5rem;
      }
      footer label {
        display: inline;
        margin: 0 0.4rem 0 0;
        font-weight: 400;
      }
    `,
  ];

  static override properties = {
    code: { state: true },
    lookupCode: { state: true },
    live: { state: true },
    joining: { state: true },
    error: { state: true },
  };

  declare private code: string;
  /** The code whose workshop the join form names (looked up once the code is known). */
  declare private lookupCode: string;
  declare private live: LiveSession<PhoneParts> | null;
  declare private joining: boolean;
  declare private error: string;
  private unsubscribe: (() => void) | null = null;
  private readonly provider = new ContextProvider(this, { context: phoneSessionContext });

  /** The workshop behind a code: its school and deck title; a 404 means no such session. */
  private readonly workshop = new Task(this, {
    task: async ([code], { signal }) => (code ? bodyOf(api.$get({ param: { code } }, { init: { signal } })) : null),
    args: () => [this.lookupCode] as const,
  });

  constructor() {
    super();
    this.code = (location.pathname.match(/^\/join\/([A-Za-z0-9]{6})/)?.[1] ?? '').toUpperCase();
    this.lookupCode = '';
    this.live = null;
    this.joining = false;
    this.error = '';
    addEventListener('pd-language', () => this.requestUpdate());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.lang = currentLanguage();
    if (!this.code) return;
    const identity = readJson<Identity>(this.identityKey(this.code));
    // Looked up either way: the join form lists the workshop's groups, and a joined phone names its own.
    this.lookupCode = this.code;
    if (identity) this.follow(this.code, identity);
  }

  override render() {
    return html`${this.live ? this.renderLive(this.live) : this.renderJoin()} ${this.renderFooter()}`;
  }

  private renderJoin() {
    const info = this.workshop.value;
    const title = info ? (info.schoolName ? `${info.schoolName} · ${info.deckTitle}` : info.deckTitle) : '';
    const error = this.error || this.workshop.render({ error: (e) => this.lookupProblem(e) }) || '';
    return html`<pd-join-form
      .code=${this.code}
      .workshopTitle=${title}
      .groups=${info?.groups ?? []}
      .busy=${this.joining}
      .error=${error}
      @pd-join=${this.join}
      @pd-code=${(e: CustomEvent<string>) => (this.lookupCode = e.detail)}
    ></pd-join-form>`;
  }

  private lookupProblem(error: unknown): string {
    return error instanceof ApiError ? msg('unknownCode') : msg('offline');
  }

  private renderLive(live: LiveSession<PhoneParts>) {
    if (live.incompatible) return html`<p class="status" role="alert">${msg('updateNeeded')}</p>`;
    const session = live.part('session');
    const slide = live.part('slide');
    const me = live.part('me');
    if (!session || !slide || !me) return html`<p role="status">${msg('reconnecting')}</p>`;
    const render = slide.activity ? phoneActivities[slide.activity.kind] : undefined;
    return html`
      <header>
        <span>${session.schoolName || session.deckTitle}</span>
        <span>${msg('slideOf', { n: slide.slide, total: session.slideCount })}</span>
      </header>
      ${live.online ? null : html`<div class="status" role="status">${live.pending > 0 ? msg('offline') : msg('reconnecting')}</div>`}
      <pd-phone-timer></pd-phone-timer>
      <main>
        ${
          render
            ? render()
            : html`<div class="watch">
                <h1>${msg('watchTitle')}</h1>
                <p class="slide-title">${slide.title}</p>
                <p class="hint">${msg('watchBody')}</p>
              </div>`
        }
      </main>
    `;
  }

  private renderFooter() {
    const me = this.live?.part('me');
    return html`<footer>
      ${me ? html`<pd-edit-me .groups=${this.workshop.value?.groups ?? []}></pd-edit-me>` : html`<span></span>`}
      <span>
        <label for="language">${msg('language')}</label>
        <select id="language" @change=${(e: Event) => setLanguage((e.target as HTMLSelectElement).value)}>
          ${Object.keys(catalogs).map((lang) => html`<option value=${lang} ?selected=${lang === currentLanguage()}>${languageNames[lang]}</option>`)}
        </select>
      </span>
    </footer>`;
  }

  private identityKey(code: string) {
    return `pd-me:${code}`;
  }

  private async join(event: CustomEvent<JoinDetail>) {
    const { code, name, group } = event.detail;
    this.joining = true;
    this.error = '';
    try {
      if (!/^[A-Z0-9]{6}$/.test(code)) {
        this.error = msg('unknownCode');
        return;
      }
      this.lookupCode = code;
      try {
        await this.workshop.run();
        await this.workshop.taskComplete;
      } catch (error) {
        this.error = this.lookupProblem(error);
        return;
      }
      // One operation id per join attempt, kept across retries, so a join whose answer
      // was lost does not create a second person.
      const opKey = `pd-join-op:${code}`;
      const opId = sessionStorage.getItem(opKey) ?? crypto.getRandomValues(new Uint32Array(3)).join('-');
      sessionStorage.setItem(opKey, opId);
      const res = await api.participants.$post(
        { param: { code }, json: name ? { name, group } : { group } },
        { headers: { 'idempotency-key': `join-${opId}` } },
      );
      if (!res.ok) {
        this.error = msg('errorGeneric');
        return;
      }
      const identity: Identity = await res.json();
      localStorage.setItem(this.identityKey(code), JSON.stringify(identity));
      sessionStorage.removeItem(opKey);
      if (location.pathname !== `/join/${code}`) history.replaceState(null, '', `/join/${code}`);
      this.code = code;
      this.follow(code, identity);
    } catch {
      this.error = msg('offline');
    } finally {
      this.joining = false;
    }
  }

  private follow(code: string, identity: Identity) {
    const live = new LiveSession<PhoneParts>({
      code,
      key: identity.token,
      onRejected: () => {
        // The session was deleted or no longer knows this phone: start over cleanly.
        live.stop();
        this.unsubscribe?.();
        localStorage.removeItem(this.identityKey(code));
        this.live = null;
        this.provider.setValue(undefined);
        this.error = msg('rejoin');
        this.lookupCode = code;
        void this.workshop.run();
      },
    });
    this.unsubscribe = live.subscribe(() => this.requestUpdate());
    this.live = live;
    this.provider.setValue(live);
    live.start();
  }
}

customElements.define('pd-phone-app', PdPhoneApp);

declare global {
  interface HTMLElementTagNameMap {
    'pd-phone-app': PdPhoneApp;
  }
}
