import { Hono } from 'hono';
import type { AppDeps } from '../http/app-deps.js';
import type { AppEnv } from '../http/app-env.js';
import { deckIn } from '../deck/deck-in-language.js';

/** Which decks this server can run (every Markdown file in slides/). */
export function decksRoutes({ decks }: AppDeps) {
  return new Hono<AppEnv>().get('/', (c) =>
    c.json({
      decks: [...decks.values()].map((d) => ({
        id: d.id,
        title: d.title,
        /** The deck's languages, and its title in each. */
        languages: d.languages,
        titles: Object.fromEntries(d.languages.map((lang) => [lang, deckIn(d, lang).title])) as Record<string, string>,
        minutes: d.minutes,
        slides: d.slides.length,
      })),
    }),
  );
}
