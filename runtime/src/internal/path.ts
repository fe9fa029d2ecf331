import { ClientError } from '../core/error.js';
import { scalarToString } from './headers.js';

/**
 * Percent-encodes one path parameter. Empty, `.` and `..` values are rejected
 * because they would change which path the request goes to.
 */
export function encodePathParam(name: string, value: unknown): string {
  if (value === undefined || value === null) {
    throw new ClientError(`Missing required path parameter "${name}".`);
  }
  const raw = Array.isArray(value) ? value.map((item) => scalarToString(item)).join(',') : scalarToString(value);
  if (raw === '' || raw === '.' || raw === '..') {
    throw new ClientError(
      `Path parameter "${name}" must not be empty, "." or ".." (got ${JSON.stringify(raw)}); ` +
        'it would change the request path.',
    );
  }
  return encodeURIComponent(raw);
}

/** Fills `{name}` placeholders of a path template from `params` (under `keys[name]` when renamed). */
export function buildPath(
  template: string,
  names: readonly string[] | undefined,
  params: Readonly<Record<string, unknown>>,
  keys?: Readonly<Record<string, string>>,
): string {
  let path = template;
  if (!names || names.length === 0) return path;
  for (const name of names) {
    const encoded = encodePathParam(name, params[keys?.[name] ?? name]);
    path = path.split(`{${name}}`).join(encoded);
  }
  const leftover = /\{([^}/]+)\}/.exec(path);
  if (leftover) {
    throw new ClientError(`Missing required path parameter "${leftover[1] ?? ''}" for ${template}.`);
  }
  return path;
}

/** Joins a base URL and a path (absolute URLs are kept as-is) and appends a query string. */
export function joinURL(baseURL: string, path: string, query: string): string {
  let url: string;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    url = path;
  } else {
    url = baseURL.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`);
  }
  if (!query) return url;
  return url + (url.includes('?') ? (url.endsWith('?') || url.endsWith('&') ? '' : '&') : '?') + query;
}
