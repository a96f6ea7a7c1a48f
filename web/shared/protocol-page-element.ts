import { LitElement, type PropertyDeclarations } from 'lit';
import { LanguageController } from './i18n/page-catalog.js';
import type { SessionApi } from './live/api-client.js';
import { protocolCatalog, protocolMsg, type ProtocolMessageKey } from './protocol-messages.js';

/**
 * A page of the process protocol that anyone with the session's code opens (a group's board
 * at the table, the Partnership Plan): it speaks the protocol's catalog in the reader's
 * language, asks the server again every `refreshMs` for changes made elsewhere, and again
 * when the reader picks another language.
 */
export abstract class ProtocolPageElement extends LitElement {
  static override properties: PropertyDeclarations = { code: {}, api: { attribute: false } };
  /** The session's code. */
  declare code: string;
  declare api: SessionApi | null;
  /** Re-renders in the language the protocol's words are read in. */
  private readonly protocolLanguage = new LanguageController(this, protocolCatalog);
  private timer: ReturnType<typeof setInterval> | undefined;
  private stopFollowing: (() => void) | null = null;

  constructor(private readonly refreshMs: number) {
    super();
    this.code = '';
    this.api = null;
  }

  /** Asks the server for what the page shows. */
  protected abstract load(): Promise<void>;

  /** Another language chosen on the menu: by default, the page's words are asked again. */
  protected languageChosen(): void {
    void this.load();
  }

  protected t(key: ProtocolMessageKey, values?: Record<string, string | number>) {
    return protocolMsg(key, values);
  }

  /** The reader's language: the page's catalog's (the link's `?lang=`, the browser's, or the one chosen here). */
  protected get readerLang(): string {
    return protocolCatalog.lang;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopFollowing = protocolCatalog.subscribe(() => this.languageChosen());
    void this.load();
    this.timer = setInterval(() => void this.load(), this.refreshMs);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
    this.stopFollowing?.();
  }
}
