import { ClientError } from '../core/error.js';
import type { ClientConfig, FinalRequestOptions, RequestOptions } from '../core/types.js';

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

/** The error for a client constructed without the API key its API requires. */
export function missingApiKey(config: ClientConfig): ClientError {
  const envHint = config.env.apiKey
    ? `The ${config.env.apiKey} environment variable is missing or empty; either provide it, or i`
    : 'I';
  const example = `new ${config.clientName}({ apiKey: 'My API Key' })`;
  return new ClientError(
    `${envHint}nstantiate the ${config.clientName} client with an apiKey option, like ${example}.`,
  );
}

/** The error for a client with no base URL: none given, none in the environment, none in the spec. */
export function missingBaseURL(config: ClientConfig): ClientError {
  return new ClientError(
    `No base URL: pass the baseURL option to new ${config.clientName}() ` +
      `or set the ${config.env.baseURL} environment variable.`,
  );
}

/** The error for a platform without `fetch` when none was passed. */
export function missingFetch(): ClientError {
  return new ClientError(
    'No fetch implementation found: pass the fetch option, or run on a platform with a global fetch.',
  );
}

/** True for a promise (or any thenable) of options, which `request()` accepts as Stainless clients do. */
export function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
