import PDFDocument from 'pdfkit';
import type { PaperSize } from '../../agreement/pdf/agreement-pdf.js';
import { FONT, printable } from '../../agreement/pdf/pdf-fonts.js';

/**
 * The thank-you letters of step 10, one page per partner organisation, in the reader's
 * language: the deck's wording with the organisation's and the school's names filled in,
 * and the strategies of the plan the organisation takes part in.
 */
export interface ThankYouContent {
  lang: string;
  schoolName: string;
  /** The letter's wording with the school filled in; `greeting` still holds {organisation}. */
  words: { title: string; greeting: string; body: string; together: string; closing: string };
  signedBy: string;
  letters: { organisation: string; strategies: string[] }[];
}

const MARGIN = 72;
const ACCENT = '#1f4e79';

export function thankYouPdf(content: ThankYouContent, size: PaperSize = 'LETTER'): Promise<Buffer> {
  const w = content.words;
  const doc = new PDFDocument({ size, margin: MARGIN, autoFirstPage: false, info: { Title: `${content.schoolName} — ${w.title}`, Creator: 'Partnerdeck' }, lang: content.lang });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const write = (text: string, font: 'regular' | 'bold', size: number, options: PDFKit.Mixins.TextOptions & { colour?: string } = {}) => {
    const { colour, ...rest } = options;
    doc.font(FONT[font]).fontSize(size).fillColor(colour ?? '#111111').text(printable(text), { width: doc.page.width - 2 * MARGIN, ...rest });
  };
  for (const letter of content.letters) {
    doc.addPage();
    write(content.schoolName, 'bold', 20, { colour: ACCENT });
    write(w.title, 'regular', 14, { colour: ACCENT });
    doc.moveDown(2);
    write(w.greeting.replace('{organisation}', letter.organisation), 'regular', 12);
    doc.moveDown(0.8);
    write(w.body, 'regular', 12, { lineGap: 3 });
    if (letter.strategies.length) {
      doc.moveDown(0.8);
      write(w.together, 'regular', 12);
      for (const strategy of letter.strategies) write(`•  ${strategy}`, 'regular', 12, { indent: 14, lineGap: 2 });
    }
    doc.moveDown(2);
    write(w.closing, 'regular', 12);
    doc.moveDown(0.4);
    write(content.signedBy, 'bold', 12);
  }
  if (content.letters.length === 0) doc.addPage();
  doc.end();
  return done;
}
