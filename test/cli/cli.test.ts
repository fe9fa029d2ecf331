import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureDir } from '../templates/helpers.js';
import { run } from './run.js';

const SPEC = JSON.stringify({ title: 'Stigg', files: { 'src/index.ts': 'export {};\n', 'src/client.ts': 'export class Stigg {}\n' } });

function project(extra: Record<string, string> = {}): string {
  return fixtureDir({
    'specs/a.json': SPEC,
    'specs/b.json': JSON.stringify({ title: 'Other', files: { 'src/index.ts': 'export {};\n' } }),
    'apiforge.config.json': JSON.stringify({ clients: [{ name: 'Stigg', input: 'specs/a.json', output: 'out/stigg' }, { name: 'Other', input: 'specs/b.json', output: 'out/other' }] }),
    ...extra,
  });
}

describe('cli: exit codes', () => {
  it.each<[string, string[], number, RegExp]>([
    ['unknown command', ['generat'], 2, /unknown command 'generat'[\s\S]*Did you mean generate\?/],
    ['unknown option', ['generate', '--bogus'], 2, /unknown option '--bogus'/],
    ['missing argument', ['inspect'], 2, /missing required argument 'spec'/],
    ['too many arguments', ['generate', 'a', 'b'], 2, /too many arguments/],
    ['no arguments at all', [], 2, /Usage: apiforge/],
    ['no spec and no config', ['generate'], 2, /no spec given and no apiforge\.config/],
    ['spec without --output', ['generate', 'specs/a.json'], 2, /--output <dir> is required/],
    ['--check with --watch', ['generate', '--check', '--watch'], 2, /cannot be used with/],
  ])('%s → %i', async (_, argv, code, message) => {
    const dir = fixtureDir({ 'specs/a.json': SPEC });
    const r = await run(dir, argv);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(code);
  });

  it('--help and --version exit 0', async () => {
    expect((await run(fixtureDir({}), ['--help'])).code).toBe(0);
    const v = await run(fixtureDir({}), ['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('cli: generate', () => {
  it('generates from a spec with --output, one line per client', async () => {
    const dir = fixtureDir({ 'specs/a.json': SPEC });
    const r = await run(dir, ['generate', 'specs/a.json', '--output', 'out']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✔ Stigg → out \(2 files, 2 written, \d+\.\d\ds\)\n$/);
    expect(readFileSync(path.join(dir, 'out/src/client.ts'), 'utf8')).toBe('export class Stigg {}\n');
    const again = await run(dir, ['generate', 'specs/a.json', '-o', 'out', '--name', 'Mine']);
    expect(again.stdout).toMatch(/^✔ Mine → out \(2 files, 0 written/);
  });

  it('uses the config in the cwd, all clients, or one with --client', async () => {
    const dir = project();
    const all = await run(dir, ['generate']);
    expect(all.code).toBe(0);
    expect(all.stdout.split('\n').filter(Boolean).map((l) => l.replace(/\(.*\)/, ''))).toEqual(['✔ Stigg → out/stigg ', '✔ Other → out/other ']);
    const one = await run(dir, ['generate', '--client', 'Other']);
    expect(one.stdout).toMatch(/^✔ Other → out\/other is up to date \(1 files, inputs unchanged, /);
    const forced = await run(dir, ['generate', '--client', 'Other', '--force']);
    expect(forced.stdout).toMatch(/^✔ Other → out\/other \(1 files, 0 written/);
  });

  it('--client with an unknown name is a usage error with a suggestion', async () => {
    const r = await run(project(), ['generate', '--client', 'Stig']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no client named "Stig" in apiforge.config.json (did you mean "Stigg"?)');
  });

  it('--quiet prints nothing; --verbose lists template files', async () => {
    const dir = project();
    expect(await run(dir, ['generate', '--quiet'])).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const v = await run(dir, ['generate', '--client', 'Stigg', '--verbose', '--force']);
    expect(v.stdout).toContain(`  template partials/jsdoc ← ${path.resolve('templates/partials/jsdoc.hbs')} (builtin)`);
  });

  it('a broken spec exits 1 with its location and no stack; other clients still run', async () => {
    const dir = project({ 'specs/b.json': '{ nope' });
    const r = await run(dir, ['generate']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✔ Stigg/);
    expect(r.stderr).toMatch(/^✘ Other: .*specs\/b\.json:1: .*JSON/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a config error exits 1 naming the key path', async () => {
    const dir = fixtureDir({ 'apiforge.config.json': JSON.stringify({ clients: [{ input: 'a.json', output: 3 }] }) });
    const r = await run(dir, ['generate']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('clients[0].output: expected a string, got a number (3)');
  });

  it('an internal error prints one line, and the stack only with --debug', async () => {
    const dir = fixtureDir({ 'specs/a.json': JSON.stringify({ title: 'X', files: {}, crash: true }) });
    const r = await run(dir, ['generate', 'specs/a.json', '-o', 'out']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('internal error: cannot read properties of undefined (rerun with --debug');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const d = await run(dir, ['generate', 'specs/a.json', '-o', 'out', '--debug']);
    expect(d.stderr).toMatch(/TypeError: cannot read[\s\S]*\n\s+at /);
  });

  it('warnings are printed once to stderr with their locations', async () => {
    const w = { code: 'no-responses', message: 'operation has no responses', location: { file: 'specs/a.json', pointer: '#/paths/~1x/get' } };
    const dir = fixtureDir({ 'specs/a.json': JSON.stringify({ title: 'X', files: { 'a.ts': '' }, warnings: [w, w] }) });
    const r = await run(dir, ['generate', 'specs/a.json', '-o', 'out']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('warning: specs/a.json (#/paths/~1x/get): operation has no responses\n');
  });

  it('a diagnostic with severity error writes the output but exits 1', async () => {
    const w = { code: 'dangling-ref', severity: 'error', message: 'unresolved $ref', location: { file: 'specs/a.json' } };
    const dir = fixtureDir({ 'specs/a.json': JSON.stringify({ title: 'X', files: { 'a.ts': '' }, warnings: [w] }) });
    const r = await run(dir, ['generate', 'specs/a.json', '-o', 'out']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: specs/a.json: unresolved $ref');
  });
});

describe('cli: --check and check', () => {
  it('exits 0 when current and 1 listing files when stale; writes nothing', async () => {
    const dir = project();
    expect((await run(dir, ['check'])).code).toBe(1); // nothing generated yet
    await run(dir, ['generate']);
    const current = await run(dir, ['generate', '--check']);
    expect(current.code).toBe(0);
    expect(current.stdout).toMatch(/✔ Stigg → out\/stigg is up to date \(2 files/);
    writeFileSync(path.join(dir, 'out/stigg/src/client.ts'), '// edited\n');
    writeFileSync(path.join(dir, 'specs/b.json'), JSON.stringify({ title: 'Other', files: { 'src/new.ts': '' } }));
    const stale = await run(dir, ['check']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('✘ Stigg → out/stigg is out of date: 1 changed\n  M src/client.ts (edited by hand)');
    expect(stale.stderr).toContain('✘ Other → out/other is out of date: 1 missing, 1 stale\n  A src/new.ts\n  D src/index.ts');
    expect(readFileSync(path.join(dir, 'out/stigg/src/client.ts'), 'utf8')).toBe('// edited\n');
  });
});

describe('cli: inspect', () => {
  it('prints the report, or JSON', async () => {
    const dir = project();
    expect(await run(dir, ['inspect', 'specs/a.json'])).toMatchObject({ code: 0, stdout: 'Stigg: 2 files\n' });
    const j = await run(dir, ['inspect', 'specs/a.json', '--json', '--config', 'apiforge.config.json']);
    expect(JSON.parse(j.stdout)).toEqual({ title: 'Stigg', files: 2, warnings: [] });
  });

  it('a missing spec exits 1', async () => {
    const r = await run(fixtureDir({}), ['inspect', 'nope.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nope.yaml: file not found');
  });
});
