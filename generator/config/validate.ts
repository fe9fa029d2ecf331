/**
 * Validates a loaded config object against the shapes in `shape.ts`,
 * collecting every problem with the path of the offending key
 * (`clients[0].output: expected a string, got a number`).
 */
import { ApiforgeError } from '../diagnostics.js';
import { didYouMean } from '../util/closest.js';
import { TOP_LEVEL_EXTRA, clientShape, type Shape } from './shape.js';
import type { ApiforgeConfig, ClientSettings } from './types.js';

/** One problem in a config: the key path (`clients[0].output`) and what is wrong. */
export interface ConfigIssue {
  path: string;
  message: string;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

function join(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  const part = IDENT.test(key) ? key : JSON.stringify(key);
  if (!base) return IDENT.test(key) ? key : `[${part}]`;
  return IDENT.test(key) ? `${base}.${key}` : `${base}[${part}]`;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  const t = typeof v;
  return t === 'object'
    ? 'an object'
    : t === 'string'
      ? `the string ${JSON.stringify(v)}`
      : `${/^[aeiou]/.test(t) ? 'an' : 'a'} ${t}${t === 'number' || t === 'boolean' ? ` (${String(v)})` : ''}`;
}

function expected(s: Shape): string {
  switch (s.kind) {
    case 'string':
      return s.enum ? `one of ${s.enum.map((e) => JSON.stringify(e)).join(', ')}` : 'a string';
    case 'boolean':
      return 'a boolean';
    case 'literal':
      return JSON.stringify(s.value);
    case 'array':
      return 'an array';
    case 'object':
    case 'record':
      return 'an object';
    case 'union':
      return s.options.map(expected).join(' or ');
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether `v` has the JavaScript type `s` expects (not checking its contents). */
function sameKind(s: Shape, v: unknown): boolean {
  switch (s.kind) {
    case 'string':
      return typeof v === 'string';
    case 'boolean':
      return typeof v === 'boolean';
    case 'literal':
      return v === s.value;
    case 'array':
      return Array.isArray(v);
    case 'object':
    case 'record':
      return isObject(v);
    case 'union':
      return s.options.some((o) => sameKind(o, v));
  }
}

function check(s: Shape, v: unknown, at: string, issues: ConfigIssue[], extraKeys: readonly string[] = []): void {
  const fail = (message: string): void => void issues.push({ path: at || '(root)', message });
  switch (s.kind) {
    case 'string':
      if (typeof v !== 'string') return fail(`expected ${expected(s)}, got ${typeName(v)}`);
      if (s.enum && !s.enum.includes(v))
        return fail(`expected ${expected(s)}, got ${JSON.stringify(v)}${didYouMean(v, s.enum)}`);
      if (s.minLength && v.length < s.minLength) return fail('must not be empty');
      return;
    case 'boolean':
    case 'literal':
      if (!sameKind(s, v)) fail(`expected ${expected(s)}, got ${typeName(v)}`);
      return;
    case 'array':
      if (!Array.isArray(v)) return fail(`expected ${expected(s)}, got ${typeName(v)}`);
      v.forEach((item, i) => check(s.items, item, join(at, i), issues));
      return;
    case 'record':
      if (!isObject(v)) return fail(`expected ${expected(s)}, got ${typeName(v)}`);
      for (const [k, item] of Object.entries(v)) check(s.values, item, join(at, k), issues);
      return;
    case 'object': {
      if (!isObject(v)) return fail(`expected ${expected(s)}, got ${typeName(v)}`);
      const known = [...Object.keys(s.props), ...extraKeys];
      for (const [k, item] of Object.entries(v)) {
        const prop = s.props[k];
        if (prop) check(prop, item, join(at, k), issues);
        else if (!extraKeys.includes(k))
          issues.push({ path: join(at, k), message: `unknown key${didYouMean(k, known)}` });
      }
      for (const r of s.required ?? []) {
        if (v[r] === undefined) issues.push({ path: join(at, r), message: 'required key is missing' });
      }
      return;
    }
    case 'union': {
      // Recurse into the one option of the same JavaScript type, so nested mistakes get precise paths.
      const candidates = s.options.filter((o) => sameKind(o, v));
      if (candidates.length === 0) {
        const structural = s.options.filter((o) => (o.kind === 'object' || o.kind === 'record') && isObject(v));
        if (structural.length === 1) return check(structural[0]!, v, at, issues);
        return fail(`expected ${expected(s)}, got ${typeName(v)}`);
      }
      const [first] = candidates;
      if (candidates.length === 1 && first!.kind !== 'literal') check(first!, v, at, issues);
      return;
    }
  }
}

/** Settings that only make sense together: generated tests run the built package of the full client. */
function checkCombinations(c: unknown, at: string, issues: ConfigIssue[]): void {
  if (!isObject(c) || c.tests !== true) return;
  if (c.package === false)
    issues.push({ path: join(at, 'tests'), message: 'tests need the package (remove `package: false`)' });
  if (c.emit === 'types')
    issues.push({ path: join(at, 'tests'), message: "tests need the full client (remove `emit: 'types'`)" });
}

/** Validates a raw config value; returns every issue found (empty when valid). */
export function validateConfig(raw: unknown): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (!isObject(raw)) {
    return [
      { path: '(root)', message: `expected an object (one client, or { clients: [...] }), got ${typeName(raw)}` },
    ];
  }
  if ('clients' in raw) {
    const topKeys = ['clients', ...TOP_LEVEL_EXTRA];
    for (const k of Object.keys(raw)) {
      if (topKeys.includes(k)) continue;
      const hint =
        k in clientShape.props ? ' (with "clients", put client settings inside each client)' : didYouMean(k, topKeys);
      issues.push({ path: join('', k), message: `unknown key${hint}` });
    }
    const clients = raw.clients;
    if (!Array.isArray(clients)) {
      issues.push({ path: 'clients', message: `expected an array of clients, got ${typeName(clients)}` });
    } else if (clients.length === 0) {
      issues.push({ path: 'clients', message: 'expected at least one client' });
    } else {
      const seen = new Map<string, number>();
      clients.forEach((c, i) => {
        check(clientShape, c, `clients[${i}]`, issues);
        checkCombinations(c, `clients[${i}]`, issues);
        const name = isObject(c) && typeof c.name === 'string' ? c.name : undefined;
        if (name === undefined) return;
        const prev = seen.get(name);
        if (prev !== undefined)
          issues.push({
            path: `clients[${i}].name`,
            message: `duplicate client name "${name}" (also clients[${prev}])`,
          });
        else seen.set(name, i);
      });
    }
  } else {
    check(clientShape, raw, '', issues, TOP_LEVEL_EXTRA);
    checkCombinations(raw, '', issues);
  }
  return issues;
}

/** Validates and returns the config, or throws one `config-error` listing every issue. */
export function assertValidConfig(raw: unknown, file?: string): ApiforgeConfig {
  const issues = validateConfig(raw);
  if (issues.length > 0) {
    const lines = issues.map((i) => `  ${i.path}: ${i.message}`);
    const what = issues.length === 1 ? 'an error' : `${issues.length} errors`;
    throw new ApiforgeError('config-error', `config has ${what}:\n${lines.join('\n')}`, file ? { file } : undefined);
  }
  return raw as ApiforgeConfig;
}

/** The clients of a valid config, single-client form included. */
export function configClients(config: ApiforgeConfig): ClientSettings[] {
  return 'clients' in config ? config.clients : [config];
}
