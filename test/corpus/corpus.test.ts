import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { corpusFile, corpusFolders, corpusRoots } from '../helpers/corpus.js';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Counts the corpus states; checked against the independent count too. */
const EXPECTED_OPS: Record<string, number> = { 'stigg/openapi.yaml': 122, 'github/api.github.com.json': 1223 };
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];


function readRaw(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  return /\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text, { maxAliasCount: -1, uniqueKeys: false });
}

/** Independent count: HTTP-method keys under `paths`, following path-item `$ref`s into other files. */
function countRawOperations(rootFile: string): number {
  const doc = readRaw(rootFile) as { paths?: Record<string, Record<string, unknown>> };
  let count = 0;
  for (const item of Object.values(doc.paths ?? {})) {
    let resolved: Record<string, unknown> = item;
    let from = rootFile;
    for (let hops = 0; typeof resolved['$ref'] === 'string' && hops < 10; hops++) {
      const [fileRef = '', pointer = ''] = String(resolved['$ref']).split('#');
      const target = fileRef ? path.resolve(path.dirname(from), fileRef) : from;
      let node = readRaw(target) as Record<string, unknown>;
      for (const seg of pointer.split('/').filter(Boolean)) node = node[seg.replace(/~1/g, '/').replace(/~0/g, '~')] as Record<string, unknown>;
      resolved = node;
      from = target;
    }
    count += METHODS.filter((m) => resolved[m] !== null && typeof resolved[m] === 'object').length;
  }
  return count;
}

const folders = corpusFolders();
const rootsByFolder = new Map(folders.map((f) => [f, corpusRoots(f)]));
const cases = folders.flatMap((folder) => (rootsByFolder.get(folder) ?? []).map((root) => `${folder}/${root}`));

describe('corpus: test/corpus/specs and ../shared/specs', () => {
  it('has a root document in every folder', () => {
    for (const folder of folders) expect(rootsByFolder.get(folder), folder).not.toEqual([]);
  });

  it.each(cases)('%s loads, builds a model without errors, and counts every operation', { timeout: 60_000 }, async (rel) => {
    const [folder = '', ...root] = rel.split('/');
    const file = corpusFile(folder, root.join('/'));
    const spec = await loadSpec(file);
    const model = buildModel(spec);
    const errors = model.warnings.filter((w) => w.severity === 'error');
    expect(errors).toEqual([]);
    const raw = countRawOperations(file);
    expect(model.operations.length).toBe(raw);
    if (EXPECTED_OPS[rel] !== undefined) expect(raw).toBe(EXPECTED_OPS[rel]);
    // Every operation is reachable in the tree under a unique call path.
    const calls = model.operations.map((o) => `${o.resource.join('.')}.${o.methodName}`);
    expect(new Set(calls).size).toBe(calls.length);
    expect(new Set(model.schemas.map((s) => s.typeName.toLowerCase())).size).toBe(model.schemas.length);
  });

  it.each(folders.filter((f) => rootsByFolder.get(f)?.length === 2))('%s: YAML and JSON give one model', async (folder) => {
    const [a = '', b = ''] = (rootsByFolder.get(folder) ?? []).map((r) => corpusFile(folder, r));
    // Prose may differ between the two upstream files (oai-v2.0-petstore: "An paged array" vs "A paged array").
    const strip = (m: ReturnType<typeof buildModel>) =>
      JSON.stringify({ ...m, warnings: m.warnings.map((w) => ({ ...w, location: { ...w.location, file: '' } })) }, (k, v: unknown) => (k === 'description' ? undefined : v));
    const ma = buildModel({ ...(await loadSpec(a)), display: 'x' });
    const mb = buildModel({ ...(await loadSpec(b)), display: 'x' });
    expect(strip(mb)).toBe(strip(ma));
  });
});
