import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNoOp, settledInputs } from '../../generator/write/fingerprint.js';
import type { InputsRecord } from '../../generator/write/manifest.js';
import { fixtureDir, writeFiles } from '../templates/helpers.js';
import { fakePipeline } from './fake-pipeline.js';
import { run } from './run.js';

const SPEC = {
  title: 'Stigg',
  files: { 'src/index.ts': 'export {};\n', 'src/client.ts': 'export class Stigg {}\n' },
  refs: ['shared.txt'],
};
const CLIENTS = [
  { name: 'Stigg', input: 'specs/a.json', output: 'out/stigg', templates: 'overrides' },
  { name: 'Other', input: 'specs/b.json', output: 'out/other' },
];

/** A project with two clients; the first has a `$ref`'d file and a template override. */
function project(): string {
  return fixtureDir({
    'specs/a.json': JSON.stringify(SPEC),
    'specs/shared.txt': 'shared v1\n',
    'specs/b.json': JSON.stringify({ title: 'Other', files: { 'src/index.ts': 'export {};\n' } }),
    'overrides/partials/jsdoc.hbs': '/** {{summary}} */\n',
    'apiforge.config.json': JSON.stringify({ clients: CLIENTS }),
  });
}

const v1 = (): string => '0.1.0 sha256:aaaa';

/** Runs `generate --client Stigg` and reports whether the pipeline ran. */
async function generate(
  dir: string,
  extra: string[] = [],
  version = v1,
): Promise<{ ranPipeline: boolean; code: number; stdout: string; stderr: string }> {
  const before = fakePipeline.calls;
  const r = await run(dir, ['generate', '--client', 'Stigg', ...extra], { apiforgeFingerprint: version });
  return { ...r, ranPipeline: fakePipeline.calls > before };
}

const edit = (dir: string, rel: string, f: (s: string) => string): void =>
  writeFileSync(path.join(dir, rel), f(readFileSync(path.join(dir, rel), 'utf8')));

describe('the no-op fast path', () => {
  it.each<[string, (dir: string) => void, { ranPipeline: boolean; version?: () => string; force?: boolean }]>([
    ['nothing changed', () => undefined, { ranPipeline: false }],
    [
      "another client's settings changed",
      (d) => edit(d, 'apiforge.config.json', (s) => s.replace('"out/other"', '"out/other2"')),
      { ranPipeline: false },
    ],
    [
      'the spec changed',
      (d) => edit(d, 'specs/a.json', (s) => s.replace('class Stigg', 'class Stigg2')),
      { ranPipeline: true },
    ],
    ["a $ref'd file changed", (d) => edit(d, 'specs/shared.txt', () => 'shared v2\n'), { ranPipeline: true }],
    [
      "the client's settings changed",
      (d) =>
        edit(d, 'apiforge.config.json', (s) => s.replace('"overrides"', '"overrides", "baseURL": "https://x.test"')),
      { ranPipeline: true },
    ],
    [
      'a template override changed',
      (d) => edit(d, 'overrides/partials/jsdoc.hbs', () => '/** {{summary}}. */\n'),
      { ranPipeline: true },
    ],
    [
      'a template override was added',
      (d) => writeFiles(d, { 'overrides/partials/member.hbs': '{{name}}\n' }),
      { ranPipeline: true },
    ],
    [
      'a prettier config appeared',
      (d) => writeFiles(d, { '.prettierrc': '{ "semi": false }\n' }),
      { ranPipeline: true },
    ],
    ['apiforge changed', () => undefined, { ranPipeline: true, version: () => '0.1.1 sha256:aaaa' }],
    ['--force', () => undefined, { ranPipeline: true, force: true }],
  ])('%s → pipeline runs: %s', async (_, change, want) => {
    const dir = project();
    expect((await generate(dir)).ranPipeline).toBe(true);
    change(dir);
    const second = await generate(dir, want.force ? ['--force'] : [], want.version ?? v1);
    expect(second.code).toBe(0);
    expect(second.ranPipeline).toBe(want.ranPipeline);
    expect(second.stdout).toMatch(
      want.ranPipeline
        ? /^✔ Stigg → out\/stigg \(2 files, /
        : /^✔ Stigg → out\/stigg is up to date \(2 files, inputs unchanged, /,
    );
    // Whatever ran, the inputs are recorded again: the run after it is a no-op.
    expect((await generate(dir, [], want.version ?? v1)).ranPipeline).toBe(false);
  });

  it('check takes it too, and fails without the pipeline when nothing changed but the output did', async () => {
    const dir = project();
    await generate(dir);
    const calls = fakePipeline.calls;
    expect(await run(dir, ['check', '--client', 'Stigg'], { apiforgeFingerprint: v1 })).toMatchObject({ code: 0 });
    expect(fakePipeline.calls).toBe(calls);
    edit(dir, 'out/stigg/src/client.ts', (s) => s + '// mine\n');
    const edited = await run(dir, ['check', '--client', 'Stigg'], { apiforgeFingerprint: v1 });
    expect(edited.code).toBe(1);
    expect(edited.stderr).toContain('  M src/client.ts (edited by hand)');
  });

  it.each([
    ['deleted', (file: string) => rmSync(file)],
    ['edited by hand', (file: string) => writeFileSync(file, '// mine\n')],
  ])('an output file %s makes check fail and generate repair it', async (_, spoil) => {
    const dir = project();
    await generate(dir);
    const file = path.join(dir, 'out/stigg/src/client.ts');
    const good = readFileSync(file, 'utf8');
    spoil(file);
    expect((await run(dir, ['check', '--client', 'Stigg'], { apiforgeFingerprint: v1 })).code).toBe(1);
    const repaired = await generate(dir);
    expect(repaired.ranPipeline).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(good);
    expect((await generate(dir)).ranPipeline).toBe(false);
  });

  it('a run that reported errors is not recorded, so the next run repeats it', async () => {
    const dir = project();
    edit(dir, 'specs/a.json', (s) =>
      JSON.stringify({ ...JSON.parse(s), warnings: [{ code: 'x', message: 'bad', severity: 'error' }] }),
    );
    expect((await generate(dir)).code).toBe(1);
    const again = await generate(dir);
    expect(again).toMatchObject({ ranPipeline: true, code: 1 });
  });

  it('never takes a URL spec', async () => {
    const dir = fixtureDir({});
    const r = await checkNoOp({ input: 'https://example.test/openapi.json', output: dir, configDir: dir }, v1());
    expect(r).toMatchObject({ hit: false, reason: 'the spec is a URL' });
  });

  it('does not record inputs that changed while the pipeline read them', () => {
    const rec = (files: Record<string, string>): InputsRecord => ({ hash: 'h', apiforge: 'a', config: 'c', files });
    expect(
      settledInputs(rec({ 'a.yaml': 'sha256:1' }), rec({ 'a.yaml': 'sha256:1', 'b.yaml': 'sha256:2' })),
    ).toBeDefined();
    expect(settledInputs(rec({ 'a.yaml': 'sha256:1' }), rec({ 'a.yaml': 'sha256:9' }))).toBeUndefined();
    expect(settledInputs(undefined, rec({}))).toBeDefined();
  });
});
