import { AuthenticationError, castToError } from '../core/error.js';
import type { Fetch, Headers, Response } from '../core/platform.js';
import { platform } from '../core/platform.js';
import { toBase64 } from './auth.js';

/** Settings of an OAuth2 client-credentials flow. */
export interface ClientCredentialsOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scopes: readonly string[];
  fetch: Fetch;
  /** Injectable for tests. */
  now?: () => number;
}

/** A token is renewed this long before it expires (at most half its lifetime), so that it never expires in flight. */
export const EXPIRY_MARGIN_MS = 30_000;

interface CachedToken {
  value: string;
  /** Epoch ms after which the token is no longer used. */
  renewAt: number;
}

function tokenError(
  message: string,
  status: number | undefined,
  body: unknown,
  headers: Headers | undefined,
  cause?: Error,
): AuthenticationError {
  const detail = status === undefined ? message : `${message} (token endpoint status ${status})`;
  const error = new AuthenticationError(
    401,
    body,
    detail,
    headers ?? new platform.Headers(),
    cause ? { cause } : undefined,
  );
  // The status in the default message would be the 401 this error stands for, not the endpoint's.
  const fromBody = error.message.replace(/^401 /, '');
  error.message = fromBody === detail ? detail : `${detail}: ${fromBody}`;
  return error;
}

/**
 * Fetches, caches and renews an OAuth2 access token with the client-credentials grant
 * (RFC 6749 §4.4, client authentication with HTTP Basic). Concurrent callers share one token
 * request; a token is reused until shortly before `expires_in` runs out.
 */
export class ClientCredentialsTokens {
  private readonly options: ClientCredentialsOptions;
  private cached: CachedToken | undefined;
  private pending: Promise<string> | undefined;

  constructor(options: ClientCredentialsOptions) {
    this.options = options;
  }

  /** A valid access token, fetched only when there is none (or `refresh` is set). */
  token(refresh = false): Promise<string> {
    const now = (this.options.now ?? Date.now)();
    if (!refresh && this.cached && now < this.cached.renewAt) return Promise.resolve(this.cached.value);
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  /** Drops `token` after the API rejected it, unless a newer one has replaced it already. */
  invalidate(token: string): void {
    if (this.cached?.value === token) this.cached = undefined;
  }

  private async fetchToken(): Promise<string> {
    const { tokenUrl, clientId, clientSecret, scopes } = this.options;
    let body = 'grant_type=client_credentials';
    if (scopes.length > 0) body += `&scope=${encodeURIComponent(scopes.join(' '))}`;
    const basic = toBase64(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`);
    let response: Response;
    try {
      response = await this.options.fetch.call(undefined, tokenUrl, {
        method: 'POST',
        headers: {
          authorization: `Basic ${basic}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body,
      });
    } catch (err) {
      throw tokenError(
        `Could not reach the OAuth2 token endpoint ${tokenUrl}.`,
        undefined,
        undefined,
        undefined,
        castToError(err),
      );
    }
    const text = await response.text().catch(() => '');
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // keep the text
    }
    if (!response.ok)
      throw tokenError(`The OAuth2 token request to ${tokenUrl} failed.`, response.status, parsed, response.headers);
    const token = parsed as { access_token?: unknown; expires_in?: unknown };
    if (typeof token.access_token !== 'string' || token.access_token === '') {
      throw tokenError(
        `The OAuth2 token endpoint ${tokenUrl} returned no access_token.`,
        response.status,
        parsed,
        response.headers,
      );
    }
    const expiresIn = Number(token.expires_in);
    const now = (this.options.now ?? Date.now)();
    // Without expires_in the token is kept until the API rejects it.
    const lifetime = expiresIn * 1000;
    const renewAt =
      Number.isFinite(lifetime) && lifetime > 0 ? now + lifetime - Math.min(EXPIRY_MARGIN_MS, lifetime / 2) : Infinity;
    this.cached = { value: token.access_token, renewAt };
    return token.access_token;
  }
}
