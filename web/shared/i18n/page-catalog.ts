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
 * `<html lang dir>` always follow the catalog in use, so a right-to-left language lays
 * out right to left.
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

export class PageCatalog<K extends string> {
  private catalog: Catalog<K>;
  private readonly loaded = new Map<string, Catalog<K>>();
  private readonly listeners = new Set<() => void>();
  /** Resolves once the catalog in the reader's chosen language is in use. */
  readonly ready: Promise<void>;

  constructor(readonly family: string) {
    const served = pageBoot()?.catalog;
    this.catalog = new Catalog<K>(served?.family === family ? served : emptyCatalog(family));
    if (served?.family === family) this.loaded.set(served.language.code, this.catalog);
    this.apply();
    const wanted = this.preferred();
    this.ready = wanted && wanted !== this.catalog.lang ? this.use(wanted, { remember: false }).catch(() => {}) : Promise.resolve();
  }

  get current(): Catalog<K> {
    return this.catalog;
  }

  get lang(): string {
    return this.catalog.lang;
  }

  /** Looks a message up in the language in use (arrow function: pages pass it around as `msg`). */
  readonly t = (key: K, values?: MessageValues): string => this.catalog.t(key, values);

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Switches the page to `lang` (fetching its catalog the first time) and remembers the choice. */
  async use(lang: string, { remember = true } = {}): Promise<void> {
    if (remember) rememberLanguage(lang);
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
    if (typeof document === 'undefined') return;
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
