import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../generator/cli/main.js';
import { fixtureDir } from '../templates/helpers.js';
import { TINY_SPEC as SPEC } from './tiny-spec.js';


async function cli(cwd: string, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { cwd, env: {}, stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } });
  return { code, out, err };
}

describe('cli with the real pipeline', () => {
  it('generate → 0, check → 0, broken spec → 1', async () => {
    const dir = fixtureDir({ 'tiny.yaml': SPEC });
    const gen = await cli(dir, ['generate', 'tiny.yaml', '-o', 'out', '--name', 'Tiny']);
    expect(gen.err).toBe('');
    expect(gen.code).toBe(0);
    expect(gen.out).toMatch(/^✔ Tiny → out \(\d+ files, \d+ written, /);
    expect((await cli(dir, ['check', 'tiny.yaml', '-o', 'out', '--name', 'Tiny'])).code).toBe(0);
    const broken = fixtureDir({ 'bad.yaml': 'openapi: 3.0.3\ninfo: [\n' });
    const bad = await cli(broken, ['generate', 'bad.yaml', '-o', path.join(broken, 'out')]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/bad\.yaml:\d+/);
    expect(bad.err).not.toMatch(/\n\s+at /);
  }, 30_000);
});
