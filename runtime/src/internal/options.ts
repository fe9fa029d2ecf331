import { ClientError } from '../core/error.js';
import type { FinalRequestOptions, RequestOptions } from '../core/types.js';

/** Checks a numeric option (`timeout`, `maxRetries`): `fallback` when undefined, else a non-negative number. */
export function nonNegative(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ClientError(`The ${name} option must be a non-negative number, got ${String(value)}.`);
  }
  return value;
}

/** `get(path, opts)` and friends: `opts.method` and `opts.path` still win, as in `request()`. */
export function shortcut(
  method: FinalRequestOptions['method'],
  path: string,
  opts: RequestOptions | undefined,
): FinalRequestOptions {
  return { ...opts, method: opts?.method ?? method, path: opts?.path ?? path };
}

/** Browsers forbid setting `User-Agent`, so the client leaves it out there. */
export function isBrowser(): boolean {
  const g = globalThis as { window?: unknown; document?: unknown };
  return typeof g.window !== 'undefined' && typeof g.document !== 'undefined';
}
