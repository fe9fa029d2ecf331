import { AuthenticationError, castToError } from '../core/error.js';
import type { Fetch } from '../core/platform.js';
import { platform } from '../core/platform.js';
import type { AuthSchemeSpec } from '../core/types.js';
import { schemeParts } from './auth.js';
import { ClientCredentialsTokens } from './oauth2.js';
import type { AuthParts } from './request.js';

/** Returns the credential for one request: an access token, or an API key for apiKey schemes. */
export type TokenProvider = () => string | null | undefined | Promise<string | null | undefined>;

/** The credentials of one request, and how to renew them after the API answers 401. */
export interface ResolvedAuth {
  parts: AuthParts;
  /** Set for OAuth2 tokens: forgets the token, so that the next resolve fetches a new one. */
  renew?: () => void;
}

export interface CredentialOptions {
  apiKey: string | null;
  auth?: TokenProvider | undefined;
  clientId?: string | null | undefined;
  clientSecret?: string | null | undefined;
  fetch: Fetch;
}

const NO_AUTH: ResolvedAuth = { parts: { headers: {}, query: {}, cookies: {} } };

/**
 * Picks and produces the credentials of each request. For the schemes that apply (`security`
 * undefined = all of the client's, `[]` = none), the first one with a credential wins:
 * `auth` (a provider, for any scheme), an OAuth2 client-credentials token when `clientId` and
 * `clientSecret` are set, else the API key.
 */
export class Credentials {
  private readonly schemes: readonly AuthSchemeSpec[];
  private readonly options: CredentialOptions;
  private readonly tokens = new Map<string, ClientCredentialsTokens>();
  private readonly cache = new Map<readonly string[] | undefined, ResolvedAuth>();

  constructor(schemes: readonly AuthSchemeSpec[], options: CredentialOptions) {
    this.schemes = schemes;
    this.options = options;
  }

  /** Whether any credential is configured (an API key, a provider or OAuth2 client credentials). */
  get configured(): boolean {
    const { apiKey, auth } = this.options;
    return Boolean(apiKey || auth || this.clientCredentials());
  }

  resolve(security: readonly string[] | undefined): ResolvedAuth | Promise<ResolvedAuth> {
    const cached = this.cache.get(security);
    if (cached) return cached;
    const scheme = this.pick(security);
    if (!scheme) return this.remember(security, NO_AUTH);
    if (this.options.auth) return this.fromProvider(scheme, this.options.auth);
    const tokens = this.tokensFor(scheme);
    if (tokens) {
      return tokens
        .token()
        .then((token) => ({ parts: schemeParts(scheme, token), renew: () => tokens.invalidate(token) }));
    }
    return this.remember(security, { parts: schemeParts(scheme, this.options.apiKey ?? '') });
  }

  private remember(security: readonly string[] | undefined, auth: ResolvedAuth): ResolvedAuth {
    this.cache.set(security, auth);
    return auth;
  }

  private pick(security: readonly string[] | undefined): AuthSchemeSpec | undefined {
    const ids = security ?? this.schemes.map((scheme) => scheme.id);
    const applicable = ids
      .map((id) => this.schemes.find((s) => s.id === id))
      .filter((s): s is AuthSchemeSpec => s !== undefined);
    if (this.options.auth) return applicable[0];
    return (
      applicable.find((s) => s.type === 'oauth2' && s.tokenUrl && this.clientCredentials()) ??
      (this.options.apiKey ? applicable.find((s) => s.type !== 'oauth2' || !this.clientCredentials()) : undefined)
    );
  }

  private clientCredentials(): { clientId: string; clientSecret: string } | undefined {
    const { clientId, clientSecret } = this.options;
    return clientId && clientSecret ? { clientId, clientSecret } : undefined;
  }

  private tokensFor(scheme: AuthSchemeSpec): ClientCredentialsTokens | undefined {
    const credentials = this.clientCredentials();
    if (scheme.type !== 'oauth2' || !scheme.tokenUrl || !credentials) return undefined;
    let tokens = this.tokens.get(scheme.id);
    if (!tokens) {
      tokens = new ClientCredentialsTokens({
        ...credentials,
        tokenUrl: scheme.tokenUrl,
        scopes: scheme.scopes ?? [],
        fetch: this.options.fetch,
      });
      this.tokens.set(scheme.id, tokens);
    }
    return tokens;
  }

  private async fromProvider(scheme: AuthSchemeSpec, provider: TokenProvider): Promise<ResolvedAuth> {
    let token: string | null | undefined;
    try {
      token = await provider();
    } catch (err) {
      const cause = castToError(err);
      throw new AuthenticationError(
        401,
        undefined,
        `The auth provider failed: ${cause.message}`,
        new platform.Headers(),
        { cause },
      );
    }
    return token ? { parts: schemeParts(scheme, token) } : NO_AUTH;
  }
}
