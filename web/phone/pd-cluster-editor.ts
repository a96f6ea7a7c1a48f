import { css, html } from 'lit';
import type { BoardCluster } from '../../server/contract/parts.js';
import { bodyOf } from '../shared/live/api-client.js';
import { msg } from './messages.js';
import { PhoneElement } from './phone-element.js';
import { phoneStyles } from './phone-styles.js';

/**
 * One cluster of a group's notes: its name, the activity the group writes for it (what
 * each partner would do) and the two checks that make it agreed. Any member may edit it;
 * what is saved shows on every member's phone.
 */
export class PdClusterEditor extends PhoneElement {
  static override styles = [
    phoneStyles,
    css`
      .check {
        display: flex;
        gap: 0.5rem;
        align-items: flex-start;
        font-weight: normal;
        margin: 0.4rem 0;
      }
      .check input {
        width: auto;
        margin-top: 0.25rem;
      }
      .agreed {
        color: var(--pd-success);
        font-weight: 600;
      }
    `,
  ];
  static override properties = { cluster: { attribute: false }, noteCount: { type: Number }, busy: { state: true } };
  /** The cluster as the group's board has it. */
  declare cluster: BoardCluster | null;
  /** How many of the group's notes are in it. */
  declare noteCount: number;
  declare private busy: boolean;

  constructor() {
    super();
    this.cluster = null;
    this.noteCount = 0;
    this.busy = false;
  }

  override render() {
    const c = this.cluster;
    if (!c) return null;
    const id = (field: string) => `${field}-${c.id}`;
    return html`<form class="card" aria-label=${`${msg('clusterOf')}: ${c.name}`} @submit=${this.save}>
      <label for=${id('name')}>${msg('clusterName')}</label>
      <input id=${id('name')} name="name" maxlength="60" required .value=${c.name} />
      <p class="hint">${msg('clusterNotes', { n: this.noteCount })}</p>
      <label for=${id('activity')}>${msg('clusterActivity')}</label>
      <textarea id=${id('activity')} name="activity" maxlength="240" .value=${c.activity}></textarea>
      <label for=${id('roles')}>${msg('clusterPartnerRoles')}</label>
      <textarea id=${id('roles')} name="partnerRoles" maxlength="400" .value=${c.partnerRoles}></textarea>
      <label class="check"><input type="checkbox" name="useful" .checked=${c.useful} />${msg('clusterUseful')}</label>
      <label class="check"><input type="checkbox" name="realistic" .checked=${c.realistic} />${msg('clusterRealistic')}</label>
      <p class=${c.agreed ? 'agreed' : 'hint'} role="status">${c.agreed ? msg('clusterAgreed') : msg('clusterNotAgreed')}</p>
      ${this.writes.alert()}
      <div class="row">
        <button type="submit" ?disabled=${this.busy}>${msg('clusterSave')}</button>
        <button type="button" class="secondary" ?disabled=${this.busy} @click=${this.removeCluster}>${msg('clusterRemove')}</button>
      </div>
    </form>`;
  }

  private readonly save = async (event: SubmitEvent) => {
    event.preventDefault();
    const live = this.live;
    const c = this.cluster;
    if (!live || !c) return;
    const data = new FormData(event.target as HTMLFormElement);
    const json = {
      name: String(data.get('name') ?? ''),
      activity: String(data.get('activity') ?? ''),
      partnerRoles: String(data.get('partnerRoles') ?? ''),
      useful: data.get('useful') === 'on',
      realistic: data.get('realistic') === 'on',
    };
    this.busy = true;
    await this.writes.run(() => bodyOf(live.api.groups.clusters[':clusterId'].$patch({ param: { code: live.code, clusterId: c.id }, json })));
    this.busy = false;
  };

  private readonly removeCluster = async () => {
    const live = this.live;
    const c = this.cluster;
    if (!live || !c) return;
    this.busy = true;
    await this.writes.run(() => bodyOf(live.api.groups.clusters[':clusterId'].$delete({ param: { code: live.code, clusterId: c.id } })));
    this.busy = false;
  };
}

customElements.define('pd-cluster-editor', PdClusterEditor);

declare global {
  interface HTMLElementTagNameMap {
    'pd-cluster-editor': PdClusterEditor;
  }
}
