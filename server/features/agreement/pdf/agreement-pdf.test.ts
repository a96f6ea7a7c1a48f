import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { LOCALES_DIR, SLIDES_DIR } from '../../../../tests/unit/test-app.js';
import { loadDecks } from '../../../deck/load-decks.js';
import { Catalogs } from '../../../i18n/catalogs.js';
import { agreementPdf, type AgreementContent } from './agreement-pdf.js';
import { agreementWords } from './agreement-words.js';

const moduleOne = loadDecks(SLIDES_DIR).get('module-1')!;
const catalogs = Catalogs.load(LOCALES_DIR);
const text = async (content: AgreementContent, langs: string[]) =>
  execFileSync('pdftotext', ['-', '-'], { input: await agreementPdf(content, 'LETTER', langs.map((lang) => agreementWords(moduleOne, catalogs, lang))) }).toString();
const agreement = { schoolName: '', definition: 'We share the work.', agreements: ['Listen first'], examples: ['Teachers call home'], date: '2026-05-12', nextMeeting: 'martes, 18 h', groups: ['parent' as const] };

describe('the agreement PDF’s wording', () => {
  it('is the deck’s: its headings and closing lines in the language asked for, with nothing of its own', async () => {
    const spanish = await text(agreement, ['es']);
    expect(spanish).toContain('Nuestra escuela');
    expect(spanish).toContain('Acuerdo de Colaboración');
    expect(spanish).toContain('Nuestros acuerdos del grupo');
    expect(spanish).toContain('Elaborado en conjunto el 12 de mayo de 2026 por');
    expect(spanish).toContain('Copias en nuestra próxima reunión: martes, 18 h');
    expect(spanish).not.toMatch(/Partnership Agreement|Our School|Built together|Copies at/);
  });
});
