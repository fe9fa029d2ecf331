/**
 * What the CLI needs from its surroundings, injectable for tests: streams,
 * cwd, environment, the generation pipeline, and a stop signal for watch.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedClientSettings } from '../config/types.js';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { apiforgeFingerprint } from '../write/fingerprint.js';
import { builtinRuntimeDir, builtinTemplatesDir, packageRoot } from '../util/package-root.js';
import type { GeneratedFile } from '../write/types.js';

/**
 * The part of `generateClient`'s result (generator/pipeline.ts) the CLI reads; kept as a slice so
 * tests can drive the CLI with a small fake pipeline.
 */
export interface GenerateResult {
  files: GeneratedFile[];
  warnings: Diagnostic[];
  /** Every local file read: the spec and each `$ref`'d file (watch mode watches them). */
  sourceFiles: string[];
  templatesUsed: Array<{ name: string; file: string; source?: 'builtin' | 'override' }>;
  /** The client class name, when the pipeline derived it (e.g. from `info.title`). */
  clientName?: string;
}

/** The slice of generator/pipeline.ts the CLI calls. */
export interface PipelineApi {
  generateClient(settings: ResolvedClientSettings): Promise<GenerateResult>;
  inspectClient(settings: ResolvedClientSettings): Promise<unknown>;
  formatInspect(report: never): string;
}

export interface Writable {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface CliDeps {
  cwd?: string;
  stdout?: Writable;
  stderr?: Writable;
  env?: Record<string, string | undefined>;
  /** Defaults to a dynamic import of generator/pipeline.ts. */
  pipeline?: PipelineApi | (() => Promise<PipelineApi>);
  /** Stops `--watch` (tests); SIGINT stops it otherwise. */
  signal?: AbortSignal;
  /** Watch debounce in ms (default 100). */
  debounceMs?: number;
  /** Folder of built-in templates (default: the package's `templates/`). */
  builtinTemplatesDir?: string;
  /** apiforge's identity recorded in manifests (default: its version and a hash of its code); tests vary it. */
  apiforgeFingerprint?: () => string;
  /** Folder of the built-in runtime sources (default: the package's `runtime/src/`). */
  builtinRuntimeDir?: string;
}

/** Resolved dependencies plus printing helpers shared by every command. */
/** Warnings of one code shown before the rest are summarized (errors are always all shown). */
const WARNINGS_PER_CODE = 10;

export class CliContext {
  readonly cwd: string;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: Record<string, string | undefined>;
  readonly signal: AbortSignal | undefined;
  readonly debounceMs: number;
  readonly builtinTemplatesDir: string;
  readonly apiforgeFingerprint: () => string;
  readonly builtinRuntimeDir: string;
  private readonly pipelineSource: CliDeps['pipeline'];
  private pipelineCache: PipelineApi | undefined;
  private readonly printed = new Set<string>();

  constructor(deps: CliDeps) {
    this.cwd = deps.cwd ?? process.cwd();
    this.stdout = deps.stdout ?? process.stdout;
    this.stderr = deps.stderr ?? process.stderr;
    this.env = deps.env ?? process.env;
    this.signal = deps.signal;
    this.debounceMs = deps.debounceMs ?? 100;
    this.builtinTemplatesDir = deps.builtinTemplatesDir ?? builtinTemplatesDir();
    this.builtinRuntimeDir = deps.builtinRuntimeDir ?? builtinRuntimeDir();
    this.pipelineSource = deps.pipeline;
    this.apiforgeFingerprint = deps.apiforgeFingerprint ?? apiforgeFingerprint;
  }

  /** Whether runs go through apiforge's own pipeline (not a test's fake one), whose workers can start early. */
  get builtInPipeline(): boolean {
    return this.pipelineSource === undefined;
  }

  async pipeline(): Promise<PipelineApi> {
    if (this.pipelineCache) return this.pipelineCache;
    const src = this.pipelineSource;
    if (src === undefined) {
      // Loaded on first use, so `--help` and usage errors never pay for the pipeline's imports.
      this.pipelineCache = (await import('../pipeline.js')) as PipelineApi;
    } else {
      this.pipelineCache = typeof src === 'function' ? await src() : src;
    }
    return this.pipelineCache;
  }

  /** Progress output only on an interactive terminal outside CI. */
  get interactive(): boolean {
    return Boolean(this.stderr.isTTY) && !this.env.CI;
  }

  out(line: string): void {
    this.stdout.write(line + '\n');
  }

  err(line: string): void {
    this.stderr.write(line + '\n');
  }

  /** Prints each distinct diagnostic once per process run (watch reruns print new ones only). */
  report(diagnostics: Diagnostic[], verbose = false): void {
    // Big specs can raise hundreds of warnings of one kind: show a few of each, then a count.
    const perCode = new Map<string, number>();
    for (const d of diagnostics) {
      const text = `${d.severity === 'error' ? 'error' : 'warning'}: ${formatDiagnostic(d)}`;
      if (this.printed.has(text)) continue;
      this.printed.add(text);
      const shown = perCode.get(d.code) ?? 0;
      perCode.set(d.code, shown + 1);
      if (verbose || d.severity === 'error' || shown < WARNINGS_PER_CODE) this.err(text);
    }
    for (const [code, count] of perCode) {
      if (!verbose && count > WARNINGS_PER_CODE)
        this.err(`warning: ... and ${count - WARNINGS_PER_CODE} more ${code} warnings (--verbose lists them all)`);
    }
  }

  /** Forget printed diagnostics (each watch rerun reports its own). */
  resetReported(): void {
    this.printed.clear();
  }

  /** A path for messages: relative to the cwd when inside it. */
  rel(p: string): string {
    const r = path.relative(this.cwd, p);
    return r === '' ? '.' : r.startsWith('..') || path.isAbsolute(r) ? p : r;
  }
}

export function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
