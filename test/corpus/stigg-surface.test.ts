import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpusFile } from '../helpers/corpus.js';
import { loadSpec, type LoadedSpec } from '../../generator/load/load-spec.js';
import { buildModel, type ModelOptions } from '../../generator/model/build-model.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const surfaceFile = corpusFile('stigg', 'official-sdk-surface.tsv');
const specFile = path.join(repoRoot, 'specs/stigg/openapi.yaml');
const configFile = path.join(repoRoot, 'specs/stigg/apiforge.config.json');

/** Call paths inference alone gets right today; raise it when inference improves, never lower it. */
const INFERENCE_BASELINE = 67;

interface Row {
  method: string;
  path: string;
  operationId: string;
  sdkCall: string;
}

function readSurface(): Row[] {
  const [header = '', ...lines] = readFileSync(surfaceFile, 'utf8').trim().split('\n');
  const cols = header.split('\t');
  const at = (name: string): number => cols.indexOf(name);
  return lines.map((line) => {
    const f = line.split('\t');
    return { method: f[at('method')] ?? '', path: f[at('path')] ?? '', operationId: f[at('operationId')] ?? '', sdkCall: f[at('sdk_call')] ?? '' };
  });
}

function calls(spec: LoadedSpec, options: ModelOptions): Map<string, string> {
  const model = buildModel(spec, options);
  return new Map(model.operations.map((o) => [o.id, `${o.resource.join('.')}.${o.methodName}`]));
}

describe('Stigg client surface', () => {
  let spec: LoadedSpec;
  let rows: Row[];
  beforeAll(async () => {
    spec = await loadSpec(specFile);
    rows = readSurface();
  });

  it('the official surface lists every operation of the spec', () => {
    expect(rows).toHaveLength(122);
    const model = buildModel(spec);
    expect(new Set(rows.map((r) => r.operationId))).toEqual(new Set(model.operations.map((o) => o.id)));
    for (const r of rows) expect(model.operations.find((o) => o.id === r.operationId), r.operationId).toMatchObject({ method: r.method.toLowerCase(), path: r.path });
  });

  it('with the shipped config, all 122 call paths equal the official SDK', () => {
    const config = JSON.parse(readFileSync(configFile, 'utf8')) as ModelOptions;
    const got = calls(spec, config);
    const mismatches = rows.filter((r) => got.get(r.operationId) !== r.sdkCall).map((r) => `${r.operationId}: ${got.get(r.operationId)} != ${r.sdkCall}`);
    expect(mismatches).toEqual([]);
  });

  it(`inference alone (no overrides) gets at least ${INFERENCE_BASELINE} of 122 right`, () => {
    const got = calls(spec, {});
    const right = rows.filter((r) => got.get(r.operationId) === r.sdkCall).length;
    expect(right).toBeGreaterThanOrEqual(INFERENCE_BASELINE);
  });
});
