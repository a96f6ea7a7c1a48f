import { unsafeCSS } from 'lit';

/**
 * Every colour the pages use, in one place, as CSS custom properties (`--pd-ink`…) that
 * every element inherits. Text colours were merged toward the darker and backgrounds
 * toward the lighter of the near-twins they replace, so no contrast got worse.
 */
export const COLOURS = {
  /** Text. */
  ink: '#111111',
  inkSoft: '#4a5561',
  inkMuted: '#6b7280',
  /** The app's blue: buttons, links, the phone's header and timers. */
  primary: '#1a4fa3',
  primaryStrong: '#12315f',
  primaryTint: '#f3f7ff',
  /** The Partnership Agreement's navy (the same as its PDF). */
  agreement: '#1f4e79',
  focus: '#1f6feb',
  accent: '#f59e0b',
  /** Surfaces and lines. */
  surface: '#ffffff',
  canvas: '#f6f7f9',
  surfaceSoft: '#fafbfc',
  line: '#c9d1da',
  lineSoft: '#e5e7eb',
  field: '#8a94a0',
  /** Cards, as on a paper wall. */
  card: '#fffbe6',
  cardStrong: '#fff7c2',
  cardLine: '#e0cf7a',
  /** Meaning. */
  danger: '#a4161a',
  dangerTint: '#fde8e8',
  success: '#166534',
  successTint: '#eef6ee',
  warn: '#c2410c',
  warnInk: '#9a3412',
  /** Two more hues for the word cloud. */
  purple: '#7e22ce',
  teal: '#0f766e',
} as const;

export type ColourName = keyof typeof COLOURS;

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** `var(--pd-…)` for a colour, for inline styles. */
export function colour(name: ColourName): string {
  return `var(--pd-${kebab(name)})`;
}

/** The custom properties, for a document (`:root`) and for any element's shadow root (`:host`). */
export const palette = unsafeCSS(`:root, :host { ${Object.entries(COLOURS).map(([name, value]) => `--pd-${kebab(name)}: ${value};`).join(' ')} }`);

/** Puts the palette on a page, so its own CSS and every element inherit it; a phone's browser bar takes its blue. */
export function usePalette(doc: Document = document): void {
  const style = doc.createElement('style');
  style.textContent = palette.cssText;
  doc.head.append(style);
  doc.querySelector('meta[name="theme-color"]')?.setAttribute('content', COLOURS.primary);
}
