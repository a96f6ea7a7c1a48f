import { DomainError } from './domain-error.js';

/**
 * Card and answer text arrives from phones: it is stored as plain text and always shown
 * as text. Cleaning keeps what a person typed (any script, emoji, right-to-left text)
 * and drops what no person means to type: control characters and stray whitespace.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is what this expression is for.
const CONTROL_CHARS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029]/g;
// eslint-disable-next-line no-misleading-character-class -- the combining grapheme joiner (U+034F) is listed on purpose: alone it is invisible.
const INVISIBLE = /[\s\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF\u034F]/gu;

export type CleanResult = { ok: true; text: string } | { ok: false; code: 'text_broken' | 'text_empty' | 'text_too_long'; message: string };

export function cleanText(raw: string, maxLength: number): CleanResult {
  if (!raw.isWellFormed()) return { ok: false, code: 'text_broken', message: 'Text contains a broken character (a lone surrogate).' };
  const text = raw
    .normalize('NFC')
    .replace(CONTROL_CHARS, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (text.replace(INVISIBLE, '').length === 0) return { ok: false, code: 'text_empty', message: 'Text is empty.' };
  const length = [...text].length;
  if (length > maxLength) return { ok: false, code: 'text_too_long', message: `Text is too long: ${length} characters, at most ${maxLength}.` };
  return { ok: true, text };
}

/** The cleaned text, or the refusal the caller is shown (400 with the reason's code). */
export function cleanOrRefuse(result: CleanResult): string {
  if (!result.ok) throw new DomainError(400, result.code, result.message);
  return result.text;
}
