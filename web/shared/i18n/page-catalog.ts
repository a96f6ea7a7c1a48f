import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PageBoot } from '../../../server/contract/i18n.js';
import { Catalog, type MessageValues, type ServedCatalog } from './catalog.js';

/**
 * A page's words, in the reader's language. The server writes the catalog it picked (from
 * the link's `?lang=` or the browser's languages) into the page as `#pd-boot`, so the
 * first paint needs no request. A reader who chose another language on this device (kept
 * in localStorage, shared by every page of the app) gets that catalog fetched once from
 * GET /i18n/<family>/<lang>; switching language later does the same, and tells every
 * element through `subscribe` (LanguageController re-renders its host).
 *
 * `<html lang dir>` always follow the page's own catalog, so a right-to-left language lays
 * out right to left.
 *
 * A page may read more than one family: its own (the first its `<meta name="pd-catalog">`
 * names) and others its parts share with other pages (the inventory's words on the phone,
 * the projector and the plan page). The families the meta names come in the page too; one
 * it does not name (the inventory's words on a phone, needed only on an inventory deck) is
 * fetched the first time one of its messages is asked for, and shows nothing until then.
 * A language chosen in any of the page's catalogs is used by all of them.
 */
export const LANGUAGE_STORAGE_KEY = 'pd-language';

/** What the server wrote into the page, read once. */
export function pageBoot(): PageBoot | null {
  const script = typeof document === 'undefined' ? null : document.getElementById('pd-boot');
  if (!script?.textContent) return null;
  try {
    return JSON.parse(script.textContent) as PageBoot;
  } catch {
    return null;
  }
}

/** Every catalog this page reads, so a language chosen in one is used by all. */
interface PageMember {
  readonly own: boolean;
  /** Its language, once it has a catalog (null before its first one arrived). */
  loadedLang(): string | null;
  /** Uses `lang` too, if it has been asked for any words yet. */
  follow(lang: string): void;
}
const pageCatalogs = new Set<PageMember>();

export class PageCatalog<K extends string> {
  private catalog: Catalog<K>;
  private readonly loaded = new Map<string, Catalog<K>>();
  private readonly listeners = new Set<() => void>();
  /** The page's own family (the first its meta names): it alone sets `<html lang dir>`. */
  private readonly own: boolean;
  /** Not served with the page: fetched when first asked for a message (null until then). */
  private fetching: Promise<void> | null = null;
  private readonly member: PageMember;
  /** Resolves once the catalog in the reader's chosen language is in use. */
  readonly ready: Promise<void>;

  constructor(readonly family: string) {
    const boot = pageBoot();
    const served = [boot?.catalog, ...(boot?.also ?? [])].find((c) => c?.family === family);
    this.own = !boot || boot.catalog.family === family;
    this.catalog = new Catalog<K>(served ?? emptyCatalog(family));
    if (served) {
      this.loaded.set(served.language.code, this.catalog);
      this.fetching = Promise.resolve();
    }
    this.member = {
      own: this.own,
      loadedLang: () => (this.loaded.size > 0 ? this.catalog.lang : null),
      follow: (lang) => {
        if (this.fetching !== null) void this.use(lang, { remember: false }).catch(() => {});
      },
    };
    pageCatalogs.add(this.member);
    this.apply();
    const wanted = this.preferred();
    this.ready = served && wanted && wanted !== this.catalog.lang ? this.use(wanted, { remember: false }).catch(() => {}) : Promise.resolve();
  }

  get current(): Catalog<K> {
    return this.catalog;
  }

  get lang(): string {
    return this.catalog.lang;
  }

  /** Looks a message up in the language in use (arrow function: pages pass it around as `msg`). */
  readonly t = (key: K, values?: MessageValues): string => {
    if (this.fetching === null) {
      // A family the page was served without: its words arrive shortly, nothing shows until then.
      this.fetching = this.fetchFirst();
      return '';
    }
    return this.loaded.size === 0 ? '' : this.catalog.t(key, values);
  };

  /** The first catalog of a family the page came without: in the page's language, else English. */
  private async fetchFirst(): Promise<void> {
    const others = [...pageCatalogs].filter((c) => c !== this.member && c.loadedLang() !== null);
    const lang = this.preferred() ?? others.find((c) => c.own)?.loadedLang() ?? others[0]?.loadedLang() ?? 'en';
    try {
      await this.use(lang, { remember: false });
      if (this.loaded.size === 0 && lang !== 'en') await this.use('en', { remember: false });
    } catch {
      // offline: asked again the next time a message is wanted
      this.fetching = null;
    }
  }

  /**
   * This family's words in `lang` beside the language in use (a projector shows the room
   * two languages at once), fetched once; English when the family is not written in it.
   */
  async in(lang: string): Promise<Catalog<K>> {
    const known = this.loaded.get(lang);
    if (known) return known;
    const written = this.catalog.languages.length === 0 || this.catalog.languages.some((l) => l.code === lang);
    const res = written ? await fetch(`/i18n/${this.family}/${encodeURIComponent(lang)}`) : null;
    if (!res?.ok) return lang === 'en' ? this.catalog : this.in('en');
    const catalog = new Catalog<K>((await res.json()) as ServedCatalog);
    this.loaded.set(lang, catalog);
    return catalog;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Switches the page to `lang` (fetching its catalog the first time) and remembers the choice; the page's other catalogs follow. */
  async use(lang: string, { remember = true } = {}): Promise<void> {
    if (remember) {
      rememberLanguage(lang);
      for (const other of pageCatalogs) if (other !== this.member) other.follow(lang);
    }
    let next = this.loaded.get(lang);
    if (!next) {
      if (!this.catalog.languages.some((l) => l.code === lang) && this.catalog.languages.length > 0) return;
      const res = await fetch(`/i18n/${this.family}/${encodeURIComponent(lang)}`);
      if (!res.ok) return;
      next = new Catalog<K>((await res.json()) as ServedCatalog);
      this.loaded.set(lang, next);
    }
    if (next === this.catalog) return;
    this.catalog = next;
    this.apply();
    for (const listener of this.listeners) listener();
  }

  /** The language this device's reader chose, if the family is written in it. */
  private preferred(): string | null {
    // A link that names its language (`?lang=es`, as an agreement link shared in Spanish) was served in it.
    if (typeof location !== 'undefined' && new URLSearchParams(location.search).has('lang')) return null;
    const saved = rememberedLanguage();
    if (!saved) return null;
    return this.catalog.languages.some((l) => l.code === saved) ? saved : null;
  }

  private apply(): void {
    if (typeof document === 'undefined' || !this.own || this.loaded.size === 0) return;
    document.documentElement.lang = this.catalog.lang;
    document.documentElement.dir = this.catalog.dir;
  }
}

/** Re-renders its host whenever the page's language changes. */
export class LanguageController implements ReactiveController {
  private release: (() => void) | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly catalog: { subscribe(listener: () => void): () => void },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.release = this.catalog.subscribe(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.release?.();
    this.release = null;
  }
}

export function rememberedLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
}

function rememberLanguage(lang: string): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // no storage (private browsing): the choice lasts as long as the page
  }
}

/** Stands in until a catalog arrives when a page was served without one (shows message keys). */
function emptyCatalog(family: string): ServedCatalog {
  const language = { code: 'en', name: 'English', dir: 'ltr' as const };
  return { family, language, fallback: 'en', missing: [], languages: [], messages: {} };
}
