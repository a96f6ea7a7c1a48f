import { css, html } from 'lit';
import type { BoardCluster, StaffWorkGroup, StandardItem } from '../../server/contract/parts.js';
import { bodyOf } from '../shared/live/api-client.js';
import { staffStyles } from '../shared/staff-styles.js';
import { inLanguage } from '../shared/text-in-language.js';
import { notesFormStyles } from './notes-form-styles.js';
import { ProtocolPanelElement } from './protocol-panel-element.js';

/**
 * A facilitator's hands on one small group's board, for what phones cannot do: notes
 * written on paper (typed in for the group, marked as paper), and grouping the notes into
 * clusters refined into agreed activities for a group that works without phones or asks
 * for help. The server lets a facilitator write on any group's board; this is where.
 */
export class PdGroupBoardStaff extends ProtocolPanelElement {
  static override styles = [
    staffStyles,
    notesFormStyles,
    css`
      :host {
        display: block;
      }
      .note {
        background: #fff7b8;
        border: 1px solid #e2d46b;
        border-radius: 4px;
        padding: 0.3rem 0.5rem;
        margin: 0.3rem 0;
      }
      .cluster {
        border: 1px solid var(--pd-line);
        border-radius: 6px;
        padding: 0.4rem 0.6rem;
        margin: 0.4rem 0;
      }
      .check {
        display: flex;
        gap: 0.4rem;
        align-items: center;
      }
      .check input {
        width: auto;
      }
      textarea {
        width: 100%;
        min-height: 3em;
      }
    `,
  ];
  static override properties = { ...ProtocolPanelElement.properties, groupId: { state: true } };
  /** The group being worked on; the first group until one is chosen. */
  declare private groupId: string;

  constructor() {
    super();
    this.groupId = '';
  }

  override render() {
    const live = this.live;
    const work = live?.part('groupWork');
    const kind = this.activity?.kind;
    // The coach follows read-only; no board to write on before the groups are made.
    if (!live || !work || work.groups.length === 0 || this.screenRole === 'coach' || (kind !== 'brainstorm' && kind !== 'cluster-and-refine')) return null;
    const group = work.groups.find((g) => g.id === this.groupId) ?? work.groups[0];
    const items = Object.values(live.part('preparation')?.fields ?? {}).flatMap((f) => (f.kind === 'standards' ? f.items : []));
    return html`<section aria-label=${this.t('staffBoardTitle')}>
      <h3>${this.t('staffBoardTitle')}</h3>
      <p class="hint">${this.t('staffBoardHint')}</p>
      <label for="board-group">${this.t('staffBoardGroup')}</label>
      <select id="board-group" @change=${(e: Event) => (this.groupId = (e.target as HTMLSelectElement).value)}>
        ${work.groups.map((g) => html`<option value=${g.id} ?selected=${g.id === group.id}>${this.t('group', { n: g.number })}</option>`)}
      </select>
      ${this.writes.alert()}
      ${kind === 'brainstorm' ? this.renderPaperNote(group, items) : this.renderClusters(group)} ${this.renderNotes(group, items, kind === 'cluster-and-refine')}
    </section>`;
  }

  private standardLabel(items: StandardItem[], id: string) {
    const s = items.find((item) => item.id === id);
    return s ? [s.code, inLanguage(s.text, this.deckLang)].filter(Boolean).join(' ') : id;
  }

  /** The brainstorm's "who could help" tags (on the cluster slide, the brainstorm's before it). */
  private get helpers() {
    const own = this.activity;
    if (own?.kind === 'brainstorm') return own.helpers;
    const earlier = this.deck?.slides.find((s) => s.activity?.kind === 'brainstorm')?.activity;
    return earlier?.kind === 'brainstorm' ? earlier.helpers : [];
  }

  private renderPaperNote(group: StaffWorkGroup, items: StandardItem[]) {
    if (group.standardIds.length === 0) return html`<p class="hint">${this.t('staffBoardNoStandards')}</p>`;
    return html`<form aria-label=${this.t('paperNoteTitle', { n: group.number })} @submit=${(e: SubmitEvent) => this.postNote(e, group)}>
      <label for="paper-standard">${this.t('paperNoteStandard')}</label>
      <select id="paper-standard" name="standardId">
        ${group.standardIds.map((id) => html`<option value=${id}>${this.standardLabel(items, id)}</option>`)}
      </select>
      <label for="paper-text">${this.t('paperNoteText')}</label>
      <textarea id="paper-text" name="text" maxlength="500" required></textarea>
      <fieldset>
        <legend>${this.t('paperNoteHelpers')}</legend>
        ${this.helpers.map((h) => html`<label class="check"><input type="checkbox" name="helper" value=${h.id} />${h.label}</label>`)}
      </fieldset>
      <button type="submit" class="primary">${this.t('paperNotePost')}</button>
    </form>`;
  }

  private renderClusters(group: StaffWorkGroup) {
    return html`${group.clusters.map((c) => this.renderCluster(c, group))}
      <form aria-label=${this.t('staffClusterNew', { n: group.number })} @submit=${(e: SubmitEvent) => this.addCluster(e, group)}>
        <label for="staff-cluster-name">${this.t('staffClusterName')}</label>
        <input id="staff-cluster-name" name="name" maxlength="60" required />
        <button type="submit">${this.t('staffClusterAdd')}</button>
      </form>`;
  }

  private renderCluster(c: BoardCluster, group: StaffWorkGroup) {
    const id = (field: string) => `${field}-${c.id}`;
    return html`<form class="cluster" aria-label=${this.t('staffClusterOf', { name: c.name })} @submit=${(e: SubmitEvent) => this.saveCluster(e, c)}>
      <label for=${id('name')}>${this.t('staffClusterName')}</label>
      <input id=${id('name')} name="name" maxlength="60" required .value=${c.name} />
      <p class="hint">${this.t('notesCount', { n: group.notes.filter((n) => n.clusterId === c.id).length })}</p>
      <label for=${id('activity')}>${this.t('staffClusterActivity')}</label>
      <textarea id=${id('activity')} name="activity" maxlength="240" .value=${c.activity}></textarea>
      <label for=${id('roles')}>${this.t('partnerRoles')}</label>
      <textarea id=${id('roles')} name="partnerRoles" maxlength="400" .value=${c.partnerRoles}></textarea>
      <label class="check"><input type="checkbox" name="useful" .checked=${c.useful} />${this.t('staffClusterUseful')}</label>
      <label class="check"><input type="checkbox" name="realistic" .checked=${c.realistic} />${this.t('staffClusterRealistic')}</label>
      <p class="hint" role="status">${c.agreed ? this.t('staffClusterAgreed') : this.t('staffClusterNotAgreed')}</p>
      <button type="submit">${this.t('save')}</button>
    </form>`;
  }

  private renderNotes(group: StaffWorkGroup, items: StandardItem[], clustering: boolean) {
    if (group.notes.length === 0) return html`<p class="hint">${this.t('staffBoardEmpty')}</p>`;
    const helperLabel = new Map(this.helpers.map((h) => [h.id, h.label]));
    return html`<ul aria-label=${this.t('staffBoardNotes', { n: group.number })}>
      ${group.notes.map(
        (n) => html`<li class="note">
          ${n.text}
          <span class="hint">· ${this.standardLabel(items, n.standardId)}${n.helpers.length ? ` · ${n.helpers.map((h) => helperLabel.get(h) ?? h).join(', ')}` : ''}${n.paper ? ` · ${this.t('paperNoteMark')}` : ''}</span>
          ${clustering
            ? html`<select aria-label=${this.t('staffNoteCluster', { text: n.text })} @change=${(e: Event) => this.moveNote(n.id, (e.target as HTMLSelectElement).value)}>
                <option value="" ?selected=${n.clusterId === null}>${this.t('staffNoCluster')}</option>
                ${group.clusters.map((c) => html`<option value=${c.id} ?selected=${n.clusterId === c.id}>${c.name}</option>`)}
              </select>`
            : null}
        </li>`,
      )}
    </ul>`;
  }

  private async postNote(event: SubmitEvent, group: StaffWorkGroup) {
    event.preventDefault();
    const live = this.live!;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const json = { slide: this.slide, groupId: group.id, standardId: String(data.get('standardId')), text: String(data.get('text') ?? ''), helpers: data.getAll('helper').map(String) };
    if (await this.writes.run(() => bodyOf(live.api.groups.notes.$post({ param: { code: live.code }, json })))) form.reset();
  }

  private async addCluster(event: SubmitEvent, group: StaffWorkGroup) {
    event.preventDefault();
    const live = this.live!;
    const form = event.target as HTMLFormElement;
    const name = String(new FormData(form).get('name') ?? '');
    if (await this.writes.run(() => bodyOf(live.api.groups.clusters.$post({ param: { code: live.code }, json: { slide: this.slide, groupId: group.id, name } })))) form.reset();
  }

  private async saveCluster(event: SubmitEvent, c: BoardCluster) {
    event.preventDefault();
    const live = this.live!;
    const data = new FormData(event.target as HTMLFormElement);
    const json = {
      name: String(data.get('name') ?? ''),
      activity: String(data.get('activity') ?? ''),
      partnerRoles: String(data.get('partnerRoles') ?? ''),
      useful: data.get('useful') === 'on',
      realistic: data.get('realistic') === 'on',
    };
    await this.writes.run(() => bodyOf(live.api.groups.clusters[':clusterId'].$patch({ param: { code: live.code, clusterId: c.id }, json })));
  }

  private moveNote(noteId: string, clusterId: string) {
    const live = this.live!;
    void this.writes.run(() => bodyOf(live.api.groups.clustered[':noteId'].$put({ param: { code: live.code, noteId }, json: { clusterId: clusterId || null } })));
  }
}

customElements.define('pd-group-board-staff', PdGroupBoardStaff);

declare global {
  interface HTMLElementTagNameMap {
    'pd-group-board-staff': PdGroupBoardStaff;
  }
}
