import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import { fixture, rejection } from './helpers.js';

const SCHEMA = (method: string, code: number) => `#/paths/~1pets/${method}/responses/${code}/content/application~1json/schema`;

describe('dangling $refs: every target once, with each use, then nothing is generated', () => {
  it('internal refs: one error per target, every use site, and a "did you mean"', async () => {
    const { file, display } = fixture('refs/dangling-many.yaml');
    const err = await rejection(loadSpec(file));
    expect(err.exitCode).toBe(1);
    expect(err.diagnostics.map((d) => [d.code, d.severity, d.message, d.location])).toEqual([
      [
        'dangling-ref',
        'error',
        '$ref "#/components/schemas/Pett" points to nothing (did you mean "#/components/schemas/Pet"?); ' +
          'also used at 18:21 (#/paths/~1pets/post/requestBody/content/application~1json/schema)',
        { file: display, line: 12, column: 23, pointer: SCHEMA('get', 200) },
      ],
      ['dangling-ref', 'error', '$ref "#/components/schemas/Owner" points to nothing', { file: display, line: 24, column: 23, pointer: SCHEMA('post', 201) }],
    ]);
    expect(err.message).toMatch(/ \(and 1 more error\)$/);
    expect(err.message).not.toContain('\n');
  });

  it('missing external files: all of them, with a close file name when there is one', async () => {
    const { file, display } = fixture('refs/missing-files/root.yaml');
    const sibling = (name: string): string => display.replace('root.yaml', name);
    const err = await rejection(loadSpec(file));
    expect(err.diagnostics.map((d) => [d.message, d.location?.line, d.location?.column])).toEqual([
      [`$ref "./pets.yaml" points to a file that does not exist: ${sibling('pets.yaml')} (did you mean "pet.yaml"?)`, 12, 23],
      [`$ref "./owners.yaml" points to a file that does not exist: ${sibling('owners.yaml')}`, 21, 23],
      [`$ref "./pet.yaml#/Missing" points to nothing in ${sibling('pet.yaml')}`, 26, 23],
    ]);
  });

  it.each([['refs/dangling-many.yaml', 2], ['refs/missing-files/root.yaml', 3]])(
    'allowUnresolvedRefs: %s loads with one warning per target and the refs typed unknown',
    async (rel, targets) => {
      const spec = await loadSpec(fixture(rel).file, { allowUnresolvedRefs: true });
      const dangling = spec.warnings.filter((w) => w.code === 'dangling-ref');
      expect(dangling).toHaveLength(targets);
      for (const w of dangling) {
        expect(w.severity).toBe('warning');
        expect(w.message).toMatch(/; typed as unknown \(allowUnresolvedRefs\)$/);
      }
      const model = buildModel(spec);
      expect(model.warnings.filter((w) => w.code === 'dangling-ref')).toEqual(dangling);
      const listPets = model.operations.find((o) => o.id === 'listPets');
      expect(listPets?.responses.find((r) => r.status === '200')?.content[0]?.schema).toMatchObject({ kind: 'unknown' });
    },
  );
});
