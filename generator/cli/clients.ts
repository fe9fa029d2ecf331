/**
 * Turns `generate`/`inspect` arguments into the list of clients to run:
 * from a config file (explicit or found in the cwd) or from a spec given on
 * the command line, with `--client`, `--output` and `--name` applied.
 */
import path from 'node:path';
import { loadConfigFrom, resolveClient } from '../config/load.js';
import type { ClientSettings, ResolvedClientSettings } from '../config/types.js';
import { ApiforgeError, type Diagnostic } from '../diagnostics.js';
import { didYouMean } from '../util/closest.js';
import type { CliContext } from './context.js';

export interface ClientSelection {
  spec?: string;
  config?: string;
  client?: string;
  output?: string;
  name?: string;
  /** `--no-package` sets false (commander's default for a negated flag is true, which changes nothing). */
  package?: boolean;
  packageName?: string;
  packageVersion?: string;
  /** `--tests`: also write the generated tests. */
  tests?: boolean;
  baseUrl?: string;
  templates?: string;
  /** `--format`: `default`, `prettier` or `none`; applies to every selected client. */
  format?: string;
  emit?: 'client' | 'types';
  pagination?: 'auto' | 'off';
  /** `--allow-unresolved-refs`: applies to every selected client. */
  allowUnresolvedRefs?: boolean;
}

/** The config settings given as flags; they apply to every selected client. */
function settingsFromFlags(
  sel: ClientSelection,
  cwd: string,
  current: Partial<ClientSettings> = {},
): Partial<ClientSettings> {
  const out: Partial<ClientSettings> = {};
  if (sel.package === false) out.package = false;
  else if (sel.packageName !== undefined || sel.packageVersion !== undefined) {
    const base = typeof current.package === 'object' ? current.package : {};
    out.package = {
      ...base,
      ...(sel.packageName !== undefined ? { name: sel.packageName } : {}),
      ...(sel.packageVersion !== undefined ? { version: sel.packageVersion } : {}),
    };
  }
  if (sel.tests === true) out.tests = true;
  if (sel.baseUrl !== undefined) out.baseURL = sel.baseUrl;
  if (sel.templates !== undefined) out.templates = path.resolve(cwd, sel.templates);
  if (sel.format !== undefined) out.format = formatFromFlag(sel.format);
  if (sel.emit !== undefined) out.emit = sel.emit;
  if (sel.pagination !== undefined) out.pagination = sel.pagination;
  return out;
}

export interface SelectedClients {
  clients: ResolvedClientSettings[];
  /** Absolute config file path, when one was used. */
  configFile?: string;
  warnings: Diagnostic[];
}

const usage = (message: string): ApiforgeError => new ApiforgeError('config-error', message, undefined, 2);
const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);

/**
 * A spec on the command line without `--config` ignores any config in the
 * cwd: explicit arguments win, and `apiforge generate other.yaml -o x` must
 * not silently pick up unrelated overrides.
 */
export async function selectClients(
  sel: ClientSelection,
  ctx: CliContext,
  opts: { requireOutput: boolean },
): Promise<SelectedClients> {
  const selected = await selectFromArgs(sel, ctx, opts);
  if (sel.allowUnresolvedRefs) selected.clients = selected.clients.map((c) => ({ ...c, allowUnresolvedRefs: true }));
  return selected;
}

async function selectFromArgs(
  sel: ClientSelection,
  ctx: CliContext,
  opts: { requireOutput: boolean },
): Promise<SelectedClients> {
  const loaded =
    sel.spec !== undefined && sel.config === undefined
      ? undefined
      : await loadConfigFrom({ cwd: ctx.cwd, ...(sel.config !== undefined ? { config: sel.config } : {}) });
  if (!loaded) {
    if (sel.spec === undefined)
      throw usage(
        `no spec given and no apiforge.config.{ts,mts,mjs,js,json} in ${ctx.cwd}; run \`apiforge generate <spec> --output <dir>\` or add a config`,
      );
    if (sel.client !== undefined) throw usage('--client needs a config file');
    if (sel.output === undefined && opts.requireOutput)
      throw usage('--output <dir> is required when no config file is used');
    const client = resolveClient(
      { input: sel.spec, output: sel.output ?? '.', ...(sel.name !== undefined ? { name: sel.name } : {}) },
      ctx.cwd,
    );
    return { clients: [{ ...client, ...settingsFromFlags(sel, ctx.cwd) }], warnings: [] };
  }
  let clients = loaded.clients;
  if (sel.client !== undefined) {
    const names = clients.map((c) => c.name).filter((n): n is string => n !== undefined);
    clients = clients.filter((c) => c.name === sel.client);
    if (clients.length === 0) {
      throw usage(
        `no client named "${sel.client}" in ${ctx.rel(loaded.file)}${didYouMean(sel.client, names)}; clients: ${names.join(', ') || '(none named)'}`,
      );
    }
  }
  const overriding = [
    sel.spec !== undefined && '<spec>',
    sel.output !== undefined && '--output',
    sel.name !== undefined && '--name',
  ].filter(Boolean);
  if (overriding.length > 0) {
    if (clients.length > 1)
      throw usage(
        `${overriding.join(', ')} apply to one client; the config has ${clients.length}, pick one with --client NAME`,
      );
    const c = { ...clients[0]! };
    if (sel.spec !== undefined) c.input = isUrl(sel.spec) ? sel.spec : path.resolve(ctx.cwd, sel.spec);
    if (sel.output !== undefined) c.output = path.resolve(ctx.cwd, sel.output);
    if (sel.name !== undefined) c.name = sel.name;
    clients = [c];
  }
  clients = clients.map((c) => ({ ...c, ...settingsFromFlags(sel, ctx.cwd, c) }));
  return { clients, configFile: loaded.file, warnings: loaded.warnings };
}

const FORMAT_FLAG: Record<string, ResolvedClientSettings['format']> = {
  default: true,
  prettier: 'prettier',
  none: false,
};

/** `--format` as the config's `format` value; a usage error for an unknown mode. */
function formatFromFlag(flag: string): ResolvedClientSettings['format'] {
  const format = FORMAT_FLAG[flag];
  if (format === undefined)
    throw usage(`--format must be one of ${Object.keys(FORMAT_FLAG).join(', ')}; got "${flag}"`);
  return format;
}
