/**
 * `.apiforge-manifest.json`: the list of files apiforge generated into an
 * output folder, with their hashes. Only files listed here are ever removed;
 * everything else in the folder (e.g. `src/lib/`) belongs to the user.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';

export const OUTPUT_MANIFEST = '.apiforge-manifest.json';

/** Folders inside the output that regeneration never writes to or removes from. */
export const PROTECTED_DIRS = ['src/lib/'] as const;

export interface OutputManifest {
  /** Format version of this file. */
  version: 1;
  generator: 'apiforge';
  /** Generated POSIX paths -> `sha256:<hex>` of their content, sorted by path. */
  files: Record<string, string>;
}

export function hashContent(content: string | Buffer): string {
  return 'sha256:' + createHash('sha256').update(content).digest('hex');
}

/** Whether `p` is a safe relative POSIX path inside the output folder. */
export function isSafeRelativePath(p: string): boolean {
  if (!p || p.startsWith('/') || p.includes('\\') || /^[A-Za-z]:/.test(p)) return false;
  return p.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

export function isProtected(p: string): boolean {
  return PROTECTED_DIRS.some((d) => p.startsWith(d));
}

export function serializeManifest(files: Map<string, string>): string {
  const sorted = Object.fromEntries([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const m: OutputManifest = { version: 1, generator: 'apiforge', files: sorted };
  return JSON.stringify(m, null, 2) + '\n';
}

/**
 * Reads the manifest of `outDir`. A missing manifest is an empty one; a
 * corrupt one is treated as empty with a warning (so nothing is removed),
 * and entries with unsafe paths are dropped (so nothing outside is touched).
 */
export async function readOutputManifest(outDir: string): Promise<{ files: Map<string, string>; warnings: Diagnostic[] }> {
  const file = path.join(outDir, OUTPUT_MANIFEST);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { files: new Map(), warnings: [] };
  }
  const warnings: Diagnostic[] = [];
  try {
    const data = JSON.parse(text) as Partial<OutputManifest>;
    if (typeof data.files !== 'object' || data.files === null) throw new Error('no "files" object');
    const files = new Map<string, string>();
    for (const [p, h] of Object.entries(data.files)) {
      if (isSafeRelativePath(p) && typeof h === 'string') files.set(p, h);
      else warnings.push({ code: 'generation-error', message: `ignoring unsafe manifest entry ${JSON.stringify(p)}`, location: { file } });
    }
    return { files, warnings };
  } catch (e) {
    warnings.push({ code: 'generation-error', message: `unreadable manifest (${(e as Error).message}); stale files will not be removed this run`, location: { file } });
    return { files: new Map(), warnings };
  }
}
