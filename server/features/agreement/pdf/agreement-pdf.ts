import PDFDocument from 'pdfkit';
import { builtLine, nextMeetingLine, type AgreementWords } from './agreement-words.js';
import { FONT, printable } from './pdf-fonts.js';

/**
 * The one-page Partnership Agreement as a PDF, drawn with pdfkit (pure JavaScript, no
 * browser on the server, and it can measure wrapped text, which is what keeping the
 * agreement to exactly one page needs).
 *
 * One page, always: the layout is measured first at full size and shrunk step by step
 * until it fits; if even the smallest size does not fit (a very long agreement), each
 * block is clipped to the room left, with an ellipsis, so pdfkit never adds a page.
 */
export interface AgreementContent {
  schoolName: string;
  definition: string;
  agreements: string[];
  examples: string[];
  date: string;
  nextMeeting: string;
  /** The ids of the groups that took part; each language's words name them (agreement-words.ts). */
  groups: string[];
}

export type PaperSize = 'LETTER' | 'A4';


const MARGIN = 54;
export const ACCENT = '#1f4e79';

export interface Block {
  text: string;
  font: 'regular' | 'bold';
  size: number;
  gapBefore: number;
  indent?: number;
  colour?: string;
  align?: 'left' | 'center';
  bullet?: boolean;
}

/**
 * The page's blocks. In two languages every heading and closing line is given in the first,
 * with the second smaller beneath it, so one sheet serves a mixed room; what people wrote
 * is printed once, as they wrote it.
 */
function blocks(content: AgreementContent, scale: number, words: readonly AgreementWords[]): Block[] {
  const s = (n: number) => n * scale;
  const [first, second] = words;
  const SOFT = '#444444';
  /** A heading in the first language, and in the second beneath it. */
  const both = (text: (w: AgreementWords) => string, block: Omit<Block, 'text'>): Block[] => [
    { ...block, text: text(first) },
    ...(second ? [{ ...block, text: text(second), font: 'regular' as const, size: block.size * 0.8, gapBefore: s(1), colour: block.colour === ACCENT ? ACCENT : SOFT }] : []),
  ];
  const list: Block[] = [
    ...(content.schoolName
      ? [{ text: content.schoolName, font: 'bold' as const, size: s(24), gapBefore: 0, align: 'center' as const, colour: ACCENT }]
      : both((w) => w.school, { font: 'bold', size: s(24), gapBefore: 0, align: 'center', colour: ACCENT })),
    ...both((w) => w.title, { font: 'bold', size: s(16), gapBefore: s(2), align: 'center' }),
    ...both((w) => w.subtitle, { font: 'regular', size: s(10.5), gapBefore: s(2), align: 'center', colour: SOFT }),
    ...both((w) => w.definition, { font: 'bold', size: s(12.5), gapBefore: s(16), colour: ACCENT }),
    { text: content.definition || '—', font: 'regular', size: s(11.5), gapBefore: s(5) },
    ...both((w) => w.agreements, { font: 'bold', size: s(12.5), gapBefore: s(14), colour: ACCENT }),
    ...content.agreements.map((text, i) => ({ text, font: 'regular' as const, size: s(11), gapBefore: s(i === 0 ? 5 : 3), indent: s(14), bullet: true })),
    ...both((w) => w.examples, { font: 'bold', size: s(12.5), gapBefore: s(14), colour: ACCENT }),
    ...content.examples.map((text, i) => ({ text, font: 'regular' as const, size: s(11), gapBefore: s(i === 0 ? 5 : 3), indent: s(14), bullet: true })),
    ...both((w) => builtLine(w, content.date, content.groups), { font: 'regular', size: s(9.5), gapBefore: s(18), align: 'center', colour: SOFT }),
  ];
  if (content.nextMeeting) list.push(...both((w) => nextMeetingLine(w, content.nextMeeting), { font: 'regular', size: s(9.5), gapBefore: s(3), align: 'center', colour: SOFT }));
  return list.map((b) => ({ ...b, text: printable(b.text) }));
}

function measure(doc: PDFKit.PDFDocument, list: Block[], width: number): number {
  let height = 0;
  for (const b of list) {
    doc.font(FONT[b.font]).fontSize(b.size);
    height += b.gapBefore + doc.heightOfString(b.text, { width: width - (b.indent ?? 0) });
  }
  return height;
}

export function agreementPdf(content: AgreementContent, size: PaperSize, words: readonly AgreementWords[]): Promise<Buffer> {
  const title = words.map((w) => w.title).join(' / ');
  return onePagePdf((scale) => blocks(content, scale, words), { title: `${content.schoolName || words[0]?.school} — ${title}`, size, startScale: 1.5, lang: words[0]?.lang });
}

/**
 * Blocks of text on exactly one page (the agreement, the session summary): drawn at the
 * largest scale (from `startScale` down) at which they fit, and clipped with an ellipsis
 * below the smallest, so pdfkit never adds a second page.
 */
export function onePagePdf(blocksAt: (scale: number) => Block[], options: { title: string; size?: PaperSize; startScale?: number; lang?: string }): Promise<Buffer> {
  const doc = new PDFDocument({ size: options.size ?? 'LETTER', margin: MARGIN, autoFirstPage: true, lang: options.lang, info: { Title: options.title, Creator: 'Partnerdeck' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const width = doc.page.width - 2 * MARGIN;
  const bottom = doc.page.height - MARGIN;
  const room = bottom - MARGIN;
  // A short text is drawn larger, to read from across a hallway; a long one smaller.
  let scale = options.startScale ?? 1;
  while (scale > 0.6 && measure(doc, blocksAt(scale), width) > room) scale -= 0.05;
  const list = blocksAt(scale);

  doc.rect(MARGIN / 2, MARGIN / 2, doc.page.width - MARGIN, doc.page.height - MARGIN).lineWidth(1.5).stroke(ACCENT);
  let y = MARGIN;
  for (const b of list) {
    y += b.gapBefore;
    doc.font(FONT[b.font]).fontSize(b.size).fillColor(b.colour ?? '#111111');
    const x = MARGIN + (b.indent ?? 0);
    const w = width - (b.indent ?? 0);
    const left = bottom - y;
    const lineHeight = doc.currentLineHeight(true);
    if (left < lineHeight) break;
    const natural = doc.heightOfString(printable(b.text), { width: w });
    const height = Math.min(natural, left);
    if (b.bullet) doc.text('•', x - b.size * 0.8, y, { lineBreak: false });
    // `height` with `ellipsis` keeps pdfkit from flowing onto a second page.
    doc.text(printable(b.text), x, y, { width: w, height, ellipsis: true, align: b.align ?? 'left' });
    y += height;
  }
  doc.end();
  return done;
}
