import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../generator/cli/main.js';
import { fixtureDir } from '../templates/helpers.js';
import { run } from './run.js';

async function cli(cwd: string, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { cwd, env: {}, stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } });
  return { code, out, err };
}

const DANGLING = `openapi: 3.0.3
info: { title: Pets, version: '1' }
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Pett' }
components:
  schemas:
    Pet: { type: object, properties: { name: { type: string } } }
`;
// Paths in messages are relative to the process cwd; the temp folder is outside it, so they are absolute.
const location = (dir: string): string => `${path.join(dir, 'spec.yaml')}:12:23 (#/paths/~1pets/get/responses/200/content/application~1json/schema)`;
const MESSAGE = '$ref "#/components/schemas/Pett" points to nothing (did you mean "#/components/schemas/Pet"?)';

describe('cli: a spec with errors writes nothing and exits 1', () => {
  it('generate: a dangling $ref is one error line with its location; no output folder', async () => {
    const dir = fixtureDir({ 'spec.yaml': DANGLING });
    const run = await cli(dir, ['generate', 'spec.yaml', '-o', 'out']);
    expect(run.code).toBe(1);
    expect(run.err).toBe(`✘ out: ${location(dir)}: ${MESSAGE}\n`);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  }, 60_000);

  it('inspect: the same error, exit 1', async () => {
    const dir = fixtureDir({ 'spec.yaml': DANGLING });
    const run = await cli(dir, ['inspect', 'spec.yaml']);
    expect(run.code).toBe(1);
    expect(run.err).toBe(`✘ ${location(dir)}: ${MESSAGE}\n`);
  });

  it('--allow-unresolved-refs: generated, with one warning per target', async () => {
    const dir = fixtureDir({ 'spec.yaml': DANGLING });
    const run = await cli(dir, ['generate', 'spec.yaml', '-o', 'out', '--allow-unresolved-refs', '-q']);
    expect(run.code).toBe(0);
    expect(run.err).toBe(`warning: ${location(dir)}: ${MESSAGE}; typed as unknown (allowUnresolvedRefs)\n`);
    expect(existsSync(path.join(dir, 'out', 'src', 'index.ts'))).toBe(true);
  }, 60_000);

  it('config allowUnresolvedRefs: true does the same', async () => {
    const config = JSON.stringify({ input: 'spec.yaml', output: 'out', allowUnresolvedRefs: true });
    const dir = fixtureDir({ 'spec.yaml': DANGLING, 'apiforge.config.json': config });
    const run = await cli(dir, ['generate', '-q']);
    expect(run.code).toBe(0);
    expect(run.err).toContain('typed as unknown (allowUnresolvedRefs)');
  }, 60_000);
});

describe('cli: a structural error', () => {
  it('paths written as a list: one located error line, exit 1, nothing written', async () => {
    const dir = fixtureDir({ 'spec.yaml': "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths:\n  - /pets\n" });
    const run = await cli(dir, ['generate', 'spec.yaml', '-o', 'out']);
    expect(run.code).toBe(1);
    expect(run.err).toBe(`✘ out: ${path.join(dir, 'spec.yaml')}:4:3 (#/paths): paths must be a mapping (OpenAPI Paths), got a list\n`);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});

describe('cli: an internal error is one line pointing at --debug', () => {
  it('exit 1, one line, nothing written', async () => {
    const dir = fixtureDir({ 'specs/a.json': JSON.stringify({ title: 'X', files: { 'a.ts': '' }, crash: true }) });
    const r = await run(dir, ['generate', 'specs/a.json', '-o', 'out']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('✘ out: internal error: cannot read properties of undefined (rerun with --debug for the stack trace, and please report it)\n');
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});
