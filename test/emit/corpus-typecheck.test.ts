/**
 * Every spec of the corpus (test/corpus/specs, plus ../shared/specs when present): generate the client (unformatted: prettier
 * never changes types) into test/.tmp/corpus/<pid>/<name>/ and type-check it with
 * the output's own tsconfig (strict, exactOptionalPropertyTypes,
 * noUncheckedIndexedAccess): zero errors. Each client also gets a module asserting that
 * no variant of any discriminated union is `never` (a type can compile and still be unusable).
 */
import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { corpusFile, corpusFolders, corpusRoots } from '../helpers/corpus.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../generator/diagnostics.js';
import type { GeneratedFile } from '../../generator/write/types.js';
import { generateClient } from '../../generator/pipeline.js';
import { discriminatorChecks } from '../helpers/discriminator-checks.js';
import { repoRoot, tsc } from './helpers.js';

/** One folder per run: several vitest processes (other sessions, CI shards) may run this file at once. */
const outRoot = path.join(repoRoot, 'test/.tmp/corpus', String(process.pid));



const folders = corpusFolders();
const cases = folders.flatMap((folder) => {
  const list = corpusRoots(folder);
  // A folder with the same spec as .json and .yaml gets one output per file.
  return list.map((root) => ({ folder, root, name: list.length > 1 ? `${folder}-${path.basename(root).replace(/\./g, '-')}` : folder }));
});

/** At most two tsc processes at once (the machine has two cores). */
let running = 0;
const waiting: Array<() => void> = [];
async function limited<T>(job: () => Promise<T>): Promise<T> {
  if (running >= 2) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await job();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** Clients with more files than this get a tsc run of their own; the rest share one program (saves a tsc start-up each). */
const LARGE = 300;

interface Outcome {
  errors: Diagnostic[];
  files: GeneratedFile[];
  /** tsc diagnostics under this client's folder (or unattributed ones of its batch). */
  diagnostics: string[];
  exitCode: number;
}

/** Splits tsc output into diagnostics (with continuation lines), keyed by the client folder they point into. */
function attribute(output: string, names: string[]): Map<string, string[]> {
  const byName = new Map<string, string[]>(names.map((n) => [n, []]));
  let current: string[] | undefined;
  for (const line of output.split('\n')) {
    if (!line.trim()) continue;
    if (/^\s/.test(line) && current) {
      current.push(line);
      continue;
    }
    const owner = names.find((n) => line.replace(/\\/g, '/').includes(`/${n}/`));
    current = owner ? byName.get(owner)! : undefined;
    if (current) current.push(line);
    else for (const list of byName.values()) list.push(line);
  }
  return byName;
}

describe('corpus: every generated client type-checks', () => {
  const outcomes = new Map<string, Outcome>();

  beforeAll(async () => {
    await rm(outRoot, { recursive: true, force: true });
    const checks: Array<Promise<void>> = [];
    const check = (names: string[], tsconfig: string): void => {
      checks.push(
        limited(() => tsc(tsconfig, 280_000)).then(({ code, output }) => {
          const found = attribute(output, names);
          for (const n of names) {
            const o = outcomes.get(n)!;
            o.diagnostics = found.get(n) ?? [];
            o.exitCode = code;
          }
        }),
      );
    };
    const small: string[] = [];
    for (const { folder, root, name } of cases) {
      const dir = path.join(outRoot, name);
      const result = await generateClient({ input: corpusFile(folder, root), output: dir, configDir: repoRoot, format: false });
      await Promise.all(
        result.files.map(async (f) => {
          await mkdir(path.dirname(path.join(dir, f.path)), { recursive: true });
          await writeFile(path.join(dir, f.path), f.content);
        }),
      );
      await writeFile(path.join(dir, 'src/discriminators.check.ts'), discriminatorChecks(result.model).text);
      outcomes.set(name, { errors: result.warnings.filter((w) => w.severity === 'error'), files: result.files, diagnostics: [], exitCode: -1 });
      // Large clients start type-checking while the next spec generates.
      if (result.files.length > LARGE) check([name], path.join(dir, 'tsconfig.json'));
      else small.push(name);
    }
    if (small.length > 0) {
      // Every output has the same compiler options; one program holds all the small clients (each is self-contained).
      const options = JSON.parse(readFileSync(path.join(outRoot, small[0]!, 'tsconfig.json'), 'utf8')) as { compilerOptions: object };
      const combined = path.join(outRoot, 'tsconfig.small.json');
      await writeFile(combined, JSON.stringify({ compilerOptions: options.compilerOptions, include: small.map((n) => `${n}/src`) }, null, 2));
      for (const n of small) expect(JSON.parse(readFileSync(path.join(outRoot, n, 'tsconfig.json'), 'utf8'))).toEqual(options);
      check(small, combined);
    }
    await Promise.all(checks);
  }, 300_000);

  afterAll(async () => {
    // Kept for inspection when something failed.
    if ([...outcomes.values()].every((o) => o.exitCode === 0 && o.diagnostics.length === 0)) await rm(outRoot, { recursive: true, force: true });
  });

  it('finds a root in every folder', () => {
    for (const folder of folders) expect(corpusRoots(folder), folder).not.toEqual([]);
  });

  it.each(cases)('$name ($root): generated and type-checks with zero errors', ({ name }) => {
    const o = outcomes.get(name)!;
    expect(o.errors).toEqual([]);
    expect(o.files.some((f) => f.path === 'src/index.ts')).toBe(true);
    expect(o.diagnostics.slice(0, 30)).toEqual([]);
    expect(o.exitCode).toBe(0);
  });
});
