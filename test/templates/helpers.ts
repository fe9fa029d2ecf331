import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Writes `{ relPath: content }` under a fresh temp folder and returns its path. */
export function fixtureDir(files: Record<string, string>, prefix = 'apiforge-tpl-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
}

/** Runs `f`, expecting it to throw; returns the error for assertions on message and location. */
export function catchError(f: () => unknown): { message: string; code?: string; location?: { file?: string; line?: number; column?: number }; exitCode?: number } {
  try {
    f();
  } catch (e) {
    return e as never;
  }
  throw new Error('expected an error');
}
