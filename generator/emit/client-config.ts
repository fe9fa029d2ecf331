import { constantCase } from 'change-case';
import type { ClientSettings } from '../config/types.js';
import type { ApiModel } from '../model/types.js';

/** Client class name: config `name`, else the spec title without a trailing "API". */
export function clientName(model: ApiModel, settings: Pick<ClientSettings, 'name'>): string {
  if (settings.name) return settings.name;
  const words = model.title.replace(/[^A-Za-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
  while (words.length > 1 && /^(api|rest|openapi|service|v\d+)$/i.test(words[words.length - 1] ?? '')) words.pop();
  const name = words.map((w) => (w.toUpperCase() === w && w.length > 4 ? w.charAt(0) + w.slice(1).toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  return /^[A-Za-z]/.test(name) ? name : `Api${name}`;
}

/** The ClientConfig literal the generated client passes to BaseClient. */
export function clientConfigLiteral(model: ApiModel, settings: ClientSettings, name: string): string {
  const prefix = constantCase(name);
  const env = { apiKey: settings.env?.apiKey ?? `${prefix}_API_KEY`, baseURL: settings.env?.baseURL ?? `${prefix}_BASE_URL`, log: settings.env?.log ?? `${prefix}_LOG` };
  const server = model.servers[0];
  let baseURL = settings.baseURL ?? (server ? server.variables.reduce((url, v) => url.split(`{${v.name}}`).join(v.default), server.url) : '');
  if (!/^https?:\/\//.test(baseURL)) baseURL = '';
  baseURL = baseURL.replace(/\/+$/, '');
  const auth = model.securitySchemes.flatMap((s) => {
    if (s.type === 'apiKey' && s.in && s.paramName) return [{ id: s.name, type: 'apiKey', in: s.in, name: s.paramName }];
    if (s.type === 'http' && s.scheme === 'basic') return [{ id: s.name, type: 'basic' }];
    if (s.type === 'http' || s.type === 'oauth2' || s.type === 'openIdConnect') return [{ id: s.name, type: 'bearer' }];
    return [];
  });
  // The key is required only when every global requirement needs a scheme (an empty `{}` requirement means optional auth).
  const apiKeyRequired = auth.length > 0 && model.security.length > 0 && model.security.every((r) => r.schemes.length > 0);
  const config: Record<string, unknown> = { clientName: name, env, defaultBaseURL: baseURL, auth, apiKeyRequired, version: model.version };
  const idem = idempotency(model, settings);
  if (idem) config['idempotency'] = idem;
  return JSON.stringify(config, null, 2);
}

function idempotency(model: ApiModel, settings: ClientSettings): { header: string; methods: string[] } | undefined {
  const setting = settings.idempotency ?? 'auto';
  if (setting === false) return undefined;
  if (setting !== 'auto') return { header: setting.header ?? 'Idempotency-Key', methods: setting.methods ?? ['post'] };
  const header = model.operations.flatMap((o) => o.parameters).find((p) => p.in === 'header' && /^idempotency-key$/i.test(p.name));
  return header ? { header: header.name, methods: ['post'] } : undefined;
}
