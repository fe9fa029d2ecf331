/**
 * Writes a generation run's files into an output folder, atomically, with
 * every filesystem call of a phase in flight at once (bounded):
 *
 * 0. Recover: a journal left by a killed run is rolled back or forward first.
 * 1. Plan: read every existing file in parallel, compare hashes in memory,
 *    list stale files from the previous manifest. `check` mode stops here.
 * 2. Stage: write added/changed files and the new manifest into one temp
 *    folder next to the output (same filesystem, so renames are atomic).
 * 3. Commit: write the journal, move replaced/removed files into a backup
 *    folder and staged files into place, then mark the journal committed.
 *    A failure rolls back from the journal, so the previous output stays
 *    byte-for-byte intact; a kill is rolled back by the next run.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { ApiforgeError, type Diagnostic } from '../diagnostics.js';
import { mapLimit } from './concurrency.js';
import { defaultFs, entryKind, isMissingOrEmptyDir, readOrUndefined, sortPaths, type WriterFs } from './fs.js';
import {
  readJournal,
  recoverInterruptedWrite,
  rollBack,
  rollForward,
  siblings,
  writeJournal,
  type Journal,
} from './journal.js';
import {
  OUTPUT_MANIFEST,
  hashContent,
  isProtected,
  isSafeRelativePath,
  readOutputManifest,
  serializeManifest,
  type InputsRecord,
} from './manifest.js';
import type { GeneratedFile } from './types.js';

export type { WriterFs } from './fs.js';

export interface WriteOptions {
  /** Compute what would change without writing anything. */
  check?: boolean;
  /** What the output was generated from, recorded in the manifest for the no-op fast path. */
  inputs?: InputsRecord;
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
  /** Generated files whose content on disk no longer matched the manifest (edited by hand; overwritten or reported). */
  editedByHand: string[];
  /** True when nothing differs (what `--check` wants). */
  upToDate: boolean;
  /** A killed run left a half-done write (check mode only: `generate` recovers it first). */
  interrupted: boolean;
  warnings: Diagnostic[];
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

interface Plan {
  result: WriteResult;
  /** Files to stage, with whether a file is there now. */
  toWrite: Array<GeneratedFile & { replaces: boolean }>;
  manifestText: string;
  manifestChanged: boolean;
  hadManifest: boolean;
}

/** Compares `files` with the disk, reading every existing file in parallel. */
async function plan(
  fs: WriterFs,
  out: string,
  files: GeneratedFile[],
  inputs: InputsRecord | undefined,
): Promise<Plan> {
  const previous = await readOutputManifest(out);
  const next = new Map<string, string>();
  // Into a folder that does not exist yet or is empty (a first run) there is nothing to compare: a failed read
  // per file costs more than the rest of the plan.
  const fresh = await isMissingOrEmptyDir(out);
  const compared = await mapLimit(files, async (f) => {
    const hash = hashContent(f.content);
    const onDisk = fresh ? undefined : await readOrUndefined(fs, path.join(out, f.path));
    return { f, hash, diskHash: onDisk && hashContent(onDisk) };
  });
  const toWrite: Plan['toWrite'] = [];
  const added: string[] = [];
  const changed: string[] = [];
  const editedByHand: string[] = [];
  for (const { f, hash, diskHash } of compared) {
    next.set(f.path, hash);
    const recorded = previous.files.get(f.path);
    // A hand edit matters only when this run replaces it (an edit that equals the new content is kept as is).
    if (diskHash && recorded && diskHash !== recorded && diskHash !== hash) editedByHand.push(f.path);
    if (diskHash === hash) continue;
    (diskHash ? changed : added).push(f.path);
    toWrite.push({ ...f, replaces: diskHash !== undefined });
  }
  const stale = [...previous.files.keys()].filter((p) => !next.has(p) && !isProtected(p));
  const present = await mapLimit(stale, async (p) => (await entryKind(path.join(out, p))) === 'file');
  const removed = stale.filter((_, i) => present[i]);
  const manifestText = serializeManifest(next, inputs);
  const oldManifest = await readOrUndefined(fs, path.join(out, OUTPUT_MANIFEST));
  const result: WriteResult = {
    total: files.length,
    written: 0,
    unchanged: files.length - toWrite.length,
    added: sortPaths(added),
    changed: sortPaths(changed),
    removed: sortPaths(removed),
    editedByHand: sortPaths(editedByHand),
    upToDate: toWrite.length === 0 && removed.length === 0,
    interrupted: false,
    warnings: previous.warnings,
  };
  return {
    result,
    toWrite,
    manifestText,
    manifestChanged: oldManifest?.toString('utf8') !== manifestText,
    hadManifest: oldManifest !== undefined,
  };
}

/** Writes `files` into `outDir` (see the module comment for the guarantees). */
export async function writeOutput(
  outDir: string,
  files: GeneratedFile[],
  options: WriteOptions = {},
): Promise<WriteResult> {
  const fs = options.fs ?? defaultFs;
  validatePaths(files);
  const out = path.resolve(outDir);
  if (options.check) {
    // Check mode writes nothing, so an interrupted write is reported, not recovered.
    const p = await plan(fs, out, files, options.inputs);
    if (await readJournal(fs, out)) {
      p.result.interrupted = true;
      p.result.upToDate = false;
    }
    return p.result;
  }
  const recovered = await recoverInterruptedWrite(fs, out);
  const p = await plan(fs, out, files, options.inputs);
  if (recovered) p.result.warnings.unshift(recovered);
  if (p.result.upToDate && !p.manifestChanged) return p.result;
  const placed = [...p.toWrite, { path: OUTPUT_MANIFEST, content: p.manifestText, replaces: p.hadManifest }];
  await commitFiles(fs, out, placed, p.result.removed);
  p.result.written = p.toWrite.length;
  return p.result;
}

/** Output folders (relative, parents first) that must be created for `rels`. */
async function missingDirs(out: string, rels: string[]): Promise<string[]> {
  const dirs = new Set<string>(['.']);
  for (const rel of rels) for (let d = path.posix.dirname(rel); d !== '.'; d = path.posix.dirname(d)) dirs.add(d);
  const sorted = [...dirs].sort((a, b) =>
    a === '.' ? -1 : b === '.' ? 1 : a.split('/').length - b.split('/').length || (a < b ? -1 : 1),
  );
  const kinds = await mapLimit(sorted, (d) => entryKind(path.join(out, d)));
  return sorted.filter((_, i) => kinds[i] === undefined);
}

/** Creates the folders of `rels` under `root`, each once. */
async function makeDirs(fs: WriterFs, root: string, rels: string[]): Promise<void> {
  const dirs = new Set(rels.map((r) => path.posix.dirname(r)));
  const leaves = [...dirs].filter((d) => ![...dirs].some((o) => o !== d && o.startsWith(d + '/')));
  await mapLimit(leaves, (d) => fs.mkdir(path.join(root, d), { recursive: true }));
}

/** Stages, journals and commits; see the module comment. */
async function commitFiles(fs: WriterFs, out: string, placed: Plan['toWrite'], removed: string[]): Promise<void> {
  const s = siblings(out, `${process.pid}-${randomBytes(4).toString('hex')}`);
  const paths = placed.map((f) => f.path);
  const journal: Journal = {
    version: 1,
    pid: process.pid,
    phase: 'commit',
    stage: path.basename(s.stage),
    backup: path.basename(s.backup),
    place: placed.map((f) => ({ path: f.path, replaces: f.replaces })),
    remove: removed,
    createdDirs: await missingDirs(out, paths),
  };
  await fs.mkdir(path.dirname(out), { recursive: true });
  try {
    await makeDirs(fs, s.stage, paths);
    await mapLimit(placed, (f) => fs.writeFile(path.join(s.stage, f.path), f.content));
  } catch (e) {
    await fs.rm(s.stage, { recursive: true, force: true }).catch(() => undefined);
    throw e;
  }
  await writeJournal(fs, out, journal).catch(async (e: unknown) => {
    await fs.rm(s.journalTmp, { force: true }).catch(() => undefined);
    await fs.rm(s.journal, { force: true }).catch(() => undefined);
    await rollBack(fs, out, journal).catch(() => undefined);
    throw rolledBack(e, out);
  });
  try {
    await moveIntoPlace(fs, out, s, journal, placed);
    await writeJournal(fs, out, { ...journal, phase: 'committed' });
  } catch (e) {
    const undone = await rollBack(fs, out, journal).then(
      () => true,
      () => false,
    );
    if (undone) throw rolledBack(e, out);
    const why = `writing output failed (${(e as Error).message}) and so did the rollback; `;
    throw new ApiforgeError('generation-error', `${why}the next run finishes the rollback from ${s.journal}`, {
      file: out,
    });
  }
  // Past the commit point: a failure while cleaning up is finished by the next run.
  await rollForward(fs, out, { ...journal, phase: 'committed' }).catch(() => undefined);
}

/** The renames of the commit, each file's own in order, files in parallel. */
async function moveIntoPlace(
  fs: WriterFs,
  out: string,
  s: { stage: string; backup: string },
  journal: Journal,
  placed: Plan['toWrite'],
): Promise<void> {
  // The backup folder exists only while a journal does, so it never outlives what recovery knows of.
  await makeDirs(fs, s.backup, [...placed.filter((f) => f.replaces).map((f) => f.path), ...journal.remove]);
  if (journal.createdDirs[0] === '.') {
    // A fresh output folder: the staging folder becomes it in one rename (rollback still works file by file).
    await fs.rename(s.stage, out);
    return;
  }
  for (const d of journal.createdDirs) await fs.mkdir(path.join(out, d), { recursive: true });
  await mapLimit(placed, async (f) => {
    if (f.replaces) await fs.rename(path.join(out, f.path), path.join(s.backup, f.path));
    await fs.rename(path.join(s.stage, f.path), path.join(out, f.path));
  });
  await mapLimit(journal.remove, (rel) => fs.rename(path.join(out, rel), path.join(s.backup, rel)));
}

function rolledBack(e: unknown, out: string): ApiforgeError {
  return new ApiforgeError('generation-error', `writing output failed and was rolled back: ${(e as Error).message}`, {
    file: out,
  });
}
