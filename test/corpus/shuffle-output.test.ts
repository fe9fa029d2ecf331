import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateClient } from '../../generator/pipeline.js';
import { shuffleSpec } from '../helpers/shuffle.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'apiforge-shuffle-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('canonical output: shuffled map keys give byte-identical files', () => {
  it('Stigg, with its shipped config', async () => {
    const config = JSON.parse(readFileSync(path.join(repoRoot, 'specs/stigg/apiforge.config.json'), 'utf8')) as Record<string, unknown>;
    const original = parse(readFileSync(path.join(repoRoot, 'specs/stigg/openapi.yaml'), 'utf8')) as Record<string, unknown>;
    const shuffledPath = path.join(tmp, 'shuffled.json');
    writeFileSync(shuffledPath, JSON.stringify(shuffleSpec(original, 7)));
    const base = { ...config, output: path.join(tmp, 'out'), configDir: tmp } as const; // default formatting: the printer's layout, what users get
    const a = await generateClient({ ...base, input: path.join(repoRoot, 'specs/stigg/openapi.yaml') });
    const b = await generateClient({ ...base, input: shuffledPath });
    expect(b.files.map((f) => f.path)).toEqual(a.files.map((f) => f.path));
    for (const [i, f] of a.files.entries()) expect(b.files[i]?.content, f.path).toBe(f.content);
  }, 60_000);

  it('Stigg with tests: true (test files and the spec copy too)', async () => {
    const config = JSON.parse(readFileSync(path.join(repoRoot, 'specs/stigg/apiforge.config.json'), 'utf8')) as Record<string, unknown>;
    const original = parse(readFileSync(path.join(repoRoot, 'specs/stigg/openapi.yaml'), 'utf8')) as Record<string, unknown>;
    const shuffledPath = path.join(tmp, 'shuffled-tests.json');
    writeFileSync(shuffledPath, JSON.stringify(shuffleSpec(original, 11)));
    const base = { ...config, tests: true, output: path.join(tmp, 'out-tests'), configDir: tmp } as const;
    const a = await generateClient({ ...base, input: path.join(repoRoot, 'specs/stigg/openapi.yaml') });
    const b = await generateClient({ ...base, input: shuffledPath });
    expect(a.files.filter((f) => f.path.startsWith('tests/')).length).toBeGreaterThan(3);
    expect(b.files.map((f) => f.path)).toEqual(a.files.map((f) => f.path));
    for (const [i, f] of a.files.entries()) expect(b.files[i]?.content, f.path).toBe(f.content);
  }, 60_000);
});
