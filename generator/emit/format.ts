/**
 * Formatting with prettier, the largest cost of a run on big specs. Two
 * things keep it fast without ever skipping it: files are formatted in warm
 * worker threads (see format-pool.ts), and a file
 * whose unformatted text is unchanged since the last run reuses the
 * formatted file already on disk (checked by hash, so an edited output
 * file is formatted again).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import prettier from 'prettier';
import type { GeneratedFile } from '../write/types.js';
import type { FormatPool } from './format-pool.js';

/** Prettier options for generated code when the user has no config of their own. */
export const DEFAULT_PRETTIER: prettier.Options = { singleQuote: true, printWidth: 110, trailingComma: 'all' };

export interface FormatOptions {
  prettier?: prettier.Options;
  /** Output folder whose existing files may be reused. */
  outputDir?: string;
  /** Cache file recording raw/formatted hashes of the last run; none when absent. */
  cacheFile?: string;
  /** Warm workers to format with. */
  pool?: FormatPool | undefined;
  /** Starts workers on demand when there is much to format and no `pool` was given. */
  startPool?: () => FormatPool | undefined;
}

interface CacheEntry {
  raw: string;
  out: string;
}

/** Below this much text to format, cold workers cost more than they save. */
const LAZY_POOL_CHARS = 1_500_000;

const hash = (text: string): string => createHash('sha1').update(text).digest('hex');

/** Parser for a generated path. `babel-ts` is prettier's fastest TypeScript parser and handles all generated code. */
export function parserFor(file: string): string {
  return file.endsWith('.json') ? 'json' : file.endsWith('.md') ? 'markdown' : 'babel-ts';
}

export async function formatFiles(files: GeneratedFile[], options: FormatOptions = {}): Promise<GeneratedFile[]> {
  const prettierOptions = options.prettier ?? DEFAULT_PRETTIER;
  const salt = `${prettier.version}\u0000${JSON.stringify(prettierOptions)}\u0000`;
  const cache = options.cacheFile ? await readCache(options.cacheFile) : {};
  const result: Array<GeneratedFile | undefined> = new Array(files.length);
  const todo: number[] = [];
  await Promise.all(
    files.map(async (f, i) => {
      const entry = cache[f.path];
      if (entry && options.outputDir && entry.raw === hash(salt + f.content)) {
        const existing = await readFile(path.join(options.outputDir, f.path), 'utf8').catch(() => undefined);
        if (existing !== undefined && hash(existing) === entry.out) {
          result[i] = { path: f.path, content: existing };
          return;
        }
      }
      todo.push(i);
    }),
  );
  todo.sort((a, b) => a - b);
  const pending = todo.map((i) => files[i] as GeneratedFile);
  const size = pending.reduce((n, f) => n + f.content.length, 0);
  const pool = options.pool ?? (size > LAZY_POOL_CHARS ? options.startPool?.() : undefined);
  let formatted: GeneratedFile[];
  try {
    formatted = pool ? await pool.format(pending, prettierOptions) : await formatInProcess(pending, prettierOptions);
  } finally {
    if (pool && pool !== options.pool) await pool.close();
  }
  todo.forEach((fileIndex, k) => (result[fileIndex] = formatted[k]));
  const out = result as GeneratedFile[];
  if (options.cacheFile) {
    const next: Record<string, CacheEntry> = {};
    files.forEach((f, i) => (next[f.path] = { raw: hash(salt + f.content), out: hash(out[i]?.content ?? '') }));
    await mkdir(path.dirname(options.cacheFile), { recursive: true });
    await writeFile(options.cacheFile, JSON.stringify(next));
  }
  return out;
}

async function readCache(file: string): Promise<Record<string, CacheEntry>> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Record<string, CacheEntry>;
  } catch {
    return {};
  }
}

export async function formatInProcess(files: GeneratedFile[], options: prettier.Options): Promise<GeneratedFile[]> {
  const out: GeneratedFile[] = [];
  for (const f of files)
    out.push({ path: f.path, content: await prettier.format(f.content, { ...options, parser: parserFor(f.path) }) });
  return out;
}
