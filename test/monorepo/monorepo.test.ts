import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const example = path.join(repoRoot, 'examples/monorepo');
const cli = path.join(repoRoot, 'bin/apiforge.js');
const tsc = path.join(repoRoot, 'node_modules/.bin/tsc');
const turboBin = path.join(repoRoot, 'node_modules/.bin/turbo');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'apiforge-monorepo-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('examples/monorepo: two packages from two specs, one config', () => {
  it('the committed packages are current (`apiforge check` exits 0)', async () => {
    const { stdout } = await run('node', [cli, 'check', '--config', path.join(example, 'apiforge.config.ts')], { cwd: example });
    expect(stdout).toMatch(/Stigg .* up to date/);
    expect(stdout).toMatch(/Petstore .* up to date/);
  }, 60_000);

  it('regenerating from scratch gives the same bytes, and each package type-checks and builds', async () => {
    const copy = path.join(tmp, 'monorepo');
    cpSync(example, copy, { recursive: true });
    rmSync(path.join(copy, 'packages'), { recursive: true, force: true });
    const { stdout } = await run('node', [cli, 'generate', '--config', path.join(copy, 'apiforge.config.ts')], { cwd: copy });
    expect(stdout).toMatch(/✔ Stigg/);
    expect(stdout).toMatch(/✔ Petstore/);
    for (const pkg of ['stigg', 'petstore']) {
      for (const file of ['package.json', 'src/index.ts', 'src/client.ts']) {
        expect(readFileSync(path.join(copy, 'packages', pkg, file), 'utf8'), `${pkg}/${file}`).toBe(readFileSync(path.join(example, 'packages', pkg, file), 'utf8'));
      }
      const manifest = JSON.parse(readFileSync(path.join(copy, 'packages', pkg, 'package.json'), 'utf8')) as { name: string };
      expect(manifest.name).toBe(`@example/${pkg}`);
      for (const build of ['tsconfig.esm.json', 'tsconfig.cjs.json']) await run(tsc, ['-p', path.join(copy, 'packages', pkg, build)]);
      expect(readFileSync(path.join(copy, 'packages', pkg, 'dist/esm/index.d.ts'), 'utf8')).toContain('export');
      expect(readFileSync(path.join(copy, 'packages', pkg, 'dist/cjs/index.js'), 'utf8')).toContain('exports');
    }
  }, 120_000);
});

/** Task id → cache status (`HIT`/`MISS`) of the latest `turbo run --summarize` in `dir`. */
function lastRun(dir: string): Record<string, string> {
  const runs = path.join(dir, '.turbo/runs');
  const latest = readdirSync(runs)
    .map((f) => path.join(runs, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]!;
  const summary = JSON.parse(readFileSync(latest, 'utf8')) as { tasks: Array<{ taskId: string; cache: { status: string } }> };
  return Object.fromEntries(summary.tasks.map((t) => [t.taskId, t.cache.status]));
}

describe('examples/monorepo: Turborepo caches generation and builds', () => {
  const copy = path.join(tmp, 'turbo');
  // Offline and local: no telemetry, no update check, no remote cache (no TURBO_TOKEN/TURBO_TEAM).
  const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', TURBO_NO_UPDATE_NOTIFIER: '1', TURBO_TOKEN: '', TURBO_TEAM: '' };
  const turbo = async (): Promise<Record<string, string>> => {
    await run(turboBin, ['run', 'build', '--summarize', '--output-logs=errors-only'], { cwd: copy, env });
    return lastRun(copy);
  };

  it('the first run generates and builds, the second is a full cache hit, a spec change rebuilds only its package', async () => {
    cpSync(example, copy, { recursive: true });
    // The example's devDependencies, as `npm install` would link them (apiforge from this checkout).
    mkdirSync(path.join(copy, 'node_modules/.bin'), { recursive: true });
    symlinkSync(repoRoot, path.join(copy, 'node_modules/apiforge'));
    symlinkSync(path.join(repoRoot, 'node_modules/typescript'), path.join(copy, 'node_modules/typescript'));
    symlinkSync(cli, path.join(copy, 'node_modules/.bin/apiforge'));
    symlinkSync(tsc, path.join(copy, 'node_modules/.bin/tsc'));

    const tasks = ['//#generate:petstore', '//#generate:stigg', '@example/petstore#build', '@example/stigg#build'];
    const first = await turbo();
    expect(Object.keys(first).sort()).toEqual(tasks);
    expect(Object.values(first)).toEqual(['MISS', 'MISS', 'MISS', 'MISS']);
    expect(existsSync(path.join(copy, 'packages/stigg/dist/esm/index.js'))).toBe(true);

    expect(Object.values(await turbo())).toEqual(['HIT', 'HIT', 'HIT', 'HIT']);

    const spec = path.join(copy, 'specs/petstore.yaml');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace(/^(\s+title: .*)$/m, '$1 (renamed)'));
    expect(await turbo()).toEqual({
      '//#generate:petstore': 'MISS',
      '//#generate:stigg': 'HIT',
      '@example/petstore#build': 'MISS',
      '@example/stigg#build': 'HIT',
    });
  }, 240_000);
});
