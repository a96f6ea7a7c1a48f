import { Hono } from 'hono';
import { z } from 'zod';
import { AgreementPdfs, agreementSource } from './pdf/agreement-pdfs.js';
import { answerPdf } from './pdf/pdf-answer.js';
import { AGREEMENT_LIMITS, assembleAgreement, editAgreement } from './agreement-commands.js';
import { agreementCandidates, agreementDraft } from './agreement-model.js';
import { agreementLanguages, agreementWords } from './pdf/agreement-words.js';
import type { AppDeps } from '../../http/app-deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { clientAddress } from '../../http/client-address.js';
import { errorBody } from '../../http/errors.js';
import { rateLimit } from '../../http/rate-limit.js';
import { requireOpId, requireRole, withSession } from '../../http/session-access.js';
import { validate } from '../../http/validate.js';
import { writtenText } from '../../http/fields.js';

const raw = (max: number) => writtenText(max * 4);
const edit = z.strictObject({
  schoolName: raw(AGREEMENT_LIMITS.schoolName).optional(),
  definition: raw(AGREEMENT_LIMITS.definition).optional(),
  agreements: z.array(raw(AGREEMENT_LIMITS.statement)).max(AGREEMENT_LIMITS.items).optional(),
  examples: z.array(raw(AGREEMENT_LIMITS.statement)).max(AGREEMENT_LIMITS.items).optional(),
  date: z.union([z.literal(''), z.iso.date()]).optional(),
});

/**
 * PDF downloads per address: 20 at once, then one every 2 seconds. A facilitator printing
 * both sizes after each edit, or a phone opening it a few times, stays far below it.
 */
export const AGREEMENT_PDF_RATE = { perSecond: 0.5, burst: 20 } as const;

/** `?size=a4&lang=es`, or `lang=en,es` for one sheet in two languages. */
const pdfQuery = z.strictObject({
  size: z.enum(['letter', 'a4']).optional(),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?(,[a-z]{2,3}(-[A-Za-z0-9]{2,8})?)?$/, 'one language such as es, or two separated by a comma such as en,es')
    .refine((value) => new Set(value.split(',')).size === value.split(',').length, 'name two different languages')
    .optional(),
});

/**
 * The Partnership Agreement. Reading it (and its PDF) needs only the join code: it holds
 * no names, is made to be posted in a hallway, and anyone with the code can join anyway.
 * Editing it is for the facilitators, through the log like every other change.
 */
export function agreementRoutes(deps: AppDeps) {
  const { registry, keys } = deps;
  const staff = [requireRole(keys, 'lead', 'support'), requireOpId] as const;
  const pdfs = deps.agreementPdfs ?? new AgreementPdfs(registry);
  const agreementPdf = agreementSource(deps.catalogs);
  const pdfPerAddress = rateLimit({ name: 'agreement PDF per address', ...AGREEMENT_PDF_RATE, key: (c) => `pdf:${clientAddress(c)}` });
  return new Hono<AppEnv>()
    .use(withSession(registry))
    .get('/', (c) => {
      const { runtime } = c.get('live');
      // Whoever reads the agreement may well download it next.
      pdfs.pool.warm();
      const languages = agreementLanguages(runtime.deck, deps.catalogs);
      return c.json({
        code: runtime.code,
        deckTitle: runtime.deck.title,
        agreement: agreementDraft(runtime.state, runtime.deck),
        /** Every language the agreement can be printed in, and its words in each (the deck's own wording for the headings, as the printed page shows them). */
        languages,
        words: Object.fromEntries(languages.map((lang) => [lang, agreementWords(runtime.deck, deps.catalogs, lang, runtime.state.terms)])),
      });
    })
    .get('/pdf', pdfPerAddress, validate('query', pdfQuery), async (c) => {
      const { runtime } = c.get('live');
      const query = c.req.valid('query');
      const known = agreementLanguages(runtime.deck, deps.catalogs);
      const languages = query.lang ? query.lang.split(',') : [runtime.deck.languages[0]];
      const unknown = languages.filter((lang) => !known.includes(lang));
      if (unknown.length > 0) return c.json(errorBody('unknown_language', `The agreement is not written in "${unknown[0]}": ask for one of ${known.join(', ')}, or two of them separated by a comma.`), 400);
      const request = pdfs.describe(runtime, { size: query.size === 'a4' ? 'A4' : 'LETTER', languages }, agreementPdf);
      if (!request) return c.json(errorBody('no_agreement', `The deck "${runtime.deck.title}" has no Partnership Agreement.`), 404);
      return answerPdf(c, pdfs, request, `partnership-agreement-${runtime.code}-${languages.join('-')}.pdf`);
    })
    .get('/candidates', requireRole(keys, 'lead', 'support'), (c) => {
      const { runtime } = c.get('live');
      return c.json(agreementCandidates(runtime.state, runtime.deck));
    })
    .put('/', ...staff, validate('json', edit), (c) => {
      const { runtime } = c.get('live');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => editAgreement(state, runtime.deck, c.req.valid('json')));
      return c.json(response);
    })
    .post('/assemble', ...staff, (c) => {
      const { runtime } = c.get('live');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state, context) => assembleAgreement(state, runtime.deck, context));
      return c.json(response);
    });
}
