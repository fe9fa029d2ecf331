/**
 * `apiforge templates eject` and `apiforge templates diff`: copy built-in
 * templates out for overriding, and later show which overrides' built-in
 * counterparts changed upstream since they were ejected.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { structuredPatch, createTwoFilesPatch } from 'diff';
import { loadConfigFrom } from '../config/load.js';
import { ApiforgeError } from '../diagnostics.js';
import { VIEW_MODEL_VERSION } from '../emit/view-model.js';
import { listRuntimeFiles, listTemplateFiles } from '../emit/template-engine.js';
import {
  TEMPLATE_MANIFEST,
  hashTemplateSource,
  readTemplateManifest,
  type TemplateManifest,
} from '../emit/templates/manifest.js';
import { closest } from '../util/closest.js';
import { packageVersion, type CliContext } from './context.js';

export interface EjectFlags {
  to?: string;
  force?: boolean;
}

/** Copies built-in templates (all, or the named ones) plus a manifest recording their hashes. */
export async function ejectCommand(names: string[], flags: EjectFlags, ctx: CliContext): Promise<number> {
  const to = path.resolve(ctx.cwd, flags.to ?? 'apiforge-templates');
  const templates = builtinSources(ctx);
  for (const n of names) {
    if (!templates.has(n)) {
      const hint = closest(n, templates.keys());
      throw new ApiforgeError(
        'template-error',
        `no built-in template named "${n}"${hint ? ` (closest: "${hint}")` : ''}`,
        undefined,
        2,
      );
    }
  }
  const selected = names.length ? names : [...templates.keys()];
  const files = selected.map((n) => templates.get(n)!.rel);
  const clobbered = files.filter((f) => existsSync(path.join(to, f)));
  if (clobbered.length && !flags.force) {
    throw new ApiforgeError(
      'template-error',
      `${clobbered.length} file(s) already exist in ${ctx.rel(to)} (e.g. ${clobbered[0]}); pass --force to overwrite`,
    );
  }
  const previous = readTemplateManifest(to);
  const manifest: TemplateManifest = {
    contract: VIEW_MODEL_VERSION,
    apiforge: packageVersion(),
    builtins: { ...previous?.builtins },
  };
  mkdirSync(to, { recursive: true });
  for (const n of selected) {
    const { rel: f, file: src } = templates.get(n)!;
    mkdirSync(path.dirname(path.join(to, f)), { recursive: true });
    cpSync(src, path.join(to, f));
    manifest.builtins![f] = hashTemplateSource(readFileSync(src, 'utf8'));
  }
  manifest.builtins = Object.fromEntries(Object.entries(manifest.builtins!).sort(([a], [b]) => (a < b ? -1 : 1)));
  writeFileSync(path.join(to, TEMPLATE_MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
  ctx.out(`✔ ejected ${files.length} template(s) to ${ctx.rel(to)} (contract ${VIEW_MODEL_VERSION})`);
  ctx.out(`  Delete the ones you do not change: every file kept here overrides its built-in, including future fixes.`);
  ctx.out(`  Then set "templates": "${ctx.rel(to)}" in your apiforge config.`);
  return 0;
}

export interface DiffFlags {
  templates?: string;
  config?: string;
  exitCode?: boolean;
  patch?: boolean;
}

type Status = 'changed-upstream' | 'customized' | 'identical' | 'untracked' | 'unknown';

/** Lists overrides and their state against the current built-ins; prints unified diffs for those that changed upstream. */
export async function diffCommand(flags: DiffFlags, ctx: CliContext): Promise<number> {
  const dirs = await overrideDirs(flags, ctx);
  const builtin = builtinSources(ctx);
  let stale = 0;
  for (const dir of dirs) {
    const manifest = readTemplateManifest(dir);
    const listed = listTemplateFiles(dir);
    const overrides = new Map([...listed.templates, ...listed.runtime]);
    ctx.out(
      `${ctx.rel(dir)} (contract ${manifest?.contract ?? 'not declared'}, apiforge provides ${VIEW_MODEL_VERSION})`,
    );
    if (overrides.size === 0) ctx.out('  no overrides');
    for (const [name, file] of overrides) {
      const rel = path.relative(dir, file).split(path.sep).join('/');
      const mine = readFileSync(file, 'utf8');
      const base = builtin.get(name);
      const current = base === undefined ? undefined : readFileSync(base.file, 'utf8');
      const recorded = manifest?.builtins?.[rel];
      const status: Status =
        current === undefined
          ? 'unknown'
          : hashTemplateSource(mine) === hashTemplateSource(current)
            ? 'identical'
            : recorded === undefined
              ? 'untracked'
              : recorded !== hashTemplateSource(current)
                ? 'changed-upstream'
                : 'customized';
      const stat = current === undefined || status === 'identical' ? '' : ` (${diffStat(current, mine)} vs built-in)`;
      const text: Record<Status, string> = {
        'changed-upstream': 'built-in changed since eject: review and merge',
        customized: 'customized; built-in unchanged since eject',
        identical: 'identical to the built-in: delete it to follow upstream',
        untracked: 'differs from the built-in; not in the manifest, so upstream changes cannot be told apart',
        unknown: 'matches no built-in template: generation will fail',
      };
      ctx.out(
        `  ${status === 'changed-upstream' ? '!' : status === 'unknown' ? '✘' : '·'} ${name}: ${text[status]}${stat}`,
      );
      if (status === 'changed-upstream' || status === 'unknown') stale++;
      if (current !== undefined && (status === 'changed-upstream' || flags.patch) && status !== 'identical') {
        const patch = createTwoFilesPatch(`builtin/${rel}`, `override/${rel}`, current, mine, '', '', { context: 2 });
        ctx.out(
          patch
            .split('\n')
            .filter((l) => !/^=+$/.test(l))
            .map((l) => `    ${l.replace(/\t$/, '')}`)
            .join('\n')
            .trimEnd(),
        );
      }
    }
  }
  return flags.exitCode && stale > 0 ? 1 : 0;
}

/**
 * Built-in sources by name, with the path an override uses (`rel`): templates
 * (`partials/jsdoc` -> `partials/jsdoc.hbs`) and runtime files (`runtime/core/client.ts`, plain TypeScript).
 */
function builtinSources(ctx: CliContext): Map<string, { file: string; rel: string }> {
  const out = new Map<string, { file: string; rel: string }>();
  for (const [name, file] of listTemplateFiles(ctx.builtinTemplatesDir).templates) {
    out.set(name, { file, rel: path.relative(ctx.builtinTemplatesDir, file).split(path.sep).join('/') });
  }
  for (const [name, file] of listRuntimeFiles(ctx.builtinRuntimeDir)) out.set(name, { file, rel: name });
  return out;
}

function diffStat(a: string, b: string): string {
  let plus = 0;
  let minus = 0;
  for (const h of structuredPatch('a', 'b', a, b, '', '', { context: 0 }).hunks) {
    for (const l of h.lines) {
      if (l.startsWith('+')) plus++;
      else if (l.startsWith('-')) minus++;
    }
  }
  return `+${plus} -${minus}`;
}

async function overrideDirs(flags: DiffFlags, ctx: CliContext): Promise<string[]> {
  if (flags.templates !== undefined) {
    const dir = path.resolve(ctx.cwd, flags.templates);
    if (!existsSync(dir))
      throw new ApiforgeError('template-error', 'template overrides folder not found', { file: ctx.rel(dir) });
    return [dir];
  }
  const loaded = await loadConfigFrom({
    cwd: ctx.cwd,
    ...(flags.config !== undefined ? { config: flags.config } : {}),
  });
  const dirs = [
    ...new Set((loaded?.clients ?? []).map((c) => c.templates).filter((t): t is string => t !== undefined)),
  ];
  if (dirs.length === 0) {
    throw new ApiforgeError(
      'config-error',
      'no template overrides folder: pass --templates DIR or set "templates" in the config',
      undefined,
      2,
    );
  }
  return dirs;
}
