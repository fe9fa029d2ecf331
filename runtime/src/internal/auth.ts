import { platform } from '../core/platform.js';
import type { AuthSchemeSpec } from '../core/types.js';
import type { AuthParts } from './request.js';

/** Base64 of the UTF-8 bytes of `text`, using only web APIs. */
export function toBase64(text: string): string {
  const bytes = new platform.TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return platform.btoa(binary);
}

/** The headers, query or cookies that carry `credential` for `scheme`. */
export function schemeParts(scheme: AuthSchemeSpec, credential: string): AuthParts {
  const parts: AuthParts = { headers: {}, query: {}, cookies: {} };
  if (!credential) return parts;
  switch (scheme.type) {
    case 'bearer':
    case 'oauth2':
      parts.headers['authorization'] = `Bearer ${credential}`;
      break;
    case 'basic':
      parts.headers['authorization'] = `Basic ${toBase64(credential)}`;
      break;
    case 'apiKey': {
      const name = scheme.name ?? 'X-API-KEY';
      if (scheme.in === 'query') parts.query[name] = credential;
      else if (scheme.in === 'cookie') parts.cookies[name] = credential;
      else parts.headers[name] = credential;
      break;
    }
  }
  return parts;
}

/**
 * Credentials for one request from a static key. `security` undefined means every scheme of
 * the client; `[]` means none. Only the first applicable scheme is used.
 */
export function authParts(
  schemes: readonly AuthSchemeSpec[],
  security: readonly string[] | undefined,
  apiKey: string | null,
): AuthParts {
  const ids = security ?? schemes.map((scheme) => scheme.id);
  const scheme = ids.map((id) => schemes.find((s) => s.id === id)).find((s) => s !== undefined);
  return scheme && apiKey ? schemeParts(scheme, apiKey) : { headers: {}, query: {}, cookies: {} };
}

/** Header names (lower-case) and query names whose values must never be logged. */
export function sensitiveNames(
  schemes: readonly AuthSchemeSpec[],
  always: readonly string[],
): { headers: Set<string>; query: Set<string> } {
  const headers = new Set(always);
  const query = new Set<string>();
  for (const scheme of schemes) {
    if (scheme.type !== 'apiKey' || !scheme.name) continue;
    if (scheme.in === 'query') query.add(scheme.name.toLowerCase());
    else if (scheme.in !== 'cookie') headers.add(scheme.name.toLowerCase());
  }
  return { headers, query };
}
