import { LitElement, css, html } from 'lit';
import { apiClient, apiError, type SuccessBody } from '../shared/live/api-client.js';
import { usePalette } from '../shared/palette.js';
import { LanguageController } from '../shared/i18n/page-catalog.js';
import '../shared/pd-language-picker.js';
import { groupName, seriesCatalog, seriesMsg, seriesText, type SeriesMessageKey } from '../shared/series-messages.js';
import { takeCoordinatorKey } from './coordinator-key.js';

const api = apiClient();
type Overview = SuccessBody<Awaited<ReturnType<typeof api.api.district.overview.$get>>>;
type Program = Overview['programs'][number];
type Session = Program['sessions'][number];

/**
 * The district coordinator's page: every school's series side by side, each session done
 * or planned, with its attendance (and returning people), equity of voice, feedback and
 * fidelity; and every record as one download. No participant's name is ever shown.
 */
export class PdDistrictView extends LitElement {
  static override styles = css`
    :host {
      display: block;
      padding: 1rem clamp(0.5rem, 4vw, 1.5rem);
      font-family:
        system-ui,
        -apple-system,
        'Segoe UI',
        Roboto,
        sans-serif;
      color: var(--pd-ink);
    }
    h1 {
      margin: 0 0 0.5rem;
    }
    section {
      background: var(--pd-surface);
      border: 1px solid var(--pd-line);
      border-radius: 10px;
      padding: 0.8rem clamp(0.4rem, 3vw, 1rem);
      margin-bottom: 1rem;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font-size: 0.9rem;
    }
    /* A table needs its two dimensions: on a narrow screen it scrolls sideways by itself, the page does not. */
    .scroll {
      overflow-x: auto;
    }
    .scroll:focus-visible {
      outline: 3px solid var(--pd-focus);
      outline-offset: 2px;
    }
    h1,
    h2,
    p {
      overflow-wrap: break-word;
    }
    th,
    td {
      border-bottom: 1px solid var(--pd-line-soft);
      padding: 0.3rem 0.5rem;
      text-align: left;
      vertical-align: top;
    }
    td.num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .planned {
      color: var(--pd-ink-soft);
    }
    .voice {
      font-size: 0.8rem;
    }
    .bar {
      display: inline-block;
      height: 0.6rem;
      background: var(--pd-accent, #1f6feb);
      vertical-align: middle;
    }
  `;

  static override properties = { overview: { state: true }, problem: { state: true } };
  declare private overview: Overview | null;
  declare private problem: SeriesMessageKey | '';
  private key: string | null = null;
  private readonly language = new LanguageController(this, seriesCatalog);

  constructor() {
    super();
    this.overview = null;
    this.problem = '';
  }

  override connectedCallback() {
    super.connectedCallback();
    usePalette();
    this.key = takeCoordinatorKey();
    if (!this.key) this.problem = 'noDistrictKey';
    else void this.load();
  }

  private async load() {
    const res = await api.api.district.overview.$get(undefined, { headers: { authorization: `Bearer ${this.key}` } });
    if (!res.ok) {
      // Said in the page's language; the server's own words go to the console for whoever debugs it.
      console.warn((await apiError(res)).message);
      this.problem = res.status === 401 || res.status === 403 ? 'districtKeyRefused' : 'districtLoadFailed';
      return;
    }
    this.overview = await res.json();
  }

  override render() {
    document.title = seriesMsg('pageTitleDistrict');
    if (this.problem) return html`<p role="alert">${seriesMsg(this.problem)}</p>`;
    const overview = this.overview;
    if (!overview) return html`<p role="status">…</p>`;
    return html`
      <h1>${seriesMsg('district')}</h1>
      <pd-language-picker .catalog=${seriesCatalog} label=${seriesMsg('language')}></pd-language-picker>
      <p><button @click=${() => this.download()}>${seriesMsg('districtExport')}</button></p>
      ${overview.programs.length === 0 ? html`<p>${seriesMsg('noPrograms')}</p>` : null} ${overview.programs.map((program) => this.program(program))}
    `;
  }

  private program(program: Program) {
    const id = `program-${program.id}`;
    return html`<section aria-labelledby=${id}>
      <h2 id=${id}>${program.schoolName}</h2>
      <p>
        ${seriesMsg('series')}: ${seriesText(program.seriesTitle)} · ${seriesMsg('model')}:
        ${program.model === 'district-wide' ? seriesMsg('districtWide') : seriesMsg('singleBuilding')}${program.district ? html` · ${program.district}` : null}
      </p>
      <div class="scroll" role="region" tabindex="0" aria-labelledby=${id}>
        <table aria-label=${program.schoolName}>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">${seriesMsg('session')}</th>
              <th scope="col">${seriesMsg('people')}</th>
              <th scope="col">${seriesMsg('returning')}</th>
              <th scope="col">${seriesMsg('voice')}</th>
              <th scope="col">${seriesMsg('feedback')}</th>
              <th scope="col">${seriesMsg('fidelityShort')}</th>
              <th scope="col">${seriesMsg('questions')}</th>
            </tr>
          </thead>
          <tbody>
            ${program.sessions.map((session) => this.session(session))}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  private session(session: Session) {
    const r = session.record;
    const title = html`${seriesText(session.title)}<br /><span class="planned"
        >${session.status === 'done' ? seriesMsg('done') : seriesMsg('planned')}${session.plannedDate ? ` · ${seriesMsg('plannedFor', { date: session.plannedDate })}` : ''}</span
      >`;
    if (!r)
      return html`<tr class="planned">
        <td class="num">${session.number}</td>
        <td>${title}</td>
        <td colspan="6"></td>
      </tr>`;
    const ratings = r.feedback.ratings.filter((x) => x.mean !== null);
    const mean = ratings.length ? (ratings.reduce((a, x) => a + (x.mean ?? 0), 0) / ratings.length).toFixed(1) : '—';
    return html`<tr>
      <td class="num">${session.number}</td>
      <td>${title}</td>
      <td class="num">${r.attendance.people}</td>
      <td class="num">${r.attendance.returning}</td>
      <td class="voice">
        ${r.equityOfVoice.map(
          (v) =>
            html`<div>
              ${seriesMsg('voiceShare', { group: groupName(v.group), people: v.shareOfPeople, written: v.shareOfContributions })}
              <span class="bar" style="width:${v.shareOfContributions / 2}px" aria-hidden="true"></span>
            </div>`,
        )}
      </td>
      <td class="num">${mean}</td>
      <td class="num">${r.fidelity.score === null ? '—' : `${r.fidelity.score}%`}</td>
      <td class="num">${r.answered} / ${r.questions}</td>
    </tr>`;
  }

  /** The archive is fetched with the key in a header, never in a URL, and saved from memory. */
  private async download() {
    const res = await fetch('/api/district/export.zip', { headers: { authorization: `Bearer ${this.key}` } });
    if (!res.ok) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await res.blob());
    link.download = 'partnerdeck-district.zip';
    link.click();
  }
}

customElements.define('pd-district-view', PdDistrictView);

declare global {
  interface HTMLElementTagNameMap {
    'pd-district-view': PdDistrictView;
  }
}
