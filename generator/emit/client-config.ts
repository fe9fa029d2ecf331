import { constantCase } from 'change-case';
import type { ClientSettings } from '../config/types.js';
import type { ApiModel } from '../model/types.js';

const STOP_WORDS =
  /^(api|apis|rest|http|https|openapi|swagger\d*|spec|specification|service|v\d+(\.\d+)*|\d+(\.\d+)*)$/i;

/**
 * The words that name the API in its title: "GitHub's official OpenAPI spec" -> [GitHub],
 * "Discord HTTP API (Preview)" -> [Discord], "Swagger Petstore - OpenAPI 3.0" -> [Swagger, Petstore].
 */
export function titleWords(title: string): string[] {
  const head = title.replace(/\(.*?\)/g, ' ').split(/\s[-–—+:|]\s|\s\+/)[0] ?? title;
  const words: string[] = [];
  for (const raw of head.split(/\s+/)) {
    const possessive = /['’]s$/i.test(raw);
    const word = raw.replace(/['’]s$/i, '').replace(/[^A-Za-z0-9]+/g, '');
    if (!word) continue;
    if (STOP_WORDS.test(word) && words.length > 0) break;
    if (!STOP_WORDS.test(word)) words.push(word);
    if (possessive) break;
  }
  return words.slice(0, 4);
}

/** Client class name: config `name`, else the title's naming words in PascalCase. */
export function clientName(model: ApiModel, settings: Pick<ClientSettings, 'name'>): string {
  if (settings.name) return settings.name;
  const words = titleWords(model.title);
  const name = words
    .map((w) =>
      w.toUpperCase() === w && w.length > 4
        ? w.charAt(0) + w.slice(1).toLowerCase()
        : w.charAt(0).toUpperCase() + w.slice(1),
    )
    .join('');
  return /^[A-Za-z]/.test(name) ? name : `Api${name}`;
}

/** Prefix of the client's environment variables: `STIGG`, `GITHUB`, `SWAGGER_PETSTORE`. */
export function envPrefix(model: ApiModel, settings: Pick<ClientSettings, 'name'>): string {
  if (settings.name) return constantCase(settings.name);
  const words = titleWords(model.title).map((w) => w.toUpperCase());
  return words.length > 0 && /^[A-Z]/.test(words[0] ?? '')
    ? words.join('_')
    : constantCase(clientName(model, settings));
}

/** The base URL the client falls back to: the config's, else the first server's with variable defaults; '' when not absolute. */
export function defaultBaseURL(model: ApiModel, settings: Pick<ClientSettings, 'baseURL'>): string {
  const server = model.servers[0];
  const url =
    settings.baseURL ??
    (server ? server.variables.reduce((u, v) => u.split(`{${v.name}}`).join(v.default), server.url) : '');
  return /^https?:\/\//.test(url) ? url.replace(/\/+$/, '') : '';
}

/** The ClientConfig value the generated client passes to BaseClient (printed by the literal printer). */
export function clientConfigValue(model: ApiModel, settings: ClientSettings, name: string): Record<string, unknown> {
  const prefix = envPrefix(model, settings);
  const env = {
    apiKey: settings.env?.apiKey ?? `${prefix}_API_KEY`,
    baseURL: settings.env?.baseURL ?? `${prefix}_BASE_URL`,
    log: settings.env?.log ?? `${prefix}_LOG`,
    customHeaders: settings.env?.customHeaders ?? `${prefix}_CUSTOM_HEADERS`,
  };
  const baseURL = defaultBaseURL(model, settings);
  const auth = model.securitySchemes.flatMap((s) => {
    if (s.type === 'apiKey' && s.in && s.paramName)
      return [{ id: s.name, type: 'apiKey', in: s.in, name: s.paramName }];
    if (s.type === 'oauth2' && s.clientCredentials)
      return [oauth2Scheme(model, s.name, s.clientCredentials.tokenUrl, baseURL)];
    if (s.type === 'http' && s.scheme === 'basic') return [{ id: s.name, type: 'basic' }];
    if (s.type === 'http' || s.type === 'oauth2' || s.type === 'openIdConnect') return [{ id: s.name, type: 'bearer' }];
    return [];
  });
  // The key is required only when every global requirement needs a scheme (an empty `{}` requirement means optional auth).
  const apiKeyRequired =
    auth.length > 0 && model.security.length > 0 && model.security.every((r) => r.schemes.length > 0);
  if (auth.some((a) => a.type === 'oauth2'))
    Object.assign(env, { clientId: `${prefix}_CLIENT_ID`, clientSecret: `${prefix}_CLIENT_SECRET` });
  const config: Record<string, unknown> = {
    clientName: name,
    env,
    defaultBaseURL: baseURL,
    auth,
    apiKeyRequired,
    version: model.version,
  };
  const idem = idempotency(model, settings);
  if (idem) config['idempotency'] = idem;
  if (settings.retryCountHeader) config['retryCountHeader'] = settings.retryCountHeader;
  return config;
}

/**
 * An OAuth2 client-credentials scheme: its token URL (resolved against the base URL when
 * relative) and the scopes that the spec's security requirements ask for with it.
 */
function oauth2Scheme(
  model: ApiModel,
  id: string,
  tokenUrl: string,
  baseURL: string,
): { id: string; type: 'oauth2'; tokenUrl: string; scopes: string[] } {
  const requirements = [...model.security, ...model.operations.flatMap((op) => op.security ?? [])];
  const scopes = new Set(requirements.flatMap((r) => r.schemes.filter((s) => s.name === id).flatMap((s) => s.scopes)));
  let url = tokenUrl;
  if (!/^https?:\/\//.test(tokenUrl) && baseURL) url = new URL(tokenUrl, `${baseURL}/`).href;
  return { id, type: 'oauth2', tokenUrl: url, scopes: [...scopes].sort() };
}

function idempotency(model: ApiModel, settings: ClientSettings): { header: string; methods: string[] } | undefined {
  const setting = settings.idempotency ?? 'auto';
  if (setting === false) return undefined;
  if (setting !== 'auto') return { header: setting.header ?? 'Idempotency-Key', methods: setting.methods ?? ['post'] };
  const header = model.operations
    .flatMap((o) => o.parameters)
    .find((p) => p.in === 'header' && /^idempotency-key$/i.test(p.name));
  return header ? { header: header.name, methods: ['post'] } : undefined;
}
