import { describe, expect, it } from 'vitest';
import { cleanText } from './clean-text.js';

describe('cleanText', () => {
  it('trims, drops control characters and keeps what a person typed', () => {
    expect(cleanText('  Listen\u0007 to\u0000 understand \n', 500)).toEqual({ ok: true, text: 'Listen to understand' });
    expect(cleanText('مرحبا 👋🏽 e\u0301cole', 500)).toEqual({ ok: true, text: 'مرحبا 👋🏽 école' });
    expect(cleanText('<img src=x onerror=alert(1)>', 500)).toEqual({ ok: true, text: '<img src=x onerror=alert(1)>' });
  });

  it('refuses empty, invisible, overlong and broken text', () => {
    expect(cleanText('   ', 500)).toMatchObject({ ok: false, code: 'text_empty' });
    expect(cleanText('\u200B\u200D\uFEFF', 500)).toMatchObject({ ok: false, code: 'text_empty' });
    expect(cleanText('x'.repeat(501), 500)).toMatchObject({ ok: false, code: 'text_too_long' });
    expect(cleanText('ok \uD800 no', 500)).toMatchObject({ ok: false, code: 'text_broken' });
  });

  it('counts characters as a person sees them, so emoji do not count double', () => {
    expect(cleanText('😀'.repeat(500), 500).ok).toBe(true);
  });
});
