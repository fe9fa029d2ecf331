import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renameIdentifiers } from '../../generator/emit/runtime-files.js';
import {
  computeRuntimeSpans,
  identifierSpans,
  recordedSpans,
  RENAMED_IDENTIFIERS,
  spliceIdentifiers,
} from '../../generator/emit/runtime-spans.js';
import { listRuntimeFiles } from '../../generator/emit/template-engine.js';
import { repoRoot } from '../emit/helpers.js';

const runtime = listRuntimeFiles(path.join(repoRoot, 'runtime/src'));
const renames = { ClientError: 'AcmeError' };

describe('runtime identifier spans', () => {
  it('the build recorded the spans the parser finds in every runtime file today', () => {
    // `npm test` builds dist/ first; a stale record would make generate fall back to parsing, silently slower.
    const file = path.join(repoRoot, 'dist/runtime-spans.json');
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(computeRuntimeSpans(runtime));
    for (const [name, abs] of runtime) expect(recordedSpans(name, readFileSync(abs, 'utf8')), name).toBeDefined();
  });

  it('splicing at the recorded spans gives what the parsed rename gives, for every runtime file', () => {
    expect(RENAMED_IDENTIFIERS).toEqual(Object.keys(renames));
    let renamed = 0;
    for (const [name, abs] of runtime) {
      const text = readFileSync(abs, 'utf8');
      const spliced = spliceIdentifiers(text, recordedSpans(name, text)!, renames);
      expect(spliced, name).toBe(renameIdentifiers(text, renames, name));
      if (spliced !== text) renamed++;
    }
    expect(renamed).toBeGreaterThan(3);
  });

  it('text the spans were not computed on (an edited file, an override) gets none', () => {
    const [name, abs] = [...runtime].find(([, f]) => readFileSync(f, 'utf8').includes('ClientError'))!;
    expect(recordedSpans(name, `${readFileSync(abs, 'utf8')}\n// edited\n`)).toBeUndefined();
    expect(recordedSpans('runtime/core/not-a-file.ts', 'export {};')).toBeUndefined();
  });

  it('spans are identifiers only, in any order of names', () => {
    const source = "class ClientError {}\nconst s = 'ClientError'; // ClientError\nnew ClientError(); type X = Foo;";
    const spans = identifierSpans(source, ['Foo', 'ClientError']);
    expect(spans).toEqual({
      ClientError: [
        [6, 17],
        [65, 76],
      ],
      Foo: [[89, 92]],
    });
    expect(spliceIdentifiers(source, spans, { Foo: 'Bar', ClientError: 'E' })).toBe(
      "class E {}\nconst s = 'ClientError'; // ClientError\nnew E(); type X = Bar;",
    );
  });
});
