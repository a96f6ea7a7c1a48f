import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { PaperSize } from '../agreement/pdf/agreement-pdf.js';

/** A one-page report: a title, a subtitle, a few lines about the session, then headed sections of lines. */
export interface ReportContent {
  title: string;
  subtitle: string;
  meta: string[];
  sections: { heading: string; lines: string[] }[];
}

// The same fonts as the agreement: DejaVu where the machine has it (accents, other scripts).
const FONT_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/local/share/fonts/dejavu'];
const dejavu = FONT_DIRS.map((d) => ({ regular: `${d}/DejaVuSans.ttf`, bold: `${d}/DejaVuSans-Bold.ttf` })).find(
  (f) => existsSync(f.regular) && existsSync(f.bold),
);
const FONT = dejavu ?? { regular: 'Helvetica', bold: 'Helvetica-Bold' };
const MARGIN = 48;
const ACCENT = '#1f4e79';

interface Line {
  text: string;
  bold: boolean;
  size: number;
  gap: number;
  colour: string;
}

function lines(content: ReportContent, scale: number): Line[] {
  const s = (n: number) => n * scale;
  return [
    { text: content.title, bold: true, size: s(17), gap: 0, colour: ACCENT },
    { text: content.subtitle, bold: false, size: s(10.5), gap: s(2), colour: '#444444' },
    ...content.meta.map((text) => ({ text, bold: false, size: s(9.5), gap: s(2), colour: '#444444' })),
    ...content.sections.flatMap((section) => [
      { text: section.heading, bold: true, size: s(12), gap: s(12), colour: ACCENT },
      ...section.lines.map((text, i) => ({ text, bold: false, size: s(10), gap: s(i === 0 ? 4 : 1.5), colour: '#111111' })),
    ]),
  ];
}

function height(doc: PDFKit.PDFDocument, list: Line[], width: number): number {
  return list.reduce(
    (sum, l) =>
      sum +
      l.gap +
      doc
        .font(l.bold ? FONT.bold : FONT.regular)
        .fontSize(l.size)
        .heightOfString(l.text, { width }),
    0,
  );
}

/**
 * The feedback-loop report as a one-page PDF: measured at full size and shrunk until it
 * fits, and clipped with an ellipsis past the smallest size, so it never runs to a second
 * page (leadership teams get one page, as the model asks).
 */
export function reportPdf(content: ReportContent, size: PaperSize = 'LETTER'): Promise<Buffer> {
  const doc = new PDFDocument({ size, margin: MARGIN, info: { Title: content.title, Creator: 'Partnerdeck' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 2 * MARGIN;
  const bottom = doc.page.height - MARGIN;
  let scale = 1.2;
  while (scale > 0.55 && height(doc, lines(content, scale), width) > bottom - MARGIN) scale -= 0.05;
  let y = MARGIN;
  for (const l of lines(content, scale)) {
    y += l.gap;
    doc
      .font(l.bold ? FONT.bold : FONT.regular)
      .fontSize(l.size)
      .fillColor(l.colour);
    const left = bottom - y;
    if (left < doc.currentLineHeight(true)) break;
    const h = Math.min(doc.heightOfString(l.text, { width }), left);
    doc.text(l.text, MARGIN, y, { width, height: h, ellipsis: true });
    y += h;
  }
  doc.end();
  return done;
}
