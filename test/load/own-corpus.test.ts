/**
 * The project's own small documents, one per rule: every valid one generates a client that
 * type-checks strictly with no errors, every invalid one fails with one clear, located line.
 */
import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/load-spec.js';
import { generateClient } from '../../generator/pipeline.js';
import { repoRoot, tsc } from '../emit/helpers.js';
import { discriminatorChecks } from '../helpers/discriminator-checks.js';
import { fixture, rejection } from './helpers.js';

const VALID = [
  'cycles/alias-cycle.yaml',
  'discriminators/chat.yaml',
  'parse/openapi-number-30.yaml',
  'parse/openapi-number-31.yaml',
  'parse/swagger-number.yaml',
  'schema-ids/dynamic.yaml',
  'schema-ids/ids.yaml',
  'structure/unknown-field.yaml',
  'structure/warnings.yaml',
  'swagger2-external/swagger.yaml',
];

const INVALID = [
  'bad/dangling-external/root.yaml',
  'bad/dangling-internal.yaml',
  'bad/malformed.json',
  'bad/malformed.yaml',
  'parse/bad-indent.yaml',
  'parse/comment.json',
  'parse/trailing-comma.json',
  'parse/unclosed-flow.yaml',
  'parse/unclosed-quote.yaml',
  'refs/dangling-many.yaml',
  'refs/missing-files/root.yaml',
  'schema-ids/null-ref.yaml',
  'structure/parameter-in.yaml',
  'structure/paths-list.yaml',
  'structure/server-no-url.yaml',
  'structure/servers-map.yaml',
  'structure/servers-string.yaml',
  'structure/swagger-type-invalid.yaml',
  'structure/type-invalid.yaml',
];

const outRoot = path.join(repoRoot, 'test/.tmp/own-corpus', String(process.pid));
const nameOf = (rel: string): string => rel.replace(/[/.]/g, '-');

describe('own corpus: valid documents generate strict-clean clients', () => {
  let output = '';
  beforeAll(async () => {
    await rm(outRoot, { recursive: true, force: true });
    for (const rel of VALID) {
      const dir = path.join(outRoot, nameOf(rel));
      const result = await generateClient({ input: fixture(rel).file, output: dir, configDir: repoRoot, prettier: false });
      expect(result.warnings.filter((w) => w.severity === 'error'), rel).toEqual([]);
      for (const f of result.files) {
        await mkdir(path.dirname(path.join(dir, f.path)), { recursive: true });
        await writeFile(path.join(dir, f.path), f.content);
      }
      await writeFile(path.join(dir, 'src/discriminators.check.ts'), discriminatorChecks(result.model).text);
    }
    const options = JSON.parse(readFileSync(path.join(outRoot, nameOf(VALID[0]!), 'tsconfig.json'), 'utf8')) as { compilerOptions: object };
    const combined = path.join(outRoot, 'tsconfig.json');
    await writeFile(combined, JSON.stringify({ compilerOptions: options.compilerOptions, include: VALID.map((rel) => `${nameOf(rel)}/src`) }));
    output = (await tsc(combined)).output;
  }, 240_000);

  afterAll(async () => {
    if (output === '') await rm(outRoot, { recursive: true, force: true });
  });

  it('tsc --strict reports nothing', () => {
    expect(output).toBe('');
  });
});

describe('own corpus: invalid documents fail with one located line', () => {
  it.each(INVALID)('%s', async (rel) => {
    const err = await rejection(loadSpec(fixture(rel).file));
    expect(err.exitCode).toBe(1);
    expect(err.message).not.toContain('\n');
    // Every message names the file and a line:column or a JSON pointer.
    expect(err.message).toMatch(/^[^:]+\.(ya?ml|json):\d+:\d+[ :]|\(#\//);
  });
});
