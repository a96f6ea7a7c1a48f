import { existsSync } from 'node:fs';

// DejaVu covers far more scripts than the PDF standard fonts; it ships with Debian's
// chromium and most desktops. Without it the standard Helvetica is used and characters it
// cannot draw become "?".
const FONT_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/local/share/fonts/dejavu'];
const dejavu = FONT_DIRS.map((d) => ({ regular: `${d}/DejaVuSans.ttf`, bold: `${d}/DejaVuSans-Bold.ttf` })).find((f) => existsSync(f.regular) && existsSync(f.bold));

/** The fonts every PDF of the server is drawn in. */
export const FONT = dejavu ? { regular: dejavu.regular, bold: dejavu.bold } : { regular: 'Helvetica', bold: 'Helvetica-Bold' };

/** A text as the font can draw it: with the standard Helvetica, what it cannot draw becomes "?". */
export const printable = (text: string) => (dejavu ? text : text.replace(/[^\u0020-\u007E\u00A0-\u00FF\u2018\u2019\u201C\u201D\u2013\u2014\u2022\u2026\n]/g, '?'));
