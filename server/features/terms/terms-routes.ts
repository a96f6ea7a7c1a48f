import { Hono } from 'hono';
import { z } from 'zod';
import { deckIn } from '../../deck/deck-in-language.js';
import type { AppDeps } from '../../http/app-deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { requireOpId, requireRole, withSession } from '../../http/session-access.js';
import { validate } from '../../http/validate.js';
import { setTerms } from './terms-commands.js';

const termId = z.string().regex(/^[a-z][A-Za-z0-9]{0,39}$/, 'is not a term id');
const language = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'is not a language code');
const setTermsBody = z.strictObject({ values: z.record(termId, z.record(language, z.string().max(600))).refine((v) => Object.keys(v).length <= 100, 'too many terms') });

/**
 * The deck's terms as this district names them: anyone with the code reads them (they are
 * the words the slides and phones show); the facilitators set them, in preparation or later.
 */
export function termsRoutes(deps: AppDeps) {
  const { registry, keys } = deps;
  return new Hono<AppEnv>()
    .use(withSession(registry))
    .get('/', (c) => {
      const { runtime } = c.get('live');
      const { deck } = runtime;
      // Each term's label, description and own words in every language of the deck, for a form that edits them all.
      const inEach = deck.languages.map((lang) => deckIn(deck, lang));
      const terms = deck.terms.map((term, i) => ({
        id: term.id,
        byLanguage: Object.fromEntries(inEach.map((d) => [d.lang, { label: d.terms[i].label, description: d.terms[i].description, default: d.terms[i].default }])),
      }));
      return c.json({ languages: deck.languages, terms, values: runtime.state.terms });
    })
    .put('/', requireRole(keys, 'lead', 'support'), requireOpId, validate('json', setTermsBody), (c) => {
      const { runtime } = c.get('live');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => setTerms(state, runtime.deck, c.req.valid('json').values));
      return c.json(response);
    });
}
