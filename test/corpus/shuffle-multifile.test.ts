import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import { findCorpusFile, corpusFile } from '../helpers/corpus.js';
import { shuffleSpec } from '../helpers/shuffle.js';

/** DigitalOcean (2,900 files) when `../shared` has it; else the vendored multi-file Petstore (spec/ + common/). */
const digitalocean = findCorpusFile('digitalocean', 'specification/DigitalOcean-public.v2.yaml');
const [name, root] = digitalocean
  ? ['DigitalOcean', digitalocean]
  : ['the multi-file Petstore', corpusFile('oai-v2.0-petstore-separate', 'spec/swagger.yaml')];
/** The folder copied: the root's parent for DigitalOcean, the spec's folder with its siblings (common/) otherwise. */
const source = digitalocean ? path.dirname(root) : path.dirname(path.dirname(root));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'apiforge-multifile-shuffle-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// The bundler names schemas hoisted from other files in the order it meets them; with the root's
// keys shuffled, DigitalOcean's colliding `nfs_action` schemas used to swap names.
it(`a multi-file spec (${name}) gives the same model when its root keys are shuffled`, async () => {
  const dir = path.join(tmp, 'copy');
  cpSync(source, dir, { recursive: true });
  const copied = path.join(dir, path.relative(source, root));
  const shuffled = path.join(path.dirname(copied), 'shuffled.yaml');
  writeFileSync(shuffled, stringify(shuffleSpec(parse(readFileSync(copied, 'utf8')) as Record<string, unknown>, 11)));
  const a = buildModel(await loadSpec(copied));
  const b = buildModel(await loadSpec(shuffled));
  expect(a.schemas.length).toBeGreaterThan(1);
  expect(b.schemas.map((s) => [s.key, s.typeName])).toEqual(a.schemas.map((s) => [s.key, s.typeName]));
  expect(JSON.stringify(b.schemas)).toBe(JSON.stringify(a.schemas));
  expect(JSON.stringify(b.operations)).toBe(JSON.stringify(a.operations));
}, 60_000);
