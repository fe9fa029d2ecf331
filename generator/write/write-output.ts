/**
 * Writes a generation run's files into an output folder, atomically:
 *
 * 1. Plan: compare each file with what is on disk (content hash) and list
 *    stale files from the previous manifest. `check` mode stops here.
 * 2. Stage: write added/changed files and the new manifest into a temp
 *    folder next to the output (same filesystem, so renames are atomic).
 * 3. Commit: move each replaced/removed file into a backup folder, then
 *    rename the staged file into place. Any failure rolls every step back,
 *    so the previous output stays byte-for-byte intact.
 */
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { ApiforgeError, type Diagnostic } from '../diagnostics.js';
import { OUTPUT_MANIFEST, hashContent, isProtected, isSafeRelativePath, readOutputManifest, serializeManifest } from './manifest.js';
import type { GeneratedFile } from './types.js';

/** The filesystem calls the writer makes; tests substitute one that fails on purpose. */
export interface WriterFs {
  readFile(p: string): Promise<Buffer>;
  writeFile(p: string, data: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  mkdir(p: string, opts: { recursive: true }): Promise<unknown>;
  rm(p: string, opts: { recursive?: boolean; force?: boolean }): Promise<void>;
  rmdir(p: string): Promise<void>;
}

export interface WriteOptions {
  /** Compute what would change without writing anything. */
  check?: boolean;
  /** Filesystem implementation (for tests). */
  fs?: WriterFs;
}

export interface WriteResult {
  /** Files in the run. */
  total: number;
  /** Files written (added + changed); 0 in check mode. */
  written: number;
  unchanged: number;
  /** POSIX paths, sorted. */
  added: string[];
  changed: string[];
  removed: string[];
  /** Generated files whose content on disk no longer matched the manifest (edited by hand, now overwritten or reported). */
  editedByHand: string[];
  /** True when nothing differs (what `--check` wants). */
  upToDate: boolean;
  warnings: Diagnostic[];
}

const defaultFs: WriterFs = {
  readFile: (p) => nodeFs.readFile(p),
  writeFile: (p, d) => nodeFs.writeFile(p, d),
  rename: (a, b) => nodeFs.rename(a, b),
  mkdir: (p, o) => nodeFs.mkdir(p, o),
  rm: (p, o) => nodeFs.rm(p, o),
  rmdir: (p) => nodeFs.rmdir(p),
};

async function readOrUndefined(fs: WriterFs, p: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw e;
  }
}

function validatePaths(files: GeneratedFile[]): void {
  const seen = new Set<string>();
  for (const f of files) {
    const why = !isSafeRelativePath(f.path)
      ? 'is not a relative POSIX path inside the output folder'
      : isProtected(f.path)
        ? 'is inside src/lib/, which is reserved for hand-written code'
        : f.path === OUTPUT_MANIFEST
          ? 'is the manifest name'
          : seen.has(f.path)
            ? 'is generated twice'
            : undefined;
    if (why) throw new ApiforgeError('generation-error', `generated file path ${JSON.stringify(f.path)} ${why}`);
    seen.add(f.path);
  }
}

const sortPaths = (a: string[]): string[] => a.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));

/** Writes `files` into `outDir` (see the module comment for the guarantees). */
export async function writeOutput(outDir: string, files: GeneratedFile[], options: WriteOptions = {}): Promise<WriteResult> {
  const fs = options.fs ?? defaultFs;
  validatePaths(files);
  const out = path.resolve(outDir);
  const previous = await readOutputManifest(out);

  // Plan.
  const next = new Map<string, string>();
  const toWrite: GeneratedFile[] = [];
  const added: string[] = [];
  const changed: string[] = [];
  const editedByHand: string[] = [];
  for (const f of files) {
    const hash = hashContent(f.content);
    next.set(f.path, hash);
    const onDisk = await readOrUndefined(fs, path.join(out, f.path));
    const diskHash = onDisk && hashContent(onDisk);
    const recorded = previous.files.get(f.path);
    if (diskHash && recorded && diskHash !== recorded) editedByHand.push(f.path);
    if (diskHash === hash) continue;
    (onDisk ? changed : added).push(f.path);
    toWrite.push(f);
  }
  const removed: string[] = [];
  for (const p of previous.files.keys()) {
    if (next.has(p) || isProtected(p)) continue;
    if ((await readOrUndefined(fs, path.join(out, p))) !== undefined) removed.push(p);
  }
  const manifestText = serializeManifest(next);
  const oldManifest = await readOrUndefined(fs, path.join(out, OUTPUT_MANIFEST));
  const manifestChanged = oldManifest?.toString('utf8') !== manifestText;

  const result: WriteResult = {
    total: files.length,
    written: 0,
    unchanged: files.length - toWrite.length,
    added: sortPaths(added),
    changed: sortPaths(changed),
    removed: sortPaths(removed),
    editedByHand: sortPaths(editedByHand),
    upToDate: toWrite.length === 0 && removed.length === 0,
    warnings: previous.warnings,
  };
  if (options.check || (result.upToDate && !manifestChanged)) return result;

  // Stage.
  const id = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const stage = path.join(path.dirname(out), `.${path.basename(out)}.apiforge-tmp-${id}`);
  const backup = path.join(path.dirname(out), `.${path.basename(out)}.apiforge-bak-${id}`);
  await fs.mkdir(path.dirname(out), { recursive: true });
  try {
    for (const f of [...toWrite, { path: OUTPUT_MANIFEST, content: manifestText }]) {
      const dest = path.join(stage, f.path);
      await fs.mkdir(path.dirname(dest), { recursive: true });
      await fs.writeFile(dest, f.content);
    }
    await commit(fs, out, stage, backup, [...toWrite.map((f) => f.path), OUTPUT_MANIFEST], removed);
  } finally {
    await fs.rm(stage, { recursive: true, force: true }).catch(() => undefined);
    await fs.rm(backup, { recursive: true, force: true }).catch(() => undefined);
  }
  result.written = toWrite.length;
  return result;
}

type Step = { kind: 'backup'; from: string; to: string } | { kind: 'place'; at: string } | { kind: 'mkdir'; at: string };

/** Moves staged files into place and stale ones out; on failure undoes every step in reverse. */
async function commit(fs: WriterFs, out: string, stage: string, backup: string, placed: string[], removed: string[]): Promise<void> {
  const steps: Step[] = [];
  const ensureDir = async (dir: string): Promise<void> => {
    const missing: string[] = [];
    for (let d = dir; (await readDirExists(d)) === false; d = path.dirname(d)) missing.unshift(d);
    for (const d of missing) {
      await fs.mkdir(d, { recursive: true });
      steps.push({ kind: 'mkdir', at: d });
    }
  };
  const moveAside = async (rel: string): Promise<void> => {
    const from = path.join(out, rel);
    if ((await readOrUndefined(fs, from)) === undefined) return;
    const to = path.join(backup, rel);
    await fs.mkdir(path.dirname(to), { recursive: true });
    await fs.rename(from, to);
    steps.push({ kind: 'backup', from, to });
  };
  try {
    for (const rel of placed) {
      const target = path.join(out, rel);
      await ensureDir(path.dirname(target));
      await moveAside(rel);
      await fs.rename(path.join(stage, rel), target);
      steps.push({ kind: 'place', at: target });
    }
    for (const rel of removed) await moveAside(rel);
  } catch (e) {
    for (const s of steps.reverse()) {
      // Best effort: keep undoing even if one step fails, so as much as possible is restored.
      if (s.kind === 'place') await fs.rm(s.at, { force: true }).catch(() => undefined);
      else if (s.kind === 'backup') await fs.rename(s.to, s.from).catch(() => undefined);
      else await fs.rmdir(s.at).catch(() => undefined);
    }
    throw new ApiforgeError('generation-error', `writing output failed and was rolled back: ${(e as Error).message}`, { file: out });
  }
  await removeEmptyDirs(fs, out, removed);
}

async function readDirExists(dir: string): Promise<boolean> {
  try {
    return (await nodeFs.stat(dir)).isDirectory();
  } catch {
    return false;
  }
}

/** Removes folders left empty by stale-file removal (never the output root). */
async function removeEmptyDirs(fs: WriterFs, out: string, removed: string[]): Promise<void> {
  const dirs = new Set<string>();
  for (const rel of removed) for (let d = path.dirname(rel); d !== '.'; d = path.dirname(d)) dirs.add(d);
  for (const d of [...dirs].sort((a, b) => b.length - a.length)) {
    await fs.rmdir(path.join(out, d)).catch(() => undefined); // fails harmlessly when not empty
  }
}
