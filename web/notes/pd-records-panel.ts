import { css, html } from 'lit';
import { ApiError } from '../shared/live/api-client.js';
import { StaffElement } from '../shared/staff-element.js';
import { staffCatalog, staffMsg, staffRefusal, type StaffMessageKey } from '../shared/staff-messages.js';
import { staffStyles } from '../shared/staff-styles.js';

/** Each file the records offer, with its button's words. */
const FILES: { file: string; label: StaffMessageKey }[] = [
  { file: 'summary.pdf', label: 'recordSummary' },
  { file: 'attendance.csv', label: 'recordAttendance' },
  { file: 'answers.csv', label: 'recordAnswers' },
  { file: 'cards.csv', label: 'recordCards' },
  { file: 'group-notes.csv', label: 'recordGroupNotes' },
  { file: 'polls.csv', label: 'recordPolls' },
  { file: 'reflections.csv', label: 'recordReflections' },
  { file: 'stickers.csv', label: 'recordStickers' },
  { file: 'tallies.csv', label: 'recordTallies' },
  { file: 'session.json', label: 'recordEverything' },
];

/**
 * The session's records, on every slide of the notes view: downloading one never moves the
 * deck or the phones. Files need the facilitator's key in a header, so each is fetched
 * with the session's key and saved from here.
 */
export class PdRecordsPanel extends StaffElement {
  static override styles = [
    staffStyles,
    css`
      .files {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
      }
      h3 {
        font-size: 1rem;
        margin: 0 0 0.4rem;
      }
    `,
  ];

  override render() {
    return html`<h3>${staffMsg('recordsHeading')}</h3>
      <div class="files">${FILES.map(({ file, label }) => html`<button @click=${() => this.download(file)}>${staffMsg(label)}</button>`)}</div>
      ${this.writes.alert()}`;
  }

  private async download(file: string) {
    const live = this.live;
    if (!live) return;
    const code = live.code;
    const blob = await this.writes.run(async () => {
      const res = await live.api.exports[':file'].$get({ param: { code, file: file as 'session.json' }, query: { lang: staffCatalog.lang } });
      if (!res.ok) throw new ApiError(res.status, 'export_failed', staffMsg('refusedGeneric', { reason: `${file} (${res.status})` }));
      return res.blob();
    }, staffRefusal);
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const name = file === 'session.json' ? `partnerdeck-${code}.json` : `partnerdeck-${code}-${file}`;
    Object.assign(document.createElement('a'), { href: url, download: name }).click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

customElements.define('pd-records-panel', PdRecordsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'pd-records-panel': PdRecordsPanel;
  }
}
