import { Task } from '@lit/task';
import { LitElement, css, html } from 'lit';
import type { AgreementPart, GroupName } from '../../server/contract/parts.js';
import { ClockController } from '../shared/clock-controller.js';
import { groupsLabel } from '../shared/group-labels.js';
import { ApiError, bodyOf } from '../shared/live/api-client.js';
import { SessionConsumer, publicSessionContext, type PublicSession } from '../shared/session-context.js';

/** How often an open page looks for new wording while the agreement is being built. */
const REFRESH_MS = 5000;
/** The printable height of a US Letter page with half-inch margins, in CSS pixels (A4 is taller). */
const PRINT_HEIGHT_PX = 10 * 96;

/**
 * The one-page Partnership Agreement, to print and post in a hallway or to read on a
 * phone. It needs only the join code: the agreement holds no names. Printing shrinks the
 * sheet if needed so it always fits one page; the PDF download is the same page, drawn
 * on the server.
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
  /** The last agreement loaded: kept on screen when a later load fails. */
  private agreement: AgreementPart | null = null;
  /** The deck's stakeholder groups, to name the ones that took part. */
  private groups: GroupName[] = [];
  /** Why the last load failed, until one succeeds again (a refresh in progress does not hide it). */
  private problem = '';

  private readonly load = new Task(this, {
    task: async ([session], { signal }) => {
      if (!session) return null;
      const { agreement, groups } = await bodyOf(session.api.agreement.$get({ param: { code: session.code } }, { init: { signal, cache: 'no-store' } }));
      this.agreement = agreement;
      this.groups = groups;
      document.title = `${agreement.schoolName || 'Our school'} · Partnership Agreement`;
      return agreement;
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

  override render() {
    const a = this.agreement;
    const session = this.session.value;
    const problem = this.problem;
    const pdf = (query: { size?: 'a4' }) => session?.api.agreement.pdf.$path({ param: { code: session.code }, query }) ?? '';
    return html`
      <div class="tools">
        <button @click=${() => print()}>Print</button>
        <a href=${pdf({})} download>Download PDF (US Letter)</a>
        <a href=${pdf({ size: 'a4' })} download>PDF (A4)</a>
      </div>
      ${problem ? html`<p class="problem" role="alert">${problem}</p>` : null}
      ${a
        ? html`<article class="sheet" aria-label="Partnership Agreement">
            <header>
              <h1>${a.schoolName || 'Our school'}</h1>
              <p class="subtitle">Partnership Agreement</p>
            </header>
            <h2>Our definition of partnership for student achievement</h2>
            <p class="definition">${a.definition || '—'}</p>
            <h2>Our group agreements</h2>
            <ul>
              ${a.agreements.map((s) => html`<li>${s}</li>`)}
            </ul>
            <h2>How all adults will model it</h2>
            <ul>
              ${a.examples.map((s) => html`<li>${s}</li>`)}
            </ul>
            <footer>
              <p>Built together${a.date ? ` on ${readerDate(a.date)}` : ''} by ${a.groups.map((g) => groupsLabel(this.groups, g)).join(' · ') || 'our school community'}.</p>
              ${a.nextMeeting ? html`<p>Copies at our next meeting: ${readerDate(a.nextMeeting, 'full')}</p>` : null}
            </footer>
          </article>`
        : problem
          ? null
          : html`<p role="status">Loading…</p>`}
    `;
  }
}

function explain(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Offline: showing the last version loaded.';
  return error.status === 404 ? 'There is no session with this code.' : 'The agreement could not be loaded.';
}

customElements.define('pd-agreement-page', PdAgreementPage);

declare global {
  interface HTMLElementTagNameMap {
    'pd-agreement-page': PdAgreementPage;
  }
}

/**
 * An ISO date (2026-03-12), or a date and time (2026-03-12T18:30, the room's wall-clock
 * time), in the reader's own language and format ("March 12, 2026", "12 de marzo de 2026,
 * 18:30"…); other text as it is. The next meeting is written in full (with its weekday), as
 * slide 27, the phones and the PDF write it.
 */
function readerDate(iso: string, dateStyle: 'long' | 'full' = 'long'): string {
  const m = iso.match(/^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/);
  if (!m) return iso;
  const [, y, mo, d, h, mi] = m;
  // Built and shown in UTC, so the reader's own time zone never shifts the day or the hour.
  const when = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0)));
  return new Intl.DateTimeFormat(undefined, { dateStyle, ...(h ? { timeStyle: 'short' } : {}), timeZone: 'UTC' }).format(when);
}
