import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../generator/config/load.js';
import { emitClient } from '../../generator/emit/emit-client.js';
import { createTemplateEngine } from '../../generator/emit/template-engine.js';
import { precompiledModule } from '../../generator/emit/templates/precompile.js';
import { compileKey, loadPrecompiled, type PrecompiledTemplate } from '../../generator/emit/templates/precompiled.js';
import { VIEW_MODEL_VERSION } from '../../generator/emit/view-model.js';
import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import { repoRoot } from '../emit/helpers.js';
import { catchError, fixtureDir } from './helpers.js';

const builtinDir = path.join(repoRoot, 'templates');

/** The build's module for the built-in templates, written to a temp file and loaded as a run loads it. */
function buildPrecompiled(dir = builtinDir): ReadonlyMap<string, PrecompiledTemplate> {
  const out = fixtureDir({ 'templates.precompiled.cjs': precompiledModule(dir) }, 'apiforge-precompiled-');
  return loadPrecompiled(path.join(out, 'templates.precompiled.cjs'));
}

const engineWith = (precompiled: ReadonlyMap<string, PrecompiledTemplate>, dir = builtinDir) =>
  createTemplateEngine({ builtinDir: dir, contractVersion: VIEW_MODEL_VERSION, precompiled });

describe('precompiled built-in templates', () => {
  it('cover every built-in template and render the Stigg client byte for byte as compiling at run time does', async () => {
    const precompiled = buildPrecompiled();
    const names = engineWith(new Map())
      .templates()
      .map((t) => t.name);
    expect([...precompiled.keys()].sort()).toEqual([...names].sort());

    const [settings] = (await loadConfig(path.join(repoRoot, 'specs/stigg/apiforge.config.json'))).clients;
    const model = buildModel(await loadSpec(settings!.input), settings!);
    const ahead = emitClient(model, settings!, engineWith(precompiled));
    const atRunTime = emitClient(model, settings!, engineWith(new Map()));
    expect(ahead.length).toBeGreaterThan(100);
    expect(ahead).toEqual(atRunTime);
  });

  it('are not used for a template edited after the build: it compiles from its file', () => {
    const dir = fixtureDir({ 'partials/constant.hbs': 'const {{name}} = {{value}};\n' });
    const stale = new Map([['partials/constant', buildPrecompiled().get('partials/constant')!]]);
    const engine = engineWith(stale, dir);
    expect(engine.render('partials/constant', { name: 'a', value: '1', type: 'T' })).toBe('const a = 1;\n');
  });

  it('are keyed by their compile settings: extra helpers or lax parameters compile at run time', () => {
    const text = 'const {{name}} = {{value}};\n';
    const helpers = ['eq', 'if'];
    expect(compileKey(text, helpers, true)).toBe(compileKey(text, [...helpers].reverse(), true));
    expect(compileKey(text, helpers, false)).not.toBe(compileKey(text, helpers, true));
    expect(compileKey(text, [...helpers, 'shout'], true)).not.toBe(compileKey(text, helpers, true));
    expect(compileKey(`${text} `, helpers, true)).not.toBe(compileKey(text, helpers, true));
  });

  it('keep strict lookups, reported against the template file', () => {
    const engine = engineWith(buildPrecompiled());
    const err = catchError(() => engine.render('partials/constant', { name: 'a', value: '1' }));
    expect(err.code).toBe('template-error');
    expect(err.message).toContain('"type"');
    expect(err.location?.file).toContain(path.join('templates', 'partials', 'constant.hbs'));
    expect(err.location?.line).toBe(1);
  });

  it('are absent when the package has no build output', () => {
    expect(loadPrecompiled(path.join(fixtureDir({}), 'templates.precompiled.cjs')).size).toBe(0);
  });
});
