import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
      await run(tsc, ['-p', path.join(copy, 'packages', pkg, 'tsconfig.build.json')]);
      expect(readFileSync(path.join(copy, 'packages', pkg, 'dist/index.d.ts'), 'utf8')).toContain('export');
    }
  }, 120_000);

  it('declares the generate step with the config file and specs as cache inputs', () => {
    const turbo = JSON.parse(readFileSync(path.join(example, 'turbo.json'), 'utf8')) as { tasks: Record<string, { inputs?: string[]; outputs?: string[]; dependsOn?: string[] }> };
    const generate = turbo.tasks['//#generate'];
    expect(generate?.inputs).toEqual(expect.arrayContaining(['apiforge.config.ts', 'specs/**']));
    expect(generate?.outputs).toEqual(expect.arrayContaining(['packages/*/src/**']));
    expect(turbo.tasks['build']?.dependsOn).toContain('//#generate');
  });
});
