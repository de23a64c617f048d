// State files and bundles are JSON read back through a schema: one place turns a broken file into a
// one-line UserError naming the file and the key, with what the operator can do about it.
import type { z } from 'zod';
import { UserError } from '../../core/errors.js';

export function parseJsonFile<S extends z.ZodType>(file: string, text: string, schema: S, hint: string): z.infer<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new UserError(`${file}: not JSON (${(e as Error).message})`, hint);
  }
  const r = schema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new UserError(`${file}: ${i?.path.join('.') || '(top)'}: ${i?.message ?? 'invalid'}`, hint);
  }
  return r.data;
}
