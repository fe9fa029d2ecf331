/**
 * The commit journal: written next to the output folder before the first
 * rename into it, so a run killed at any point of the commit can be finished
 * or undone by the next run, the same way every time.
 *
 * - Phase `commit`: renames may be half done. Recovery rolls back: every file
 *   moved aside returns, every newly placed file goes, created folders go.
 *   A killed run is a failed run, and a failed run leaves the old output.
 * - Phase `committed`: every rename is done (the commit point). Recovery
 *   rolls forward: it only deletes the backup and staging folders.
 *
 * Both routines are idempotent, so a kill during recovery is recovered too.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ApiforgeError, type Diagnostic } from '../diagnostics.js';
import { mapLimit } from './concurrency.js';
import { entryKind, readOrUndefined, type WriterFs } from './fs.js';
import { isSafeRelativePath } from './manifest.js';

export interface Journal {
  version: 1;
  /** The writing process, to refuse recovering a write that is still running. */
  pid: number;
  phase: 'commit' | 'committed';
  /** Sibling folder (name only) holding the staged new files. */
  stage: string;
  /** Sibling folder (name only) receiving the files that are replaced or removed. */
  backup: string;
  /** Files moved from `stage` into the output; `replaces` when a file was there before (moved to `backup`). */
  place: Array<{ path: string; replaces: boolean }>;
  /** Stale files moved into `backup`. */
  remove: string[];
  /** Output folders (relative, `.` for the output itself) that did not exist before, parents first. */
  createdDirs: string[];
}

/** Where the writer keeps its temporary siblings of `out`. */
export function siblings(
  out: string,
  id: string,
): { journal: string; journalTmp: string; stage: string; backup: string } {
  const dir = path.dirname(out);
  const base = `.${path.basename(out)}.apiforge`;
  return {
    journal: path.join(dir, `${base}-journal.json`),
    journalTmp: path.join(dir, `${base}-journal.json.tmp`),
    stage: path.join(dir, `${base}-tmp-${id}`),
    backup: path.join(dir, `${base}-bak-${id}`),
  };
}

/** Writes the journal atomically (a kill mid-write leaves only the `.tmp` file, which is ignored). */
export async function writeJournal(fs: WriterFs, out: string, journal: Journal): Promise<void> {
  const s = siblings(out, '');
  await fs.writeFile(s.journalTmp, JSON.stringify(journal) + '\n');
  await fs.rename(s.journalTmp, s.journal);
}

/** The pending journal of `out`, if a write was interrupted. */
export async function readJournal(fs: WriterFs, out: string): Promise<Journal | undefined> {
  const file = siblings(out, '').journal;
  const text = await readOrUndefined(fs, file);
  if (text === undefined) return undefined;
  let j: Journal;
  try {
    j = JSON.parse(text.toString('utf8')) as Journal;
  } catch (e) {
    throw new ApiforgeError(
      'generation-error',
      `unreadable write journal (${(e as Error).message}); ` +
        'restore the output from version control and delete the journal',
      { file },
    );
  }
  const names = [j.stage, j.backup];
  const paths = [...j.place.map((p) => p.path), ...j.remove];
  if (
    !names.every((n) => typeof n === 'string' && isSafeRelativePath(n) && !n.includes('/')) ||
    !paths.every(isSafeRelativePath)
  ) {
    throw new ApiforgeError(
      'generation-error',
      'write journal names paths outside the output; delete it after checking the output',
      { file },
    );
  }
  return j;
}

/** Undoes a commit in phase `commit` from whatever state it reached. */
export async function rollBack(fs: WriterFs, out: string, j: Journal): Promise<void> {
  const stage = path.join(path.dirname(out), j.stage);
  const backup = path.join(path.dirname(out), j.backup);
  await mapLimit(j.place, async ({ path: rel, replaces }) => {
    const target = path.join(out, rel);
    if ((await entryKind(path.join(backup, rel))) !== undefined) return fs.rename(path.join(backup, rel), target);
    // A new file was placed when its staged copy is gone but the target exists.
    if (!replaces && (await entryKind(path.join(stage, rel))) === undefined && (await entryKind(target)) === 'file') {
      await fs.rm(target, { force: true });
    }
  });
  await mapLimit(j.remove, async (rel) => {
    if ((await entryKind(path.join(backup, rel))) !== undefined)
      await fs.rename(path.join(backup, rel), path.join(out, rel));
  });
  for (const d of [...j.createdDirs].reverse()) await fs.rmdir(path.join(out, d)).catch(() => undefined);
  await cleanUp(fs, out, j);
}

/** Finishes a commit in phase `committed`: folders emptied by removals go, then the temporary siblings. */
export async function rollForward(fs: WriterFs, out: string, j: Journal): Promise<void> {
  const dirs = new Set<string>();
  for (const rel of j.remove) for (let d = path.posix.dirname(rel); d !== '.'; d = path.posix.dirname(d)) dirs.add(d);
  for (const d of [...dirs].sort((a, b) => b.length - a.length)) {
    await fs.rmdir(path.join(out, d)).catch(() => undefined); // fails harmlessly when not empty
  }
  await cleanUp(fs, out, j);
}

/** The journal goes last, so a kill here is simply recovered again. */
async function cleanUp(fs: WriterFs, out: string, j: Journal): Promise<void> {
  await fs.rm(path.join(path.dirname(out), j.backup), { recursive: true, force: true });
  await fs.rm(path.join(path.dirname(out), j.stage), { recursive: true, force: true });
  await fs.rm(siblings(out, '').journal, { force: true });
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return false; // our own earlier write, which has ended
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Finishes or undoes an interrupted write of `out`, and removes staging
 * folders that dead runs left before they reached the commit. Returns a
 * warning saying what it did, or nothing when there was nothing to do.
 */
export async function recoverInterruptedWrite(fs: WriterFs, out: string): Promise<Diagnostic | undefined> {
  const s = siblings(out, '');
  const j = await readJournal(fs, out);
  if (j && isAlive(j.pid)) {
    throw new ApiforgeError(
      'generation-error',
      `another apiforge process (pid ${j.pid}) is writing this output; ` +
        `if none is running, run again after deleting ${s.journal}`,
      { file: out },
    );
  }
  await fs.rm(s.journalTmp, { force: true });
  await removeDeadStages(fs, out, j);
  if (!j) return undefined;
  if (j.phase === 'committed') await rollForward(fs, out, j);
  else await rollBack(fs, out, j);
  const how = j.phase === 'committed' ? 'finished it' : 'rolled it back; the previous output is intact';
  return {
    code: 'generation-error',
    severity: 'warning',
    message: `recovered a write interrupted by a killed run: ${how}`,
    location: { file: out },
  };
}

/** Staging folders of runs that died before writing a journal hold nothing that is not regenerated. */
async function removeDeadStages(fs: WriterFs, out: string, j: Journal | undefined): Promise<void> {
  const prefix = `.${path.basename(out)}.apiforge-tmp-`;
  let names: string[];
  try {
    names = readdirSync(path.dirname(out));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || name === j?.stage) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (Number.isInteger(pid) && !isAlive(pid))
      await fs.rm(path.join(path.dirname(out), name), { recursive: true, force: true });
  }
}
