/**
 * Formatting with prettier, the largest cost of a run on big specs. Two
 * things keep it fast without ever skipping it: files are formatted in
 * worker threads when there is enough text to pay for them, and a file
 * whose unformatted text is unchanged since the last run reuses the
 * formatted file already on disk (checked by hash, so an edited output
 * file is formatted again).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import prettier from 'prettier';
import type { GeneratedFile } from '../write/types.js';

/** Prettier options for generated code when the user has no config of their own. */
export const DEFAULT_PRETTIER: prettier.Options = { singleQuote: true, printWidth: 110, trailingComma: 'all' };

/** Below this much text, starting workers costs more than it saves. */
const PARALLEL_THRESHOLD_CHARS = 1_500_000;

export interface FormatOptions {
  prettier?: prettier.Options;
  /** Output folder whose existing files may be reused. */
  outputDir?: string;
  /** Cache file recording raw/formatted hashes of the last run; none when absent. */
  cacheFile?: string;
}

interface CacheEntry {
  raw: string;
  out: string;
}

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
  const formatted = await formatMany(pending, prettierOptions);
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

/** Formats in-process, or across worker threads when the text is large. */
async function formatMany(files: GeneratedFile[], options: prettier.Options): Promise<GeneratedFile[]> {
  const size = files.reduce((n, f) => n + f.content.length, 0);
  const workers = Math.min(os.availableParallelism(), 4);
  if (size < PARALLEL_THRESHOLD_CHARS || workers < 2) return formatInProcess(files, options);
  // Deal files round-robin by size so every worker gets a similar load.
  const order = files.map((f, i) => i).sort((a, b) => (files[b]?.content.length ?? 0) - (files[a]?.content.length ?? 0));
  const buckets: number[][] = Array.from({ length: workers }, () => []);
  order.forEach((fileIndex, k) => buckets[k % workers]?.push(fileIndex));
  const out: GeneratedFile[] = new Array(files.length);
  await Promise.all(
    buckets.map(async (bucket) => {
      const chunk = bucket.map((i) => files[i] as GeneratedFile);
      const formatted = await runWorker(chunk, options);
      bucket.forEach((fileIndex, k) => (out[fileIndex] = formatted[k] as GeneratedFile));
    }),
  );
  return out;
}

export async function formatInProcess(files: GeneratedFile[], options: prettier.Options): Promise<GeneratedFile[]> {
  const out: GeneratedFile[] = [];
  for (const f of files) out.push({ path: f.path, content: await prettier.format(f.content, { ...options, parser: parserFor(f.path) }) });
  return out;
}

function runWorker(files: GeneratedFile[], options: prettier.Options): Promise<GeneratedFile[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./format-worker.js', import.meta.url), { workerData: { files, options } });
    worker.once('message', (msg: { ok: true; files: GeneratedFile[] } | { ok: false; error: string }) => {
      if (msg.ok) resolve(msg.files);
      else reject(new Error(msg.error));
    });
    worker.once('error', reject);
  });
}
