import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import type { WriterFs } from '../../generator/write/fs.js';

/** Every file under `dir` (relative path -> content), to compare folders byte for byte. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const abs = path.join(d, e.name);
      if (e.isDirectory()) walk(abs);
      else out[path.relative(dir, abs)] = readFileSync(abs, 'utf8');
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

export const V1 = [
  { path: 'src/index.ts', content: 'export * from "./client";\n' },
  { path: 'src/client.ts', content: 'export class C {}\n' },
  { path: 'src/resources/old.ts', content: 'old\n' },
];
export const V2 = [
  { path: 'src/index.ts', content: 'export * from "./client";\n' },
  { path: 'src/client.ts', content: 'export class C { x = 1 }\n' },
  { path: 'src/resources/new.ts', content: 'new\n' },
  { path: 'src/deep/er/added.ts', content: 'added\n' },
];

/**
 * A filesystem that "dies" at its `killAt`-th change: that call and every
 * later one fail before touching the disk, so the rollback the writer then
 * attempts changes nothing, and the disk stays exactly as a SIGKILL at that
 * point would leave it. `steps` counts the changes attempted.
 */
export function dyingFs(killAt: number): WriterFs & { steps: number; died: boolean } {
  const state = { steps: 0, died: false };
  const gate =
    <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      if (state.died || ++state.steps === killAt) {
        state.died = true;
        throw new Error('killed');
      }
      return f(...a);
    };
  return Object.assign(state, {
    readFile: (p: string) => nodeFs.readFile(p),
    writeFile: gate((p: string, d: string) => nodeFs.writeFile(p, d)),
    rename: gate((a: string, b: string) => nodeFs.rename(a, b)),
    mkdir: gate((p: string, o: { recursive: true }) => nodeFs.mkdir(p, o)),
    rm: gate((p: string, o: { recursive?: boolean; force?: boolean }) => nodeFs.rm(p, o)),
    rmdir: gate((p: string) => nodeFs.rmdir(p)),
  });
}
