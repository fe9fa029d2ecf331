/**
 * The filesystem calls the writer makes. Every change to the disk goes
 * through {@link WriterFs}, so tests can fail any step on purpose, or freeze
 * the disk at a step to leave exactly what a killed process would leave.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';

export interface WriterFs {
  readFile(p: string): Promise<Buffer>;
  writeFile(p: string, data: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  mkdir(p: string, opts: { recursive: true }): Promise<unknown>;
  rm(p: string, opts: { recursive?: boolean; force?: boolean }): Promise<void>;
  rmdir(p: string): Promise<void>;
}

/**
 * The real filesystem. Files are read and written with the synchronous calls: a run writes many small files, and
 * one call on the main thread costs far less than the open/write/close round trips through the thread pool that
 * the promise API makes per file (a failure still arrives as a rejection).
 */
export const defaultFs: WriterFs = {
  readFile: async (p) => readFileSync(p),
  writeFile: async (p, d) => writeFileSync(p, d),
  rename: (a, b) => nodeFs.rename(a, b),
  mkdir: (p, o) => nodeFs.mkdir(p, o),
  rm: (p, o) => nodeFs.rm(p, o),
  rmdir: (p) => nodeFs.rmdir(p),
};

const isMissing = (e: unknown): boolean => ['ENOENT', 'ENOTDIR'].includes((e as NodeJS.ErrnoException).code ?? '');

/** The file's bytes, or undefined when there is no file at `p`. */
export async function readOrUndefined(fs: WriterFs, p: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(p);
  } catch (e) {
    if (isMissing(e)) return undefined;
    throw e;
  }
}

/** What is at `p` (a final symlink is not followed): a file, a folder, or nothing. Reads bypass WriterFs. */
export async function entryKind(p: string): Promise<'file' | 'dir' | undefined> {
  try {
    return (await nodeFs.lstat(p)).isDirectory() ? 'dir' : 'file';
  } catch (e) {
    if (isMissing(e)) return undefined;
    throw e;
  }
}

/** Whether nothing is in folder `p`: it does not exist, or it is empty. Reads bypass WriterFs. */
export async function isMissingOrEmptyDir(p: string): Promise<boolean> {
  try {
    return (await nodeFs.readdir(p)).length === 0;
  } catch (e) {
    return isMissing(e);
  }
}

/** Sorts POSIX paths by code unit, the order every list in a result and the manifest uses. */
export const sortPaths = (a: string[]): string[] => a.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
