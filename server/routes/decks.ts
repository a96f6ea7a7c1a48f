import { Hono } from 'hono';
import { defaultDeck } from '../deck/load-decks.js';
import type { AppDeps } from '../http/app-deps.js';
import type { AppEnv } from '../http/app-env.js';
import { deckIn } from '../deck/deck-in-language.js';
import { inventoryIndex } from '../features/inventory/inventory-deck.js';

/** Which decks this server can run (every Markdown file in slides/), the default deck first. */
export function decksRoutes({ decks }: AppDeps) {
  const first = defaultDeck(decks);
  const listed = [...decks.values()].sort((a, b) => Number(b === first) - Number(a === first));
  return new Hono<AppEnv>().get('/', (c) =>
    c.json({
      decks: listed.map((d) => ({
        id: d.id,
        title: d.title,
        /** The deck's languages, and its title in each. */
        languages: d.languages,
        titles: Object.fromEntries(d.languages.map((lang) => [lang, deckIn(d, lang).title])),
        minutes: d.minutes,
        slides: d.slides.length,
        inventory: inventoryIndex(d) !== null,
      })),
    }),
  );
}
