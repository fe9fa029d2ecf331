/**
 * apiforge as its users get it: `npm pack` from the repository's files (no dist/: `prepack` builds it), installed
 * into an empty project; `npx apiforge generate` on the Petstore writes a package, which builds with only
 * `typescript` and is then installed and used by `import` and by `require`.
 *
 * npm runs with --prefer-offline: the packages come from the cache `npm ci` filled, so this works without a network
 * once the repository's own dependencies are installed.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusFile } from '../helpers/corpus.js';

const exec = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'apiforge-pack-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }), 120_000);

const npmFlags = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];
const npm = (args: string[], cwd: string) => exec('npm', args, { cwd, env: { ...process.env, npm_config_update_notifier: 'false' }, maxBuffer: 16 * 1024 * 1024 });

/** The files a fresh clone has: tracked and untracked-but-not-ignored (so no dist/ and no node_modules/). */
async function cloneLike(target: string): Promise<void> {
  const { stdout } = await exec('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 });
  for (const file of stdout.split('\0').filter(Boolean)) {
    if (!existsSync(path.join(repoRoot, file))) continue;
    mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    cpSync(path.join(repoRoot, file), path.join(target, file));
  }
  // `npm ci` in a real clone; the checkout's dev dependencies (tsc for prepack) stand in for it.
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(target, 'node_modules'));
}

describe('npm pack → npm install → npx apiforge generate → build → import and require', () => {
  const source = path.join(tmp, 'clone');
  const consumer = path.join(tmp, 'consumer');
  let tarball = '';
  let packed: string[] = [];

  beforeAll(async () => {
    await cloneLike(source);
    expect(existsSync(path.join(source, 'dist'))).toBe(false);
    const { stdout } = await npm(['pack', '--json', '--pack-destination', tmp], source);
    const [info] = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
    tarball = path.join(tmp, info!.filename);
    packed = info!.files.map((f) => f.path);
    mkdirSync(consumer);
    writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    await npm(['install', ...npmFlags, tarball, 'typescript@5'], consumer);
  }, 300_000);

  it('the tarball carries the build, the licence, the docs and the repository field', () => {
    expect(packed).toEqual(expect.arrayContaining(['dist/generator/index.js', 'dist/generator/cli/main.js', 'bin/apiforge.js', 'LICENSE', 'README.md', 'docs/cli.md']));
    // The build compiled the built-in templates ahead of time.
    expect(packed).toContain('dist/templates.precompiled.cjs');
    expect(packed.some((f) => f.startsWith('templates/docs/'))).toBe(true);
    expect(packed.some((f) => f.startsWith('test/') || f.startsWith('generator/'))).toBe(false);
    const manifest = JSON.parse(readFileSync(path.join(consumer, 'node_modules/apiforge/package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest['repository']).toBeDefined();
    expect(manifest['dependencies']).not.toHaveProperty('openapi-typescript');
    // Every docs/ page the README links is in the package.
    const readme = readFileSync(path.join(consumer, 'node_modules/apiforge/README.md'), 'utf8');
    for (const [, link] of readme.matchAll(/\]\((docs\/[^)#]+)/g)) expect(existsSync(path.join(consumer, 'node_modules/apiforge', link!)), link).toBe(true);
  });

  it('generates a package from the Petstore that builds and works by import and by require', async () => {
    const spec = corpusFile('oai-v3.0-petstore', 'petstore.yaml');
    const { stdout } = await exec('npx', ['--no-install', 'apiforge', 'generate', spec, '--output', 'petstore', '--quiet'], { cwd: consumer });
    expect(stdout).toBe('');
    const pkg = JSON.parse(readFileSync(path.join(consumer, 'petstore/package.json'), 'utf8')) as { name: string };
    expect(pkg.name).toBe('petstore');
    expect(readdirSync(path.join(consumer, 'petstore')).sort()).toEqual(
      expect.arrayContaining(['README.md', 'api.md', 'package.json', 'src', 'tsconfig.cjs.json', 'tsconfig.esm.json', 'tsconfig.json']),
    );

    await npm(['run', 'build', '--silent'], path.join(consumer, 'petstore'));
    await npm(['install', ...npmFlags, './petstore'], consumer);

    const probe = (client: string) =>
      `const c = new ${client}({ baseURL: 'http://127.0.0.1:9' }); console.log(typeof c.pets.list, typeof NotFoundError);`;
    const required = await exec('node', ['-e', `const { Petstore, NotFoundError } = require('petstore'); ${probe('Petstore')}`], { cwd: consumer });
    expect(required.stdout.trim()).toBe('function function');
    const imported = await exec('node', ['--input-type=module', '-e', `import Petstore, { NotFoundError } from 'petstore'; ${probe('Petstore')}`], { cwd: consumer });
    expect(imported.stdout.trim()).toBe('function function');

    // The types resolve for both conditions (TypeScript picks `import` under ESM and `require` under CommonJS).
    writeFileSync(path.join(consumer, 'esm.mts'), `import Petstore from 'petstore';\nexport const c: Petstore = new Petstore({ baseURL: 'x' });\n`);
    writeFileSync(path.join(consumer, 'cjs.cts'), `import { Petstore } from 'petstore';\nexport const c: Petstore = new Petstore({ baseURL: 'x' });\n`);
    const compilerOptions = { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', lib: ['ES2022', 'DOM'], types: [] };
    writeFileSync(path.join(consumer, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['esm.mts', 'cjs.cts'] }));
    const checked = await exec(path.join(consumer, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], { cwd: consumer }).catch((e: { stdout: string }) => e);
    expect(checked.stdout).toBe('');
  }, 300_000);
});
