import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../generator/cli/main.js';
import { fixtureDir } from '../templates/helpers.js';
import { fakePipeline } from './fake-pipeline.js';

/** Polls `check` every 20 ms until it returns true, failing after `ms`. */
async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting for the watcher');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const read = (f: string): string => {
  try {
    return readFileSync(f, 'utf8');
  } catch {
    return '';
  }
};

describe('cli: generate --watch', () => {
  it('regenerates on spec, $ref, override and config changes; survives a broken state', async () => {
    const dir = fixtureDir({
      'specs/a.json': JSON.stringify({ title: 'A', files: { 'index.ts': 'v1\n' }, refs: ['shared.yaml'] }),
      'specs/shared.yaml': 'ref-1',
      'tpl/partials/jsdoc.hbs': 'tpl-1',
      'apiforge.config.json': JSON.stringify({ name: 'A', input: 'specs/a.json', output: 'out', templates: 'tpl' }),
    });
    const out = path.join(dir, 'out/index.ts');
    let stdout = '';
    let stderr = '';
    const controller = new AbortController();
    const done = main(['generate', '--watch'], {
      cwd: dir,
      env: {},
      pipeline: fakePipeline,
      signal: controller.signal,
      debounceMs: 30,
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
    });
    try {
      await until(() => stdout.includes('watching'));
      expect(read(out)).toBe('// templates: tpl-1\nv1\n// ref-1\n');

      writeFileSync(path.join(dir, 'specs/a.json'), JSON.stringify({ title: 'A', files: { 'index.ts': 'v2\n' }, refs: ['shared.yaml'] }));
      await until(() => read(out).includes('v2'));

      writeFileSync(path.join(dir, 'specs/shared.yaml'), 'ref-2');
      await until(() => read(out).includes('ref-2'));

      writeFileSync(path.join(dir, 'tpl/partials/jsdoc.hbs'), 'tpl-2');
      await until(() => read(out).includes('tpl-2'));

      // A broken intermediate state prints the error and keeps watching.
      writeFileSync(path.join(dir, 'specs/a.json'), '{ half-written');
      await until(() => stderr.includes('✘ A: '));
      expect(read(out)).toContain('v2');
      writeFileSync(path.join(dir, 'specs/a.json'), JSON.stringify({ title: 'A', files: { 'index.ts': 'v3\n' } }));
      await until(() => read(out).includes('v3'));

      // Config changes are picked up too (here: a new output folder).
      writeFileSync(path.join(dir, 'apiforge.config.json'), JSON.stringify({ name: 'A', input: 'specs/a.json', output: 'out2' }));
      await until(() => read(path.join(dir, 'out2/index.ts')) === 'v3\n');
      expect(stdout).toMatch(/↻ specs\/a\.json changed; regenerating/);
    } finally {
      controller.abort();
    }
    expect(await done).toBe(0);
  }, 20_000);

  it('debounces a burst of changes into one run', async () => {
    const dir = fixtureDir({ 'a.json': JSON.stringify({ title: 'A', files: { 'x.ts': '0' } }) });
    let stdout = '';
    const controller = new AbortController();
    const done = main(['generate', 'a.json', '-o', 'out', '--watch'], {
      cwd: dir, env: {}, pipeline: fakePipeline, signal: controller.signal, debounceMs: 80,
      stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => true },
    });
    await until(() => stdout.includes('watching'));
    const before = fakePipeline.calls;
    for (let i = 1; i <= 5; i++) writeFileSync(path.join(dir, 'a.json'), JSON.stringify({ title: 'A', files: { 'x.ts': String(i) } }));
    await until(() => read(path.join(dir, 'out/x.ts')) === '5');
    await new Promise((r) => setTimeout(r, 200));
    controller.abort();
    expect(await done).toBe(0);
    expect(fakePipeline.calls - before).toBe(1);
  }, 10_000);
});
