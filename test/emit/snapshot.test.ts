/**
 * File snapshots that are real, type-checked TypeScript:
 * - the constructs fixture -> test/__snapshots__/constructs/**
 * - the Stigg client -> output/stigg/** (the committed client is the snapshot)
 * Update with `npx vitest run test/emit/snapshot.test.ts -u` (vitest writes file snapshots when the
 * file finishes, so tsc in that run still sees the old files: run once more without `-u` to check them).
 * `-u` on the Stigg test rewrites output/stigg, exactly as `npm run generate` does.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../generator/config/load.js';
import { generateClient, type GenerateResult } from '../../generator/pipeline.js';
import { OUTPUT_MANIFEST } from '../../generator/write/index.js';
import { repoRoot, syntaxErrors, tsc } from './helpers.js';

/** Every file under `dir`, relative, with `/` separators. */
function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

async function expectSnapshotFolder(result: GenerateResult, dir: string, ignore: string[] = []): Promise<void> {
  for (const file of result.files) {
    await expect(file.content, file.path).toMatchFileSnapshot(path.join(dir, file.path));
  }
  // No stale files: nothing in the folder that the generator no longer emits (missing files fail above).
  const emitted = new Set(result.files.map((f) => f.path));
  const stale = (existsSync(dir) ? listFiles(dir) : []).filter((f) => !emitted.has(f) && !ignore.includes(f));
  expect(stale).toEqual([]);
}

describe('snapshot: test/fixtures/constructs.yaml', () => {
  const dir = path.join(repoRoot, 'test/__snapshots__/constructs');

  it('generates every construct, matches the file snapshots and type-checks', async () => {
    const result = await generateClient({ input: path.join(repoRoot, 'test/fixtures/constructs.yaml'), output: dir, configDir: repoRoot, name: 'Constructs' });
    expect(result.warnings.filter((w) => w.severity === 'error')).toEqual([]);
    expect(result.clientName).toBe('Constructs');
    for (const f of result.files.filter((x) => x.path.endsWith('.ts'))) expect(syntaxErrors(f.content, f.path), f.path).toEqual([]);
    await expectSnapshotFolder(result, dir);
    const { code, output } = await tsc(path.join(dir, 'tsconfig.json'));
    expect(output).toBe('');
    expect(code).toBe(0);
  }, 60_000);
});

describe('snapshot: the Stigg client in output/stigg', () => {
  const dir = path.join(repoRoot, 'output/stigg');

  it('regenerating with the shipped config changes nothing, and output/stigg type-checks', async () => {
    const config = await loadConfig(path.join(repoRoot, 'specs/stigg/apiforge.config.json'));
    const settings = config.clients[0]!;
    expect(settings.output).toBe(dir);
    const started = performance.now();
    const result = await generateClient(settings);
    const ms = performance.now() - started;
    expect(result.clientName).toBe('Stigg');
    expect(result.warnings.filter((w) => w.severity === 'error')).toEqual([]);
    await expectSnapshotFolder(result, dir, [OUTPUT_MANIFEST]);
    const { code, output } = await tsc(path.join(dir, 'tsconfig.json'));
    expect(output).toBe('');
    expect(code).toBe(0);
    // Generous bound: the budget (1 s cold from the CLI) is checked by `npm run bench`, not here.
    expect(ms).toBeLessThan(20_000);
  }, 120_000);
});
