/**
 * The pipeline, end to end: load -> model -> emit -> format. Writing is the
 * caller's job (see generator/write), so `--check` can compare in memory.
 *
 * From the build, two worker threads take work off the main thread's path: one reads and parses the spec, then
 * checks its structure (over Redocly's type tree) while this thread models and emits; one loads ts-morph and prints the
 * files. Both are joined before the result exists, and a structural error wins over anything that went wrong
 * meanwhile, as if the check had run first. From the sources (tests), everything runs in this thread, in that
 * order (docs/architecture.md, "Threads in a cold run").
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type prettier from 'prettier';
import type { ResolvedClientSettings } from './config/types.js';
import { ApiforgeError, type Diagnostic } from './diagnostics.js';
import { clientName } from './emit/client-config.js';
import { formatMode, tidyFiles } from './emit/format-mode.js';
import { generatedTests } from './emit/generated-tests.js';
import { VIEW_MODEL_VERSION } from './emit/view-model.js';
import { printChannel, WorkerPrinter } from './emit/print-pool.js';
import { inlinePrinter } from './emit/ts-printer.js';
import { loadSpec } from './load/load-spec.js';
import { startSpecWorker } from './load/spec-worker.js';
import { buildModel } from './model/build-model.js';
import type { ApiModel } from './model/types.js';
import { builtinTemplatesDir } from './util/package-root.js';
import type { GeneratedFile } from './write/types.js';

export { formatInspect, inspectClient, type InspectReport } from './inspect.js';

export type { ResolvedClientSettings };

export interface GenerateResult {
  files: GeneratedFile[];
  /** Warnings and errors (severity `error` makes the run fail while output is still produced). */
  warnings: Diagnostic[];
  /** Every file the spec was read from, for watch mode. */
  sourceFiles: string[];
  /** Template files rendered, for `--verbose`. */
  templatesUsed: Array<{ name: string; file: string; source: 'builtin' | 'override' }>;
  /** The client class name (config `name`, or derived from `info.title`). */
  clientName: string;
  model: ApiModel;
}

/** The package's built-in templates folder. */
export const BUILTIN_TEMPLATES = builtinTemplatesDir();

/** Per-output cache of formatting hashes, kept under `node_modules/.cache` like other build tools do. */
function formatCacheFile(output: string): string {
  const id = createHash('sha1').update(output).digest('hex').slice(0, 16);
  return path.resolve('node_modules', '.cache', 'apiforge', `format-${id}.json`);
}

/** Specs above this size produce enough code that warm formatting workers pay for themselves. */
const LARGE_SPEC_BYTES = 2_000_000;

function isLargeSpec(input: string): boolean {
  if (/^https?:\/\//i.test(input)) return true;
  try {
    return statSync(input).size > LARGE_SPEC_BYTES;
  } catch {
    return false;
  }
}

/** The user's prettier config for the output folder when there is one, else apiforge's defaults. */
async function prettierOptions(output: string): Promise<prettier.Options | null> {
  const { default: prettierApi } = await import('prettier');
  return prettierApi.resolveConfig(path.join(output, 'src', 'index.ts'), { editorconfig: false }).catch(() => null);
}

/**
 * The prettier formatter: prettier is an optional peer dependency, needed only for `format: 'prettier'`
 * (the default layout needs no formatter), so a missing one is an input error with the fix, not a crash.
 */
async function loadPrettierFormat(): Promise<
  [typeof import('./emit/format.js'), typeof import('./emit/format-pool.js')]
> {
  try {
    await import('prettier');
  } catch {
    throw new ApiforgeError(
      'config-error',
      "format: 'prettier' needs the prettier package next to apiforge (npm i -D prettier), or use the default format",
    );
  }
  return Promise.all([import('./emit/format.js'), import('./emit/format-pool.js')]);
}

/** The emit side: its modules, the template engine (overrides are checked now) and prettier when asked for. */
async function emitTools(settings: ResolvedClientSettings, mode: ReturnType<typeof formatMode>) {
  const [{ emitClient }, { createTemplateEngine }] = await Promise.all([
    import('./emit/emit-client.js'),
    import('./emit/template-engine.js'),
  ]);
  const prettierFormat = mode === 'prettier' ? await loadPrettierFormat() : undefined;
  const engine = createTemplateEngine({
    builtinDir: BUILTIN_TEMPLATES,
    ...(settings.templates !== undefined ? { overrideDir: settings.templates } : {}),
    contractVersion: VIEW_MODEL_VERSION,
  });
  return { emitClient, engine, prettierFormat };
}

/** Generates every file of one client, formatted, in memory. */
export async function generateClient(settings: ResolvedClientSettings): Promise<GenerateResult> {
  // The workers start first, so their imports overlap this thread's.
  const allowUnresolvedRefs = settings.allowUnresolvedRefs === true;
  const specWorker = startSpecWorker(settings.input, allowUnresolvedRefs);
  const printer = printChannel();
  const mode = formatMode(settings);
  // A template or prettier problem ends the run before the spec matters: the worker stops with it.
  const { emitClient, engine, prettierFormat } = await emitTools(settings, mode).catch((e: unknown) => {
    specWorker?.stop();
    throw e;
  });
  const cacheFile = formatCacheFile(settings.output);
  // A big spec with no formatting cache will format megabytes: start (and warm) the workers now, so
  // that cost overlaps loading, modelling and emitting. Otherwise they start only if needed.
  const startPool = prettierFormat?.[1].startFormatPool;
  const pool = startPool && !existsSync(cacheFile) && isLargeSpec(settings.input) ? startPool() : undefined;
  try {
    const spec = await loadSpec(settings.input, {
      allowUnresolvedRefs,
      ...(specWorker ? { read: () => specWorker.read } : {}),
    });
    const model = buildModel(spec, settings);
    const filePrinter = printer ? new WorkerPrinter(printer) : inlinePrinter;
    const emitted = [
      ...emitClient(model, settings, engine, filePrinter),
      ...generatedTests(spec.document, model, settings, engine, clientName(model, settings)),
    ];
    const raw = filePrinter instanceof WorkerPrinter ? await filePrinter.settle(emitted) : emitted;
    await specWorker?.join(model);
    let files = mode === 'printer' ? tidyFiles(raw) : raw;
    if (prettierFormat && startPool) {
      const [{ DEFAULT_PRETTIER, formatFiles }] = prettierFormat;
      const prettierConfig = (await prettierOptions(settings.output)) ?? DEFAULT_PRETTIER;
      files = await formatFiles(raw, {
        outputDir: settings.output,
        cacheFile,
        prettier: prettierConfig,
        pool,
        startPool,
      });
    }
    return {
      files,
      warnings: [...engine.warnings, ...model.warnings],
      sourceFiles: spec.sourceFiles,
      templatesUsed: engine.usedTemplates().map((t) => ({ name: t.name, file: t.file, source: t.source })),
      clientName: clientName(model, settings),
      model,
    };
  } catch (e) {
    await specWorker?.throwIfInvalid();
    throw e;
  } finally {
    await pool?.close();
  }
}
