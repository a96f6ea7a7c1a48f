import { Hono } from 'hono';
import { z } from 'zod';
import { AgreementPdfs } from './pdf/agreement-pdfs.js';
import { answerPdf } from './pdf/pdf-answer.js';
import { groupNames } from '../terms/deck-with-terms.js';
import { AGREEMENT_LIMITS, assembleAgreement, editAgreement } from './agreement-commands.js';
import { agreementCandidates, agreementDraft } from './agreement-model.js';
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

/**
 * The Partnership Agreement. Reading it (and its PDF) needs only the join code: it holds
 * no names, is made to be posted in a hallway, and anyone with the code can join anyway.
 * Editing it is for the facilitators, through the log like every other change.
 */
export function agreementRoutes(deps: AppDeps) {
  const { registry, keys } = deps;
  const staff = [requireRole(keys, 'lead', 'support'), requireOpId] as const;
  const pdfs = deps.agreementPdfs ?? new AgreementPdfs(registry);
  const pdfPerAddress = rateLimit({ name: 'agreement PDF per address', ...AGREEMENT_PDF_RATE, key: (c) => `pdf:${clientAddress(c)}` });
  return new Hono<AppEnv>()
    .use(withSession(registry))
    .get('/', (c) => {
      const { runtime } = c.get('live');
      // Whoever reads the agreement may well download it next.
      pdfs.pool.warm();
      // The deck's own wording for the headings comes with it, as the printed page shows them.
      return c.json({
        code: runtime.code,
        deckTitle: runtime.deck.title,
        agreement: agreementDraft(runtime.state, runtime.deck),
        wording: runtime.deck.agreement,
        groups: groupNames(runtime.deck, runtime.deck.lang, runtime.state.terms),
      });
    })
    .get('/pdf', pdfPerAddress, validate('query', z.strictObject({ size: z.enum(['letter', 'a4']).optional() })), async (c) => {
      const { runtime } = c.get('live');
      const request = pdfs.describe(runtime, { size: c.req.valid('query').size === 'a4' ? 'A4' : 'LETTER' });
      if (!request) return c.json(errorBody('no_agreement', `The deck "${runtime.deck.title}" has no Partnership Agreement.`), 404);
      return answerPdf(c, pdfs, request, `partnership-agreement-${runtime.code}.pdf`);
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
