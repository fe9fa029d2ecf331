import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiforgeError } from '../../generator/diagnostics.js';
import { displayPath } from '../../generator/load/read-source.js';

export const fixturesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

/** Absolute path of a fixture, and how messages name it. */
export function fixture(rel: string): { file: string; display: string } {
  const file = path.join(fixturesDir, rel);
  return { file, display: displayPath(file) };
}

/** Awaits `p`, expecting an ApiforgeError. */
export async function rejection(p: Promise<unknown>): Promise<ApiforgeError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiforgeError) return e;
    throw new Error(`expected an ApiforgeError, got ${String(e)}`);
  }
  throw new Error('expected an error');
}
