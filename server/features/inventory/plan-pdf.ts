import PDFDocument from 'pdfkit';
import type { PaperSize } from '../agreement/pdf/agreement-pdf.js';
import { FONT, printable } from '../agreement/pdf/pdf-fonts.js';
import type { PlanDocument, PlanDocumentRow } from './plan-model.js';

/**
 * The Leadership Action Plan as a PDF, drawn with pdfkit on a renderer thread
 * (pdf-documents.ts): landscape, one table, each strategy a section with its planned
 * activities and who leads them, their dates, resources, how progress will be documented
 * and their status. The type is made smaller, down to a floor that stays readable, until
 * the plan fits on two pages; a longer plan goes on to more pages rather than lose a row.
 */
const MARGIN = 36;
const ACCENT = '#1f4e79';
const INK = '#111111';
const SOFT = '#444444';
const BAND = '#e8eef5';
const LINE = '#b8c4d0';
const CELL_PAD = 4;
/** Shares of the table's width: activity, who leads, dates, resources, documentation, status. */
const COLUMNS = [0.34, 0.13, 0.12, 0.15, 0.16, 0.1];
const MAX_PAGES_WANTED = 2;

interface Layout {
  scale: number;
  width: number;
  top: number;
  bottom: number;
}

type Cell = { text: string; bold?: boolean; soft?: boolean; small?: string };

function when(iso: string, lang: string): string {
  if (!iso) return '';
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

function cellsOf(plan: PlanDocument, row: PlanDocumentRow): Cell[] {
  const w = plan.words;
  const dates = [row.start && `${w.start}: ${when(row.start, plan.lang)}`, row.due && `${w.due}: ${when(row.due, plan.lang)}`].filter(Boolean).join('\n');
  const resources = [row.resources.join(', '), row.resourcesNote].filter(Boolean).join(' — ');
  const small = [row.own ? `(${w.ownActivity})` : '', row.note ? `${w.note}: ${row.note}` : ''].filter(Boolean).join(' ');
  return [
    { text: row.activity, bold: true, small: small || undefined },
    { text: row.lead || w.notGiven, soft: !row.lead },
    { text: dates || w.notGiven, soft: !dates },
    { text: resources || w.notGiven, soft: !resources },
    { text: row.documentation || w.notGiven, soft: !row.documentation },
    { text: row.statusLabel },
  ];
}

/** Lays the plan out on `doc` at one scale, drawing only when `draw` is set; returns the pages it takes. */
function layOut(doc: PDFKit.PDFDocument, plan: PlanDocument, layout: Layout, draw: boolean): number {
  const { scale, width, top, bottom } = layout;
  const size = (n: number) => n * scale;
  const widths = COLUMNS.map((share) => share * width);
  const w = plan.words;
  let pages = 1;
  let y = top;

  const height = (text: string, font: 'regular' | 'bold', points: number, boxWidth: number) => {
    doc.font(FONT[font]).fontSize(points);
    return doc.heightOfString(printable(text), { width: boxWidth });
  };
  const write = (text: string, x: number, at: number, boxWidth: number, font: 'regular' | 'bold', points: number, colour: string, options: PDFKit.Mixins.TextOptions = {}) => {
    if (!draw) return;
    doc.font(FONT[font]).fontSize(points).fillColor(colour).text(printable(text), x, at, { width: boxWidth, ...options });
  };
  const newPage = () => {
    pages++;
    if (draw) doc.addPage();
    y = top;
    header();
  };

  // The column headings, at the top of every page of the table.
  const header = () => {
    const labels = [w.activity, w.lead, w.dates, w.resources, w.documentation, w.status];
    const rowHeight = Math.max(...labels.map((label, i) => height(label, 'bold', size(8.5), widths[i] - 2 * CELL_PAD))) + 2 * CELL_PAD;
    if (draw) doc.rect(MARGIN, y, width, rowHeight).fill(ACCENT);
    let x = MARGIN;
    labels.forEach((label, i) => {
      write(label, x + CELL_PAD, y + CELL_PAD, widths[i] - 2 * CELL_PAD, 'bold', size(8.5), '#ffffff');
      x += widths[i];
    });
    y += rowHeight;
  };

  // The title block, on the first page only.
  const titleHeight = height(plan.district, 'bold', size(16), width) + height(plan.title, 'bold', size(12.5), width) + size(10);
  write(plan.district, MARGIN, y, width, 'bold', size(16), ACCENT);
  y += height(plan.district, 'bold', size(16), width);
  write(plan.title, MARGIN, y + size(2), width, 'bold', size(12.5), INK);
  y = top + titleHeight;
  header();

  for (const strategy of plan.strategies) {
    const band = `${w.strategyNumber.replace('{n}', String(strategy.number))}: ${strategy.title}`;
    const bandHeight = height(band, 'bold', size(10), width - 2 * CELL_PAD) + 2 * CELL_PAD;
    const rows = strategy.rows.map((row) => {
      const cells = cellsOf(plan, row);
      const cellHeights = cells.map((cell, i) => {
        const inner = widths[i] - 2 * CELL_PAD;
        return height(cell.text, cell.bold ? 'bold' : 'regular', size(9), inner) + (cell.small ? size(2) + height(cell.small, 'regular', size(8), inner) : 0);
      });
      return { cells, height: Math.max(...cellHeights) + 2 * CELL_PAD };
    });
    const emptyHeight = height(w.nothingPlanned, 'regular', size(8.5), width - 2 * CELL_PAD) + 2 * CELL_PAD;
    // A section's band never ends a page alone: it goes with its first row.
    if (y + bandHeight + (rows[0]?.height ?? emptyHeight) > bottom) newPage();
    if (draw) doc.rect(MARGIN, y, width, bandHeight).fill(BAND);
    write(band, MARGIN + CELL_PAD, y + CELL_PAD, width - 2 * CELL_PAD, 'bold', size(10), ACCENT);
    y += bandHeight;
    if (rows.length === 0) {
      write(w.nothingPlanned, MARGIN + CELL_PAD, y + CELL_PAD, width - 2 * CELL_PAD, 'regular', size(8.5), SOFT);
      y += emptyHeight;
      continue;
    }
    for (const row of rows) {
      if (y + row.height > bottom) newPage();
      const rowHeight = Math.min(row.height, bottom - y);
      let x = MARGIN;
      row.cells.forEach((cell, i) => {
        const inner = widths[i] - 2 * CELL_PAD;
        const clip = { height: rowHeight - 2 * CELL_PAD, ellipsis: true };
        write(cell.text, x + CELL_PAD, y + CELL_PAD, inner, cell.bold ? 'bold' : 'regular', size(9), cell.soft ? SOFT : INK, clip);
        if (cell.small) {
          const below = y + CELL_PAD + height(cell.text, cell.bold ? 'bold' : 'regular', size(9), inner) + size(2);
          if (below < y + rowHeight) write(cell.small, x + CELL_PAD, below, inner, 'regular', size(8), SOFT, { height: y + rowHeight - below, ellipsis: true });
        }
        x += widths[i];
      });
      if (draw) doc.moveTo(MARGIN, y + rowHeight).lineTo(MARGIN + width, y + rowHeight).lineWidth(0.5).stroke(LINE);
      y += rowHeight;
    }
  }
  const closing = height(w.preparedBy, 'regular', size(7.5), width) + size(8);
  if (y + closing > bottom) newPage();
  write(w.preparedBy, MARGIN, y + size(8), width, 'regular', size(7.5), SOFT);
  return pages;
}

export function planPdf(plan: PlanDocument, size: PaperSize = 'LETTER'): Promise<Buffer> {
  const doc = new PDFDocument({ size, layout: 'landscape', margin: MARGIN, bufferPages: true, info: { Title: printable(`${plan.district} — ${plan.title}`), Creator: 'Partnerdeck' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const footer = 16;
  const base = { width: doc.page.width - 2 * MARGIN, top: MARGIN, bottom: doc.page.height - MARGIN - footer };
  // Full size when it fits on two pages; smaller, to a readable floor, when it does not.
  let scale = 1.1;
  while (scale > 0.8 && layOut(doc, plan, { ...base, scale }, false) > MAX_PAGES_WANTED) scale -= 0.05;
  const pages = layOut(doc, plan, { ...base, scale }, true);

  for (let i = 0; i < pages; i++) {
    doc.switchToPage(i);
    const text = plan.words.page.replace('{n}', String(i + 1)).replace('{total}', String(pages));
    // Below the table's room and above pdfkit's own margin, so it never starts a page of its own.
    doc.font(FONT.regular).fontSize(7.5).fillColor(SOFT).text(printable(`${plan.title} · ${text}`), MARGIN, base.bottom + 4, { width: base.width, align: 'right', lineBreak: false });
  }
  doc.end();
  return done;
}
