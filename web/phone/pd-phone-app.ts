import { ContextProvider } from '@lit/context';
import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import type { PhoneParts } from '../../server/contract/parts.js';
import { ApiError, apiClient, bodyOf, type SuccessBody } from '../shared/live/api-client.js';
import { LiveSession, readJson } from '../shared/live-session.js';
import { phoneSessionContext } from '../shared/session-context.js';
import { focusResult } from '../shared/focus.js';
import { pickDeckLanguage } from '../shared/i18n/deck-language.js';
import { LanguageController, pageBoot } from '../shared/i18n/page-catalog.js';
import '../shared/pd-language-picker.js';
import { msg, phoneCatalog } from './messages.js';
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
        padding: 1rem clamp(0.6rem, 3.5vw, 1.1rem) 2rem;
      }
      header {
        display: flex;
        justify-content: space-between;
        align-items: baseline;
        flex-wrap: wrap;
        gap: 0.25rem 0.75rem;
        border-bottom: 1px solid var(--pd-line);
        padding-bottom: 0.5rem;
        margin-bottom: 1rem;
        font-size: 0.95rem;
        color: var(--pd-ink-soft);
      }
      .status[hidden] {
        display: none;
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
    announcement: { state: true },
  };

  declare private code: string;
  /** The code whose workshop the join form names (looked up once the code is known). */
  declare private lookupCode: string;
  declare private live: LiveSession<PhoneParts> | null;
  declare private joining: boolean;
  declare private error: string;
  /** What the live region says now. */
  declare private announcement: string;
  private unsubscribe: (() => void) | null = null;
  private readonly provider = new ContextProvider(this, { context: phoneSessionContext });

  /**
   * The workshop behind a code: its school and deck title; a 404 means no such session. A
   * join link's page comes with it (the server writes it into the page), so it is fetched
   * only when the page was served without it.
   */
  private readonly workshop = new Task(this, {
    task: async ([code], { signal }) => {
      if (!code) return null;
      const inlined = this.inlined;
      if (inlined !== undefined && inlined?.code === code) return inlined;
      if (inlined === null && code === this.code) throw new ApiError(404, 'unknown_session', '');
      return bodyOf(api.$get({ param: { code } }, { init: { signal } }));
    },
    args: () => [this.lookupCode] as const,
  });
  /** The session the server wrote into the page: undefined when it wrote none, null for an unknown code. */
  private readonly inlined = pageBoot()?.session;

  constructor() {
    super();
    new LanguageController(this, phoneCatalog);
    this.code = (location.pathname.match(/^\/join\/([A-Za-z0-9]{6})/)?.[1] ?? '').toUpperCase();
    this.lookupCode = '';
    this.live = null;
    this.joining = false;
    this.error = '';
    this.announcement = '';
    this.addEventListener('pd-announce', (e) => this.announce((e as CustomEvent<string>).detail));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.code) return;
    const identity = readJson<Omit<Identity, 'view'>>(this.identityKey(this.code));
    // Looked up either way: the join form lists the workshop's groups, and a joined phone names its own.
    this.lookupCode = this.code;
    if (identity) this.follow(this.code, identity);
  }

  /** Says what happened through the page's polite live region (a screen reader reads it without moving). */
  announce(text: string): void {
    this.announcement = '';
    // A new text node each time, so the same words said twice are read twice.
    requestAnimationFrame(() => (this.announcement = text));
  }

  override render() {
    document.title = msg('pageTitle', { page: this.live ? this.workshopName() || msg('appName') : msg('joinTitle') });
    return html`${this.live ? this.renderLive(this.live) : this.renderJoin()} ${this.renderFooter()}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>`;
  }

  /** What the phone says about its connection: nothing while all is well. */
  private connectionStatus(live: LiveSession<PhoneParts>): string {
    // Known offline (the browser says so), or the stream is down: "Offline" while something waits to be sent.
    if (!live.connected || !navigator.onLine) return live.pending > 0 ? msg('offline') : msg('reconnecting');
    if (live.writeFailed && live.pending > 0) return msg('stillSending');
    return '';
  }

  private workshopName(): string {
    const session = this.live?.part('session');
    return session ? session.schoolName || session.deckTitle : '';
  }

  private renderJoin() {
    const info = this.workshop.value;
    const deckTitle = info ? (info.deckTitles?.[pickDeckLanguage(info.languages ?? [], phoneCatalog.lang)] ?? info.deckTitle) : '';
    const title = info ? (info.schoolName ? `${info.schoolName} · ${deckTitle}` : deckTitle) : '';
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
      <div class="status" role="status" ?hidden=${!this.connectionStatus(live)}>${this.connectionStatus(live)}</div>
      <pd-phone-timer></pd-phone-timer>
      <main>
        ${
          render
            ? render()
            : html`<div class="watch">
                <h1>${msg('watchTitle')}</h1>
                <p class="slide-title" lang=${session.lang && session.lang !== phoneCatalog.lang ? session.lang : nothing}>${slide.title}</p>
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
      <pd-language-picker .catalog=${phoneCatalog} label=${msg('language')}></pd-language-picker>
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
      // One round trip: the join itself. The stream it opens brings everything else; an
      // unknown code is the join's own 404.
      // One operation id per join attempt, kept across retries, so a join whose answer
      // was lost does not create a second person.
      const opKey = `pd-join-op:${code}`;
      const opId = sessionStorage.getItem(opKey) ?? crypto.getRandomValues(new Uint32Array(3)).join('-');
      sessionStorage.setItem(opKey, opId);
      const res = await api.participants.$post(
        { param: { code }, json: name ? { name, group } : { group } },
        { headers: { 'idempotency-key': `join-${opId}`, 'accept-language': phoneCatalog.lang } },
      );
      if (!res.ok) {
        this.error = (res.status as number) === 404 ? msg('unknownCode') : msg('errorGeneric');
        return;
      }
      // The answer carries the phone's first view: the workshop shows without waiting for the stream.
      const { view, ...identity } = await res.json();
      localStorage.setItem(this.identityKey(code), JSON.stringify(identity));
      sessionStorage.removeItem(opKey);
      if (location.pathname !== `/join/${code}`) history.replaceState(null, '', `/join/${code}`);
      this.code = code;
      this.follow(code, identity, true, view);
    } catch {
      this.error = msg('offline');
    } finally {
      this.joining = false;
    }
  }

  private follow(code: string, identity: Omit<Identity, 'view'>, justJoined = false, view?: Identity['view']) {
    const live = new LiveSession<PhoneParts>({
      code,
      key: identity.token,
      keepViewAs: `pd-view:${code}`,
      lang: () => phoneCatalog.lang,
      onRejected: () => {
        // The session was deleted or no longer knows this phone: start over cleanly.
        live.stop();
        this.unsubscribe?.();
        localStorage.removeItem(this.identityKey(code));
        live.forgetView();
        this.live = null;
        this.provider.setValue(undefined);
        this.error = msg('rejoin');
        this.lookupCode = code;
        void this.workshop.run();
      },
    });
    const offView = live.subscribe(() => this.requestUpdate());
    // The deck's texts come in the language the stream was opened with: another choice opens it again.
    const offLanguage = phoneCatalog.subscribe(() => {
      if (live.part('session')?.lang !== phoneCatalog.lang) live.reopen();
    });
    this.unsubscribe = () => {
      offView();
      offLanguage();
    };
    this.live = live;
    this.provider.setValue(live);
    if (view) live.seed(view);
    live.start();
    if (justJoined) void this.afterJoin(live);
  }

  /** Once the first view is in: focus goes to what the phone now shows, and the live region says who joined. */
  private async afterJoin(live: LiveSession<PhoneParts>) {
    while (!live.part('me') && this.live === live)
      await new Promise<void>((resolve) => {
        const off = live.subscribe(() => {
          off();
          resolve();
        });
      });
    if (this.live !== live) return;
    await this.updateComplete;
    const me = live.part('me')!;
    this.announce(msg('joinedAnnouncement', { name: me.name || msg('guest') }));
    // The first heading or prompt of what the phone now shows; else the main area itself.
    if (!focusResult(this.renderRoot.querySelector('main'), '[data-result], h1, h2, .prompt')) focusResult(this.renderRoot, 'main');
  }
}

customElements.define('pd-phone-app', PdPhoneApp);

declare global {
  interface HTMLElementTagNameMap {
    'pd-phone-app': PdPhoneApp;
  }
}
