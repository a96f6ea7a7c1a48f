import { join } from 'node:path';
import { Catalogs } from './catalogs.js';

/**
 * The catalogs for the words the server itself prints (the Leadership Action Plan, the
 * feedback-loop report): the app's own, from LOCALES_DIR (createApp hands them over),
 * else the project's `locales/` folder, read once. Like the pages', a language is added
 * with a file.
 */
let shared: Catalogs | null = null;

export function useServerCatalogs(catalogs: Catalogs): void {
  shared = catalogs;
}

export function serverCatalogs(): Catalogs {
  shared ??= Catalogs.load(join(import.meta.dirname, '../../locales'));
  return shared;
}

/**
 * A family's messages in the language that best serves `lang` (English for what it leaves
 * out), each as one text: where a message has plural forms, its `other` form. `lang` is the
 * language they are in.
 */
export function serverMessages(family: string, lang: string): { lang: string; messages: Record<string, string> } {
  const catalogs = serverCatalogs();
  const picked = catalogs.pick(family, [lang]);
  const catalog = catalogs.catalog(family, picked);
  const messages = Object.fromEntries(
    Object.entries(catalog?.messages ?? {}).map(([key, message]) => [key, typeof message === 'string' ? message : message.other]),
  );
  return { lang: picked, messages };
}
