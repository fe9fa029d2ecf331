import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { readSpec } from '../../generator/load/read-spec.js';
import { pureRefCycles } from '../../generator/load/ref-cycles.js';
import { validateDocument } from '../../generator/load/validate.js';
import { MUTATIONS, baseDocument, type Family } from './struct-mutations.js';
import { quickSees, redoclySees } from './struct-differential.js';

const repo = path.resolve(import.meta.dirname, '../..');
const SPEC_DIRS = ['test/fixtures', 'test/corpus', 'specs', '../shared/specs'].map((d) => path.resolve(repo, d));

/** A top-level `openapi`/`swagger` key, in YAML or in (indented) JSON. */
const ROOT_KEY = /^(openapi|swagger):|^\s{0,2}"(openapi|swagger)"\s*:/m;

/** Files whose top level names an OpenAPI or Swagger version: the root documents of the repo's specs. */
function rootDocuments(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (name === 'node_modules') continue;
    if (statSync(file).isDirectory()) out.push(...rootDocuments(file));
    else if (/\.(ya?ml|json)$/.test(name) && ROOT_KEY.test(readFileSync(file, 'utf8'))) out.push(file);
  }
  return out;
}

/** What the quick check leaves to Redocly: a `$ref` that is not a local pointer, an anchor, a pure `$ref` cycle. */
function handsOver(text: string, parsed: unknown): boolean {
  return /\$ref["']?\s*:\s*["']?(?!#\/)|\$anchor/.test(text) || pureRefCycles(parsed).length > 0;
}

describe('the quick structural check finds what Redocly finds, in the same order', () => {
  const files = SPEC_DIRS.flatMap(rootDocuments);

  it.each(files.map((f) => [path.relative(repo, f), f]))('%s', async (_, file) => {
    let read;
    try {
      read = await readSpec(file, false);
    } catch {
      return; // Fixtures that do not parse never reach the check.
    }
    const { ref, text, parsed } = read.job;
    const quick = await quickSees(parsed);
    const redocly = await redoclySees(ref, text, parsed);
    if (quick === 'needs Redocly') {
      // Only what it does not reproduce goes to Redocly: another file, an anchor, a `$ref` cycle.
      expect(handsOver(text, parsed), 'handed over to Redocly without a reason').toBe(true);
      return;
    }
    expect(quick).toEqual(redocly);
  });
});

describe('mutated documents: the same diagnostics as with Redocly, line:column included', () => {
  const cases = MUTATIONS.flatMap((m) => m.families.map((family) => [`${family}: ${m.name}`, family, m] as const));

  it.each(cases)('%s', async (_, family: Family, mutation) => {
    const doc = baseDocument(family);
    mutation.apply(doc);
    const text = mutation.json ? JSON.stringify(doc, null, 2) : jsYaml.dump(doc, { noRefs: true });
    const parsed = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA, json: true });
    const ref = path.join(os.tmpdir(), 'apiforge-struct-check', mutation.json ? 'api.json' : 'api.yaml');
    const quick = await quickSees(parsed);
    const redocly = await redoclySees(ref, text, parsed);
    if (mutation.handedOver) {
      expect(quick).toBe('needs Redocly');
    } else {
      expect(quick).toEqual(redocly);
      if (typeof redocly !== 'string') expect(redocly.length).toBeGreaterThan(0);
    }
    if (typeof redocly === 'string') return;
    const input = { ref, text, parsed, allowUnresolvedRefs: false };
    expect(await validateDocument(input)).toEqual(await validateDocument(input, { redoclyOnly: true }));
  });
});
