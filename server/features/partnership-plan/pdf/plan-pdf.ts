import PDFDocument from 'pdfkit';
import type { PaperSize } from '../../agreement/pdf/agreement-pdf.js';
import { FONT, printable } from '../../agreement/pdf/pdf-fonts.js';

/**
 * The Partnership Plan as a PDF (the process protocol's step 7), drawn with pdfkit on the
 * render pool's thread. Unlike the one-page agreement it is as long as the plan: the
 * regular meeting times and the team's contact first, then each subject area of the
 * continuum with its strategies, each with its grade levels, partners, outcomes, how it is
 * monitored, evaluated and improved, costs, personnel, and the team's checklist.
 *
 * Everything arrives as plain text already in the reader's language (plan-document.ts):
 * the wording is the deck's, the rest what the room and the team wrote.
 */
export interface PlanContent {
  lang: string;
  /** The document's headings and field names, in `lang`. */
  words: {
    school: string;
    title: string;
    subtitle: string;
    meetingTimes: string;
    contact: string;
    continuum: string;
    grades: string;
    standard: string;
    partners: string;
    outcomes: string;
    monitoring: string;
    evaluation: string;
    improvement: string;
    costs: string;
    personnel: string;
    notYet: string;
    checklist: string;
  };
  schoolName: string;
  meetingTimes: string;
  contact: string;
  sections: { subject: string; strategies: PlanRow[] }[];
}

export interface PlanRow {
  text: string;
  /** "Grade levels: 3–5 · Small groups: 2 · Dots: 6", already written out. */
  about: string;
  standards: string[];
  partners: string[];
  outcomes: string;
  monitoring: string;
  evaluation: string;
  improvement: string;
  costs: string;
  personnel: string;
  checklist: { label: string; done: boolean; date: string; note: string }[];
}

const MARGIN = 54;
const ACCENT = '#1f4e79';
const SOFT = '#444444';
// Ballot boxes where the font can draw them (printable() keeps them), else brackets.
const WIDE_FONTS = printable('☑') === '☑';
const BOX = { done: WIDE_FONTS ? '☑' : '[x]', open: WIDE_FONTS ? '☐' : '[ ]' };

export function planPdf(content: PlanContent, size: PaperSize = 'LETTER'): Promise<Buffer> {
  const w = content.words;
  const doc = new PDFDocument({ size, margin: MARGIN, info: { Title: `${content.schoolName || w.school} — ${w.title}`, Creator: 'Partnerdeck' }, lang: content.lang });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 2 * MARGIN;
  const write = (text: string, font: 'regular' | 'bold', size: number, options: PDFKit.Mixins.TextOptions & { colour?: string } = {}) => {
    const { colour, ...rest } = options;
    doc.font(FONT[font]).fontSize(size).fillColor(colour ?? '#111111').text(printable(text), { width, ...rest });
  };
  /** Keeps a heading with what follows: a new page when less than `need` points are left. */
  const room = (need: number) => {
    if (doc.y + need > doc.page.height - MARGIN) doc.addPage();
  };
  const field = (label: string, value: string) => {
    room(40);
    write(label, 'bold', 9.5, { colour: SOFT, indent: 12 });
    write(value.trim() || w.notYet, 'regular', 10.5, { indent: 12, colour: value.trim() ? '#111111' : '#888888' });
    doc.moveDown(0.3);
  };

  write(content.schoolName || w.school, 'bold', 22, { align: 'center', colour: ACCENT });
  write(w.title, 'bold', 16, { align: 'center' });
  write(w.subtitle, 'regular', 10.5, { align: 'center', colour: SOFT });
  doc.moveDown(1);
  write(w.meetingTimes, 'bold', 12, { colour: ACCENT });
  write(content.meetingTimes || w.notYet, 'regular', 11);
  doc.moveDown(0.5);
  write(w.contact, 'bold', 12, { colour: ACCENT });
  write(content.contact || w.notYet, 'regular', 11);
  doc.moveDown(1);
  write(w.continuum, 'bold', 15, { colour: ACCENT });

  for (const section of content.sections) {
    room(90);
    doc.moveDown(0.6);
    write(section.subject, 'bold', 13.5, { colour: ACCENT, underline: true });
    for (const row of section.strategies) {
      room(120);
      doc.moveDown(0.5);
      write(row.text, 'bold', 12);
      write(row.about, 'regular', 9.5, { colour: SOFT });
      if (row.standards.length) write(`${w.standard}: ${row.standards.join('; ')}`, 'regular', 9.5, { colour: SOFT });
      doc.moveDown(0.3);
      field(w.partners, row.partners.join(', '));
      field(w.outcomes, row.outcomes);
      field(w.monitoring, row.monitoring);
      field(w.evaluation, row.evaluation);
      field(w.improvement, row.improvement);
      field(w.costs, row.costs);
      field(w.personnel, row.personnel);
      room(30 + row.checklist.length * 14);
      write(w.checklist, 'bold', 9.5, { colour: SOFT, indent: 12 });
      for (const item of row.checklist) {
        const when = [item.date, item.note].filter(Boolean).join(' — ');
        write(`${item.done ? BOX.done : BOX.open}  ${item.label}${when ? ` (${when})` : ''}`, 'regular', 10, { indent: 18 });
      }
    }
  }
  doc.end();
  return done;
}
