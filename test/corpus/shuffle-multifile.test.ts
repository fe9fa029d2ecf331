import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import { corpusDir } from '../helpers/corpus.js';
import { shuffleSpec } from '../helpers/shuffle.js';

const source = path.join(corpusDir, 'digitalocean/specification');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'apiforge-do-shuffle-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// The bundler names schemas hoisted from other files in the order it meets them; with the root's
// keys shuffled, DigitalOcean's colliding `nfs_action` schemas used to swap names.
it.runIf(existsSync(source))('a multi-file spec (DigitalOcean) gives the same model when its root keys are shuffled', async () => {
  const dir = path.join(tmp, 'specification');
  cpSync(source, dir, { recursive: true });
  const root = path.join(dir, 'DigitalOcean-public.v2.yaml');
  const shuffled = path.join(dir, 'shuffled.yaml');
  writeFileSync(shuffled, stringify(shuffleSpec(parse(readFileSync(root, 'utf8')) as Record<string, unknown>, 11)));
  const a = buildModel(await loadSpec(root));
  const b = buildModel(await loadSpec(shuffled));
  expect(b.schemas.map((s) => [s.key, s.typeName])).toEqual(a.schemas.map((s) => [s.key, s.typeName]));
  expect(JSON.stringify(b.schemas)).toBe(JSON.stringify(a.schemas));
  expect(JSON.stringify(b.operations)).toBe(JSON.stringify(a.operations));
}, 60_000);
