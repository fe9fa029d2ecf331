/** `apiforge inspect <spec|URL> [--config FILE] [--json]`. */
import path from 'node:path';
import { loadConfigFrom, resolveClient } from '../config/load.js';
import type { ResolvedClientSettings } from '../config/types.js';
import type { Diagnostic } from '../diagnostics.js';
import type { CliContext } from './context.js';

export interface InspectFlags {
  config?: string;
  json?: boolean;
  allowUnresolvedRefs?: boolean;
}

const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);

/**
 * With `--config`, the client whose input is this spec supplies the
 * overrides (resource names, filters); with a single client, that client
 * is used for any spec.
 */
async function settingsFor(spec: string, flags: InspectFlags, ctx: CliContext): Promise<ResolvedClientSettings> {
  const input = isUrl(spec) ? spec : path.resolve(ctx.cwd, spec);
  if (flags.config !== undefined) {
    const loaded = await loadConfigFrom({ cwd: ctx.cwd, config: flags.config });
    const clients = loaded?.clients ?? [];
    const match = clients.find((c) => c.input === input) ?? (clients.length === 1 ? clients[0] : undefined);
    if (match) return { ...match, input };
  }
  return resolveClient({ input: spec, output: '.' }, ctx.cwd);
}

export async function inspectCommand(spec: string, flags: InspectFlags, ctx: CliContext): Promise<number> {
  const found = await settingsFor(spec, flags, ctx);
  const settings = flags.allowUnresolvedRefs ? { ...found, allowUnresolvedRefs: true } : found;
  const pipeline = await ctx.pipeline();
  const report = await pipeline.inspectClient(settings);
  if (flags.json) {
    ctx.out(JSON.stringify(report, null, 2));
    return 0;
  }
  ctx.out(pipeline.formatInspect(report as never).replace(/\n$/, ''));
  const warnings = (report as { warnings?: Diagnostic[] }).warnings;
  if (Array.isArray(warnings)) ctx.report(warnings);
  return 0;
}
