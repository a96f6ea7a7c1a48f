import { Task } from '@lit/task';
import { LitElement, css, html } from 'lit';
import type { AgreementPart } from '../../server/contract/parts.js';
import { ClockController } from '../shared/clock-controller.js';
import { LanguageController } from '../shared/i18n/page-catalog.js';
import { ApiError, bodyOf, type SessionApi, type SuccessBody } from '../shared/live/api-client.js';
import '../shared/pd-language-picker.js';
import { SessionConsumer, publicSessionContext, type PublicSession } from '../shared/session-context.js';
import { agreementCatalog, msg } from './messages.js';

/** What GET /agreement answers: the agreement, and its words in every language it can be printed in. */
type AgreementReply = SuccessBody<Awaited<ReturnType<SessionApi['agreement']['$get']>>>;
type Words = AgreementReply['words'][string];

/** How often an open page looks for new wording while the agreement is being built. */
const REFRESH_MS = 5000;
/** The printable height of a US Letter page with half-inch margins, in CSS pixels (A4 is taller). */
const PRINT_HEIGHT_PX = 10 * 96;

/**
 * The one-page Partnership Agreement, to print and post in a hallway or to read on a
 * phone. It needs only the join code: the agreement holds no names. Printing shrinks the
 * sheet if needed so it always fits one page; the PDF download is the same page, drawn
 * on the server.
 *
 * It prints in one language or two (`?lang=es`, `?lang=en,es`): with two, every heading is
 * in the first and, smaller beneath it, in the second, as the PDF does. What people wrote
 * is shown once, as written.
 */
export class PdAgreementPage extends LitElement {
  static override styles = css`
    :host {
      display: block;
      padding: 1rem;
    }
    .tools {
      max-width: 8.5in;
      margin: 0 auto 0.8rem;
      display: flex;
      gap: 0.6rem;
      flex-wrap: wrap;
      font-family: system-ui, sans-serif;
    }
    .tools select {
      font: 600 1rem system-ui, sans-serif;
      padding: 0.45rem 0.6rem;
      border-radius: 8px;
      border: 2px solid var(--pd-agreement);
      background: var(--pd-surface);
      color: var(--pd-ink);
    }
    .tools label {
      align-self: center;
      font-weight: 600;
    }
    .second {
      display: block;
      font-size: 0.8em;
      font-weight: 400;
      color: var(--pd-ink-soft);
    }
    h1 .second,
    h2 .second {
      color: var(--pd-agreement);
    }
    .tools a,
    .tools button {
      font: 600 1rem system-ui, sans-serif;
      padding: 0.5rem 0.9rem;
      border-radius: 8px;
      border: 2px solid var(--pd-agreement);
      background: var(--pd-surface);
      color: var(--pd-agreement);
      text-decoration: none;
      cursor: pointer;
    }
    .sheet {
      box-sizing: border-box;
      max-width: 8.5in;
      margin: 0 auto;
      background: var(--pd-surface);
      border: 3px solid var(--pd-agreement);
      padding: 0.6in 0.7in;
      box-shadow: 0 2px 10px rgb(0 0 0 / 0.15);
    }
    header {
      text-align: center;
      border-bottom: 2px solid var(--pd-agreement);
      padding-bottom: 0.6rem;
      margin-bottom: 1rem;
    }
    h1 {
      margin: 0;
      font-size: 2rem;
      color: var(--pd-agreement);
    }
    .subtitle {
      margin: 0.2rem 0 0;
      font-size: 1.35rem;
      font-weight: 700;
    }
    h2 {
      font-size: 1.15rem;
      color: var(--pd-agreement);
      margin: 1.1rem 0 0.35rem;
    }
    p,
    li {
      font-size: 1.02rem;
      line-height: 1.45;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .definition {
      font-size: 1.15rem;
      font-style: italic;
      margin: 0;
    }
    ul {
      margin: 0;
      padding-left: 1.3rem;
    }
    li {
      margin: 0.2rem 0;
    }
    footer {
      margin-top: 1.4rem;
      border-top: 1px solid var(--pd-line);
      padding-top: 0.5rem;
      text-align: center;
      font-size: 0.92rem;
      color: var(--pd-ink);
    }
    footer p {
      font-size: inherit;
      margin: 0.15rem 0;
    }
    .problem {
      color: var(--pd-danger);
      font-family: system-ui, sans-serif;
    }
    @media print {
      :host {
        padding: 0;
      }
      .tools {
        display: none;
      }
      .sheet {
        border: none;
        box-shadow: none;
        padding: 0;
        max-width: none;
        zoom: var(--fit, 1);
      }
    }
  `;

  private readonly session = new SessionConsumer<PublicSession>(this, publicSessionContext);
  private readonly language = new LanguageController(this, agreementCatalog);
  /** The last agreement loaded: kept on screen when a later load fails. */
  private loaded: AgreementReply | null = null;
  /** Why the last load failed, until one succeeds again (a refresh in progress does not hide it). */
  private problem: 'offline' | 'noSession' | 'loadFailed' | '' = '';
  /** The languages it is shown and printed in: one, or two for a mixed room (from the link's `?lang=`). */
  private shown: string[] = (new URLSearchParams(location.search).get('lang') ?? '').split(',').filter(Boolean).slice(0, 2);

  private readonly load = new Task(this, {
    task: async ([session], { signal }) => {
      if (!session) return null;
      const reply = await bodyOf(session.api.agreement.$get({ param: { code: session.code } }, { init: { signal, cache: 'no-store' } }));
      this.loaded = reply;
      return reply;
    },
    args: () => [this.session.value] as const,
    onComplete: () => (this.problem = ''),
    onError: (error) => (this.problem = explain(error)),
  });

  /** An open page looks for new wording while the agreement is being built. */
  private readonly refresh = new ClockController(this, REFRESH_MS, () => {
    if (document.visibilityState === 'visible') void this.load.run();
  });

  constructor() {
    super();
    addEventListener('beforeprint', () => this.fitToPage());
    addEventListener('afterprint', () => this.style.removeProperty('--fit'));
  }

  /** A long agreement is scaled down for print so it stays on one page. */
  private fitToPage() {
    const sheet = this.renderRoot.querySelector<HTMLElement>('.sheet');
    if (!sheet) return;
    const needed = sheet.scrollHeight;
    this.style.setProperty('--fit', String(Math.min(1, PRINT_HEIGHT_PX / needed)));
  }

  /** The languages to show: those the link asked for and the agreement has, else the page's own. */
  private languages(reply: AgreementReply | null): string[] {
    const known = reply?.languages ?? [];
    const asked = this.shown.filter((lang) => known.includes(lang));
    if (asked.length > 0) return asked;
    return [known.includes(agreementCatalog.lang) ? agreementCatalog.lang : (known[0] ?? agreementCatalog.lang)];
  }

  private choose(value: string) {
    this.shown = value.split(',');
    const url = new URL(location.href);
    url.searchParams.set('lang', value);
    history.replaceState(null, '', url);
    // The page's own words follow the first language.
    void agreementCatalog.use(this.shown[0]);
    this.requestUpdate();
  }

  override render() {
    const reply = this.loaded;
    const a = reply?.agreement ?? null;
    const session = this.session.value;
    const problem = this.problem;
    const languages = this.languages(reply);
    const words = reply ? languages.map((lang) => reply.words[lang]).filter(Boolean) : [];
    const school = a?.schoolName || words[0]?.school || msg('ourSchool');
    document.title = msg('pageTitle', { school });
    const pdf = (query: { size?: 'a4' }) => session?.api.agreement.pdf.$path({ param: { code: session.code }, query: { ...query, lang: languages.join(',') } }) ?? '';
    return html`
      <div class="tools">
        ${reply ? this.renderLanguageMenu(reply.languages, languages) : null}
        <button @click=${() => print()}>${msg('print')}</button>
        <a href=${pdf({})} download>${msg('downloadLetter')}</a>
        <a href=${pdf({ size: 'a4' })} download>${msg('downloadA4')}</a>
      </div>
      ${problem ? html`<p class="problem" role="alert">${msg(problem)}</p>` : null}
      ${a && words.length > 0
        ? this.renderSheet(a, words)
        : problem
          ? null
          : html`<p role="status">${msg('loading')}</p>`}
    `;
  }

  /** One language, or a pair: the page's language first with each other one. */
  private renderLanguageMenu(known: string[], shown: string[]) {
    const name = (lang: string) => new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? lang;
    const first = known.includes(agreementCatalog.lang) ? agreementCatalog.lang : known[0];
    const options = [...known.map((lang) => [lang]), ...known.filter((l) => l !== first).map((other) => [first, other])];
    const current = shown.join(',');
    return html`<label for="agreement-language">${msg('language')}</label>
      <select id="agreement-language" @change=${(e: Event) => this.choose((e.target as HTMLSelectElement).value)}>
        ${options.map((pair) => {
          const value = pair.join(',');
          const label = pair.length === 1 ? name(pair[0]) : msg('bothLanguages', { first: name(pair[0]), second: name(pair[1]) });
          return html`<option value=${value} ?selected=${value === current}>${label}</option>`;
        })}
      </select>`;
  }

  private renderSheet(a: AgreementPart, words: Words[]) {
    const [first] = words;
    /** A heading's words in the first language, and in the second beneath them. */
    const both = (text: (w: Words) => string) =>
      html`<span lang=${first.lang}>${text(first)}</span>${words[1] ? html`<span class="second" lang=${words[1].lang}>${text(words[1])}</span>` : null}`;
    return html`<article class="sheet" aria-label=${msg('sheetLabel')}>
      <header>
        <h1>${a.schoolName ? a.schoolName : both((w) => w.school)}</h1>
        <p class="subtitle">${both((w) => w.title)}</p>
      </header>
      <h2>${both((w) => w.definition)}</h2>
      <p class="definition">${a.definition || '—'}</p>
      <h2>${both((w) => w.agreements)}</h2>
      <ul>
        ${a.agreements.map((s) => html`<li>${s}</li>`)}
      </ul>
      <h2>${both((w) => w.examples)}</h2>
      <ul>
        ${a.examples.map((s) => html`<li>${s}</li>`)}
      </ul>
      <footer>
        <p>${both((w) => builtLine(w, a.date, a.groups))}</p>
        ${a.nextMeeting ? html`<p>${both((w) => fill(w.nextMeeting, { date: meetingDate(a.nextMeeting, w.lang) }))}</p>` : null}
      </footer>
    </article>`;
  }
}

function explain(error: unknown): 'offline' | 'noSession' | 'loadFailed' {
  if (!(error instanceof ApiError)) return 'offline';
  return error.status === 404 ? 'noSession' : 'loadFailed';
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all);
}

/** An ISO date written out in `lang` (as the PDF writes it); other text stays as written. */
function writtenDate(value: string, lang: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return value;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${value.trim()}T00:00:00Z`));
}

function builtLine(words: Words, date: string, groups: readonly string[]): string {
  const names = groups.map((g) => words.groups[g] ?? g);
  const who = names.length ? new Intl.ListFormat(words.lang, { style: 'long', type: 'conjunction' }).format(names) : words.everyone;
  return date ? fill(words.builtOnBy, { date: writtenDate(date, words.lang), groups: who }) : fill(words.builtBy, { groups: who });
}

customElements.define('pd-agreement-page', PdAgreementPage);

declare global {
  interface HTMLElementTagNameMap {
    'pd-agreement-page': PdAgreementPage;
  }
}

/**
 * The next meeting as prepared (2026-03-12, or 2026-03-12T18:30 in the room's wall-clock
 * time) written out in `lang` in full, with its weekday and time, as slide 27, the phones
 * and the PDF write it; other text as it is.
 */
function meetingDate(value: string, lang: string): string {
  const m = value.trim().match(/^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/);
  if (!m) return value;
  const [, y, mo, d, h, mi] = m;
  // Built and shown in UTC, so the reader's own time zone never shifts the day or the hour.
  const when = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0)));
  return new Intl.DateTimeFormat(lang, { dateStyle: 'full', ...(h ? { timeStyle: 'short' } : {}), timeZone: 'UTC' }).format(when);
}
