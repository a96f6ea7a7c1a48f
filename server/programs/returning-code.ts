import { customAlphabet } from 'nanoid';

/**
 * Returning codes use the join codes' alphabet (no 0/O or 1/I/L, as in
 * runtime/session-registry.ts): read off a card, typed on a phone.
 */
export const newReturningCode = customAlphabet('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 6);

/** A returning code as a person may type it: any case, with spaces or a dash. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}
