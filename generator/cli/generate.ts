/**
 * `apiforge generate` and `apiforge check`: run the pipeline for each
 * selected client, then write (or, with --check, compare) the output.
 */
import path from 'node:path';
import type { ResolvedClientSettings } from '../config/types.js';
import { ApiforgeError, type Diagnostic } from '../diagnostics.js';
import { writeOutput, type WriteResult } from '../write/write-output.js';
import { selectClients, type ClientSelection } from './clients.js';
import type { CliContext, GenerateResult } from './context.js';
import { describeError } from './errors.js';

export interface GenerateFlags extends ClientSelection {
  check?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  debug?: boolean;
}

/** Outcome of one pass over every selected client; watch mode uses the file lists. */
export interface GenerateRun {
  exitCode: 0 | 1;
  /** Files whose change should trigger a rerun: config, specs, `$ref`'d files, used override templates. */
  watched: string[];
  /** Override template folders, watched recursively. */
  templateDirs: string[];
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)}s`;
}

/** Runs one client; returns its pipeline result, or undefined after printing the error. */
async function runClient(client: ResolvedClientSettings, flags: GenerateFlags, ctx: CliContext, diagnostics: Diagnostic[]): Promise<{ ok: boolean; result?: GenerateResult }> {
  const started = performance.now();
  const label = client.name ?? path.basename(client.output);
  let result: GenerateResult;
  let written: WriteResult;
  try {
    const pipeline = await ctx.pipeline();
    result = await pipeline.generateClient(client);
    diagnostics.push(...result.warnings);
    if (result.warnings.some((w) => w.severity === 'error')) {
      // An error means the client would be wrong: report, and leave the output folder as it was.
      ctx.err(`✘ ${label}: errors in the spec (listed below); nothing written`);
      return { ok: false, result };
    }
    written = await writeOutput(client.output, result.files, { check: flags.check ?? false });
    diagnostics.push(...written.warnings);
  } catch (e) {
    ctx.err(`✘ ${label}: ${describeError(e, flags.debug ?? false)}`);
    return { ok: false };
  }
  const name = client.name ?? result.clientName ?? label;
  const where = `${name} → ${ctx.rel(client.output)}`;
  if (flags.check) {
    if (written.upToDate) {
      if (!flags.quiet) ctx.out(`✔ ${where} is up to date (${written.total} files, ${seconds(performance.now() - started)})`);
    } else {
      const parts = [[written.changed, 'changed'], [written.added, 'missing'], [written.removed, 'stale']] as const;
      ctx.err(`✘ ${where} is out of date: ${parts.filter(([l]) => l.length).map(([l, w]) => `${l.length} ${w}`).join(', ')}`);
      for (const p of written.changed) ctx.err(`  M ${p}${written.editedByHand.includes(p) ? ' (edited by hand)' : ''}`);
      for (const p of written.added) ctx.err(`  A ${p}`);
      for (const p of written.removed) ctx.err(`  D ${p}`);
      ctx.err(`  run \`apiforge generate\` to update it`);
    }
  } else if (!flags.quiet) {
    ctx.out(`✔ ${where} (${written.total} files, ${written.written} written${written.removed.length ? `, ${written.removed.length} removed` : ''}, ${seconds(performance.now() - started)})`);
  }
  if (!flags.check && written.editedByHand.length > 0) {
    diagnostics.push({ code: 'generation-error', message: `overwrote hand edits in ${written.editedByHand.join(', ')} (put hand-written code in src/lib/)`, location: { file: ctx.rel(client.output) } });
  }
  if (flags.verbose) {
    for (const t of result.templatesUsed) ctx.out(`  template ${t.name} ← ${ctx.rel(t.file)}${t.source ? ` (${t.source})` : ''}`);
  }
  return { ok: !flags.check || written.upToDate, result };
}

/** One generate/check pass. Never throws for input problems: it prints them and returns exit code 1. */
export async function runGenerate(flags: GenerateFlags, ctx: CliContext): Promise<GenerateRun> {
  const selected = await selectClients(flags, ctx, { requireOutput: true });
  const diagnostics: Diagnostic[] = [...selected.warnings];
  const watched = new Set<string>(selected.configFile ? [selected.configFile] : []);
  const templateDirs = new Set<string>();
  let ok = true;
  const progress = ctx.interactive && !flags.quiet && selected.clients.length > 1;
  for (const [i, client] of selected.clients.entries()) {
    if (!/^https?:\/\//i.test(client.input)) watched.add(client.input);
    if (client.templates) templateDirs.add(client.templates);
    if (progress) ctx.stderr.write(`\r\x1b[2K[${i + 1}/${selected.clients.length}] ${client.name ?? ctx.rel(client.output)}…`);
    const r = await runClient(client, flags, ctx, diagnostics);
    if (progress) ctx.stderr.write('\r\x1b[2K');
    ok &&= r.ok;
    for (const f of r.result?.sourceFiles ?? []) if (!/^https?:\/\//i.test(f)) watched.add(f);
  }
  ctx.report(diagnostics, flags.verbose ?? false);
  return { exitCode: ok ? 0 : 1, watched: [...watched], templateDirs: [...templateDirs] };
}

/** Usage errors (exit 2) escape; everything else was printed. Used by `main` for a single run. */
export async function generateCommand(flags: GenerateFlags, ctx: CliContext): Promise<number> {
  try {
    return (await runGenerate(flags, ctx)).exitCode;
  } catch (e) {
    if (e instanceof ApiforgeError && e.exitCode === 2) throw e;
    ctx.err(`✘ ${describeError(e, flags.debug ?? false)}`);
    return 1;
  }
}
