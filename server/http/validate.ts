import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { errorBody } from './errors.js';

/**
 * zValidator with this app's error shape: 400 naming each bad field. Unknown fields are
 * refused by the schemas themselves (z.strictObject), so a typo is never silently ignored.
 */
export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return zValidator(target, schema, (result, c) => {
    if (result.success) return;
    const issues = result.error.issues.map((issue) => ({
      path: issue.path.join('.') || target,
      message: issue.message,
    }));
    const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    return c.json(errorBody('invalid', `Invalid ${target}: ${summary}`, issues), 400);
  });
}
