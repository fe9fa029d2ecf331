import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtureDir } from '../templates/helpers.js';
import { TINY_SPEC as SPEC } from './tiny-spec.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/apiforge.js');
const trace = path.join(root, 'test/cli/fixtures/trace-imports.mjs');


function cli(cwd: string, argv: string[]): { status: number | null; stdout: string; loaded: string[] } {
  const r = spawnSync(process.execPath, ['--import', trace, bin, ...argv], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: '1' },
  });
  const loaded = r.stderr
    .split('\n')
    .filter((l) => l.startsWith('resolved '))
    .map((l) => l.slice('resolved '.length));
  return { status: r.status, stdout: r.stdout, loaded };
}

const heavyLibrary = /\/node_modules\/(ts-morph|prettier|handlebars|jiti|diff|yaml|js-yaml|@redocly)\//;
const pipelineCode = /\/dist\/generator\/(pipeline|emit|model|load)\//;
const heavy = { test: (url: string): boolean => heavyLibrary.test(url) || pipelineCode.test(url) };

// `npm test` builds dist/ first.
describe('a no-op run from a cold process', () => {
  it('loads none of the pipeline, formatter or template libraries', () => {
    const dir = fixtureDir({
      'tiny.yaml': SPEC,
      'apiforge.config.json': JSON.stringify({ name: 'Tiny', input: 'tiny.yaml', output: 'out', prettier: false }),
    });
    const first = cli(dir, ['generate']);
    expect(first.status).toBe(0);
    expect(first.loaded.some((u) => heavy.test(u))).toBe(true); // the tracer sees a full run's imports
    for (const command of ['generate', 'check']) {
      const noOp = cli(dir, [command]);
      expect(noOp.status).toBe(0);
      expect(noOp.stdout).toMatch(/is up to date \(\d+ files, inputs unchanged, /);
      expect(noOp.loaded.filter((u) => heavy.test(u))).toEqual([]);
    }
  }, 60_000);
});
