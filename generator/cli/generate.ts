/**
 * `apiforge generate` and `apiforge check`: run the pipeline for each
 * selected client, then write (or, with --check, compare) the output.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedClientSettings } from '../config/types.js';
import { ApiforgeError, type Diagnostic } from '../diagnostics.js';
import { checkNoOp, fingerprintInputs, settledInputs, type NoOpCheck } from '../write/fingerprint.js';
import { OUTPUT_MANIFEST, type InputsRecord } from '../write/manifest.js';
import { writeOutput, type WriteResult } from '../write/write-output.js';
import { selectClients, type ClientSelection } from './clients.js';
import type { CliContext, GenerateResult } from './context.js';
import { describeError } from './errors.js';

export interface GenerateFlags extends ClientSelection {
  check?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  debug?: boolean;
  /** Run the whole pipeline even when the inputs are unchanged. */
  force?: boolean;
}

/** Outcome of one pass over every selected client; watch mode uses the file lists. */
export interface GenerateRun {
  exitCode: 0 | 1;
  /** Files whose change should trigger a rerun: config, specs, `$ref`'d files, used override templates. */
  watched: string[];
  /** Override template folders, watched recursively. */
  templateDirs: string[];
}

/** Up to five paths, then how many more: one line stays readable when a whole folder was edited. */
function fileList(paths: string[]): string {
  const shown = paths.slice(0, 5).join(', ');
  return paths.length > 5 ? `${shown} and ${paths.length - 5} more` : shown;
}

/** The spec's local files (URLs cannot be watched). */
function localFiles(files: string[]): string[] {
  return files.filter((f) => !/^https?:\/\//i.test(f));
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)}s`;
}

interface ClientOutcome {
  ok: boolean;
  /** Local files the client was generated from (watch mode watches them). */
  sourceFiles: string[];
}

/** Whether nothing changed since the last run; any trouble answering means "run it". */
async function noOpCheck(client: ResolvedClientSettings, ctx: CliContext): Promise<NoOpCheck> {
  try {
    return await checkNoOp(client, ctx.apiforgeFingerprint());
  } catch (e) {
    return { hit: false, reason: (e as Error).message };
  }
}

/** Runs one client: the no-op fast path when nothing changed, else the pipeline and the writer. */
async function runClient(
  client: ResolvedClientSettings,
  flags: GenerateFlags,
  ctx: CliContext,
  diagnostics: Diagnostic[],
): Promise<ClientOutcome> {
  const started = performance.now();
  const label = client.name ?? path.basename(client.output);
  // With no manifest (or --force) the pipeline runs for sure: its workers start now, beside the no-op check and
  // the pipeline's imports. The prestart module is small; a no-op run never imports it.
  const fullRun = flags.force || !existsSync(path.join(path.resolve(client.output), OUTPUT_MANIFEST));
  const early =
    ctx.builtInPipeline && fullRun
      ? import('../prestart.js').then((m) => m.prestartWorkers(client)).catch(() => undefined)
      : undefined;
  const noOp = await noOpCheck(client, ctx);
  await early;
  if (noOp.hit && !flags.force) {
    const where = `${client.name ?? noOp.clientName ?? label} → ${ctx.rel(client.output)}`;
    if (!flags.quiet)
      ctx.out(
        `✔ ${where} is up to date (${noOp.total} files, inputs unchanged, ${seconds(performance.now() - started)})`,
      );
    if (flags.verbose)
      ctx.out(
        '  skipped the pipeline: no input changed since the last run and the output matches its manifest ' +
          '(--force runs it)',
      );
    return { ok: true, sourceFiles: noOp.sourceFiles };
  }
  if (flags.verbose) ctx.out(`  full run: ${flags.force ? '--force' : noOp.hit ? 'inputs unchanged' : noOp.reason}`);
  let result: GenerateResult;
  let written: WriteResult;
  try {
    const pipeline = await ctx.pipeline();
    result = await pipeline.generateClient(client);
    diagnostics.push(...result.warnings);
    if (result.warnings.some((w) => w.severity === 'error')) {
      // An error means the client would be wrong: report, and leave the output folder as it was. Nothing is
      // recorded either, so the next run repeats the pipeline instead of skipping it.
      ctx.err(`✘ ${label}: errors in the spec (listed below); nothing written`);
      return { ok: false, sourceFiles: localFiles(result.sourceFiles) };
    }
    const inputs = await recordableInputs(client, result, noOp, ctx);
    written = await writeOutput(client.output, result.files, {
      check: flags.check ?? false,
      ...(inputs ? { inputs } : {}),
    });
    diagnostics.push(...written.warnings);
  } catch (e) {
    ctx.err(`✘ ${label}: ${describeError(e, flags.debug ?? false)}`);
    return { ok: false, sourceFiles: [] };
  }
  printOutcome(
    `${client.name ?? result.clientName ?? label} → ${ctx.rel(client.output)}`,
    written,
    flags,
    ctx,
    started,
  );
  if (!flags.check && written.editedByHand.length > 0) {
    diagnostics.push({
      code: 'generation-error',
      message: `overwrote hand edits in ${fileList(written.editedByHand)} (put hand-written code in src/lib/)`,
      location: { file: ctx.rel(client.output) },
    });
  }
  if (flags.verbose) {
    for (const t of result.templatesUsed)
      ctx.out(`  template ${t.name} ← ${ctx.rel(t.file)}${t.source ? ` (${t.source})` : ''}`);
  }
  return {
    ok: !flags.check || written.upToDate,
    sourceFiles: localFiles(result.sourceFiles),
  };
}

/** The inputs to record in the manifest, unless one changed while the pipeline read it. */
async function recordableInputs(
  client: ResolvedClientSettings,
  result: GenerateResult,
  before: NoOpCheck,
  ctx: CliContext,
): Promise<InputsRecord | undefined> {
  const used = {
    sourceFiles: result.sourceFiles,
    templateFiles: result.templatesUsed.map((t) => t.file),
    ...(result.clientName !== undefined ? { clientName: result.clientName } : {}),
  };
  return settledInputs(before.inputs, await fingerprintInputs(client, used, ctx.apiforgeFingerprint()));
}

function printOutcome(
  where: string,
  written: WriteResult,
  flags: GenerateFlags,
  ctx: CliContext,
  started: number,
): void {
  if (flags.check) {
    if (written.upToDate) {
      if (!flags.quiet)
        ctx.out(`✔ ${where} is up to date (${written.total} files, ${seconds(performance.now() - started)})`);
      return;
    }
    const parts = [
      [written.changed, 'changed'],
      [written.added, 'missing'],
      [written.removed, 'stale'],
    ] as const;
    const what = parts.filter(([l]) => l.length).map(([l, w]) => `${l.length} ${w}`);
    if (written.interrupted) what.push('a killed run left a write half done');
    ctx.err(`✘ ${where} is out of date: ${what.join(', ')}`);
    for (const p of written.changed) ctx.err(`  M ${p}${written.editedByHand.includes(p) ? ' (edited by hand)' : ''}`);
    for (const p of written.added) ctx.err(`  A ${p}`);
    for (const p of written.removed) ctx.err(`  D ${p}`);
    ctx.err(`  run \`apiforge generate\` to update it`);
  } else if (!flags.quiet) {
    const removed = written.removed.length ? `, ${written.removed.length} removed` : '';
    ctx.out(
      `✔ ${where} (${written.total} files, ${written.written} written${removed}, ${seconds(performance.now() - started)})`,
    );
  }
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
    if (progress)
      ctx.stderr.write(`\r\x1b[2K[${i + 1}/${selected.clients.length}] ${client.name ?? ctx.rel(client.output)}…`);
    const r = await runClient(client, flags, ctx, diagnostics);
    if (progress) ctx.stderr.write('\r\x1b[2K');
    ok &&= r.ok;
    for (const f of r.sourceFiles) watched.add(f);
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
