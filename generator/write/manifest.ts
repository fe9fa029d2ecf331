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
  /** What the output was generated from; absent in manifests of older versions (no fast path then). */
  inputs?: InputsRecord;
  /** Generated POSIX paths -> `sha256:<hex>` of their content, sorted by path. */
  files: Record<string, string>;
}

/**
 * The inputs of a run (see generator/write/fingerprint.ts). Every path is
 * relative to the output folder and every part is machine-independent, so a
 * committed manifest does not change from one checkout to another.
 */
export interface InputsRecord {
  /** `sha256:` over the parts below: equal hashes mean a rerun would produce the same files. */
  hash: string;
  /** apiforge's version and a hash of its own code, e.g. `0.1.0 sha256:…`. */
  apiforge: string;
  /** Hash of the client's resolved settings. */
  config: string;
  /** Input files (spec, `$ref`'d files, templates, formatter config) -> content hash; sorted. */
  files: Record<string, string>;
  /** The client class name, so a run that skips the pipeline can still name the client. */
  clientName?: string;
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

const byKey = ([a]: [string, unknown], [b]: [string, unknown]): number => (a < b ? -1 : a > b ? 1 : 0);

export function serializeManifest(files: Map<string, string>, inputs?: InputsRecord): string {
  const sorted = Object.fromEntries([...files.entries()].sort(byKey));
  const m: OutputManifest = {
    version: 1,
    generator: 'apiforge',
    ...(inputs ? { inputs: { ...inputs, files: Object.fromEntries(Object.entries(inputs.files).sort(byKey)) } } : {}),
    files: sorted,
  };
  return JSON.stringify(m, null, 2) + '\n';
}

/**
 * Reads the manifest of `outDir`. A missing manifest is an empty one; a
 * corrupt one is treated as empty with a warning (so nothing is removed),
 * and entries with unsafe paths are dropped (so nothing outside is touched).
 */
export async function readOutputManifest(
  outDir: string,
): Promise<{ files: Map<string, string>; inputs?: InputsRecord; warnings: Diagnostic[] }> {
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
      else
        warnings.push({
          code: 'generation-error',
          message: `ignoring unsafe manifest entry ${JSON.stringify(p)}`,
          location: { file },
        });
    }
    return { files, ...(isInputsRecord(data.inputs) ? { inputs: data.inputs } : {}), warnings };
  } catch (e) {
    warnings.push({
      code: 'generation-error',
      message: `unreadable manifest (${(e as Error).message}); stale files will not be removed this run`,
      location: { file },
    });
    return { files: new Map(), warnings };
  }
}

function isInputsRecord(v: unknown): v is InputsRecord {
  const r = v as Partial<InputsRecord> | undefined;
  return (
    typeof r === 'object' && r !== null && typeof r.hash === 'string' && typeof r.files === 'object' && r.files !== null
  );
}
