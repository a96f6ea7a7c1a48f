import { Hono } from 'hono';
import { z } from 'zod';
import { agreementPdf } from '../agreement/agreement-pdf.js';
import { AGREEMENT_LIMITS, assembleAgreement, editAgreement } from '../domain/commands/agreement-commands.js';
import { agreementCandidates, agreementDraft } from '../domain/agreement-model.js';
import type { AppDeps } from '../http/app-deps.js';
import type { AppEnv } from '../http/app-env.js';
import { requireOpId, requireRole, withSession } from '../http/session-access.js';
import { validate } from '../http/validate.js';
import { writtenText } from '../http/fields.js';

const raw = (max: number) => writtenText(max * 4);
const edit = z.strictObject({
  schoolName: raw(AGREEMENT_LIMITS.schoolName).optional(),
  definition: raw(AGREEMENT_LIMITS.definition).optional(),
  agreements: z.array(raw(AGREEMENT_LIMITS.statement)).max(AGREEMENT_LIMITS.items).optional(),
  examples: z.array(raw(AGREEMENT_LIMITS.statement)).max(AGREEMENT_LIMITS.items).optional(),
  date: z.union([z.literal(''), z.iso.date()]).optional(),
  nextMeeting: raw(AGREEMENT_LIMITS.nextMeeting).optional(),
});

/**
 * The Partnership Agreement. Reading it (and its PDF) needs only the join code: it holds
 * no names, is made to be posted in a hallway, and anyone with the code can join anyway.
 * Editing it is for the facilitators, through the log like every other change.
 */
export function agreementRoutes({ registry, keys }: AppDeps) {
  const staff = [requireRole(keys, 'lead', 'support'), requireOpId] as const;
  return new Hono<AppEnv>()
    .use(withSession(registry))
    .get('/', (c) => {
      const { runtime } = c.get('live');
      return c.json({ code: runtime.code, deckTitle: runtime.deck.title, agreement: agreementDraft(runtime.state) });
    })
    .get('/pdf', validate('query', z.strictObject({ size: z.enum(['letter', 'a4']).optional() })), async (c) => {
      const { runtime } = c.get('live');
      const draft = agreementDraft(runtime.state);
      const pdf = await agreementPdf(draft, c.req.valid('query').size === 'a4' ? 'A4' : 'LETTER');
      const name = `partnership-agreement-${runtime.code}.pdf`;
      return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-store' });
    })
    .get('/candidates', requireRole(keys, 'lead', 'support'), (c) => {
      const { runtime } = c.get('live');
      return c.json(agreementCandidates(runtime.state, runtime.deck));
    })
    .put('/', ...staff, validate('json', edit), (c) => {
      const { runtime } = c.get('live');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => editAgreement(state, c.req.valid('json')));
      return c.json(response);
    })
    .post('/assemble', ...staff, (c) => {
      const { runtime } = c.get('live');
      const today = new Date().toLocaleDateString('en-CA');
      const { response } = runtime.execute(c.get('actor'), c.get('opKey'), (state) => assembleAgreement(state, runtime.deck, today));
      return c.json(response);
    });
}
