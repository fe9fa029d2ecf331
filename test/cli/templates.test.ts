import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VIEW_MODEL_VERSION } from '../../generator/emit/view-model.js';
import { fixtureDir } from '../templates/helpers.js';
import { run } from './run.js';

/** A runtime file is plain TypeScript, overridden by its name under `runtime/`. */
const RUNTIME = { 'core/resource.ts': 'export class APIResource {}\n' };
const BUILTINS = { 'partials/jsdoc.hbs': '/** {{doc}} */\n', 'partials/method.hbs': '{{name}}();\n', 'files/resource.hbs': '{{> partials/method}}' };

describe('cli: templates eject', () => {
  it('copies every built-in plus a manifest with the contract and hashes', async () => {
    const builtinTemplatesDir = fixtureDir(BUILTINS);
    const builtinRuntimeDir = fixtureDir(RUNTIME);
    const dir = fixtureDir({});
    const r = await run(dir, ['templates', 'eject'], { builtinTemplatesDir, builtinRuntimeDir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ejected 4 template(s) to apiforge-templates');
    expect(readFileSync(path.join(dir, 'apiforge-templates/runtime/core/resource.ts'), 'utf8')).toBe(RUNTIME['core/resource.ts']);
    expect(readFileSync(path.join(dir, 'apiforge-templates/partials/jsdoc.hbs'), 'utf8')).toBe(BUILTINS['partials/jsdoc.hbs']);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'apiforge-templates/apiforge-templates.json'), 'utf8'));
    expect(manifest.contract).toBe(VIEW_MODEL_VERSION);
    expect(Object.keys(manifest.builtins)).toEqual(['files/resource.hbs', 'partials/jsdoc.hbs', 'partials/method.hbs', 'runtime/core/resource.ts']);
    expect(manifest.builtins['partials/jsdoc.hbs']).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('ejects only the named templates, refuses to overwrite without --force, and names typos', async () => {
    const builtinTemplatesDir = fixtureDir(BUILTINS);
    const builtinRuntimeDir = fixtureDir(RUNTIME);
    const dir = fixtureDir({});
    expect((await run(dir, ['templates', 'eject', 'partials/jsdoc', '--to', 'tpl'], { builtinTemplatesDir, builtinRuntimeDir })).stdout).toContain('ejected 1 template(s) to tpl');
    const again = await run(dir, ['templates', 'eject', 'partials/jsdoc', '--to', 'tpl'], { builtinTemplatesDir, builtinRuntimeDir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exist in tpl');
    expect((await run(dir, ['templates', 'eject', 'partials/jsdoc', '--to', 'tpl', '--force'], { builtinTemplatesDir, builtinRuntimeDir })).code).toBe(0);
    const typo = await run(dir, ['templates', 'eject', 'partials/jsdco'], { builtinTemplatesDir, builtinRuntimeDir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('closest: "partials/jsdoc"');
  });
});

describe('cli: templates diff', () => {
  it('reports overrides whose built-in changed since eject, with a unified diff', async () => {
    const builtinTemplatesDir = fixtureDir(BUILTINS);
    const builtinRuntimeDir = fixtureDir(RUNTIME);
    const dir = fixtureDir({});
    await run(dir, ['templates', 'eject', '--to', 'tpl'], { builtinTemplatesDir, builtinRuntimeDir });
    rmSync(path.join(dir, 'tpl/files/resource.hbs'));
    writeFileSync(path.join(dir, 'tpl/partials/method.hbs'), '// mine\n{{name}}();\n');
    writeFileSync(path.join(builtinTemplatesDir, 'partials/jsdoc.hbs'), '/**\n * {{doc}}\n */\n');
    writeFileSync(path.join(dir, 'tpl/partials/extra.hbs'), 'x');
    writeFileSync(path.join(builtinRuntimeDir, 'core/resource.ts'), 'export abstract class APIResource {}\n');
    const r = await run(dir, ['templates', 'diff', '--templates', 'tpl', '--exit-code'], { builtinTemplatesDir, builtinRuntimeDir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`tpl (contract ${VIEW_MODEL_VERSION}, apiforge provides ${VIEW_MODEL_VERSION})`);
    expect(r.stdout).toContain('! partials/jsdoc: built-in changed since eject: review and merge (+1 -3 vs built-in)');
    expect(r.stdout).toContain('    --- builtin/partials/jsdoc.hbs');
    expect(r.stdout).toContain('    +/** {{doc}} */');
    expect(r.stdout).toContain('· partials/method: customized; built-in unchanged since eject (+1 -0 vs built-in)');
    expect(r.stdout).toContain('✘ partials/extra: matches no built-in template');
    expect(r.stdout).toContain('! runtime/core/resource.ts: built-in changed since eject: review and merge (+1 -1 vs built-in)');
    expect(r.stdout).toContain('    --- builtin/runtime/core/resource.ts');
    expect((await run(dir, ['templates', 'diff', '--templates', 'tpl'], { builtinTemplatesDir, builtinRuntimeDir })).code).toBe(0);
  });

  it('reads the overrides folder from the config, and is a usage error without one', async () => {
    const builtinTemplatesDir = fixtureDir(BUILTINS);
    const builtinRuntimeDir = fixtureDir(RUNTIME);
    const dir = fixtureDir({ 'apiforge.config.json': JSON.stringify({ input: 'a.json', output: 'out', templates: 'tpl' }), 'tpl/partials/jsdoc.hbs': BUILTINS['partials/jsdoc.hbs'] });
    const r = await run(dir, ['templates', 'diff'], { builtinTemplatesDir, builtinRuntimeDir });
    expect(r.stdout).toContain('· partials/jsdoc: identical to the built-in: delete it to follow upstream');
    const none = await run(fixtureDir({}), ['templates', 'diff'], { builtinTemplatesDir, builtinRuntimeDir });
    expect(none.code).toBe(2);
  });
});
