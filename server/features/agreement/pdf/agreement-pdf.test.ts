import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SLIDES_DIR } from '../../../../tests/unit/test-app.js';
import { agreementText } from '../../../deck/deck-in-language.js';
import { loadDecks } from '../../../deck/load-decks.js';
import { agreementPdf, type AgreementContent } from './agreement-pdf.js';

const moduleOne = loadDecks(SLIDES_DIR).get('module-1')!;
const text = async (content: AgreementContent) => execFileSync('pdftotext', ['-', '-'], { input: await agreementPdf(content) }).toString();
const agreement = { schoolName: '', definition: 'We share the work.', agreements: ['Listen first'], examples: ['Teachers call home'], date: '2026-05-12', nextMeeting: 'martes, 18 h', groups: ['parent' as const] };

describe('the agreement PDF’s wording', () => {
  it('is the deck’s: its headings and closing lines in the language asked for, with nothing of its own', async () => {
    const spanish = await text({ ...agreement, wording: agreementText(moduleOne, 'es')! });
    expect(spanish).toContain('Nuestra escuela');
    expect(spanish).toContain('Acuerdo de Colaboración');
    expect(spanish).toContain('Nuestros acuerdos del grupo');
    expect(spanish).toContain('Elaborado en conjunto el 2026-05-12 por');
    expect(spanish).toContain('Copias en nuestra próxima reunión: martes, 18 h');
    expect(spanish).not.toMatch(/Partnership Agreement|Our School|Built together|Copies at/);
  });
});
