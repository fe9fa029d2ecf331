import { expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import { corpusFile } from '../helpers/corpus.js';

const separate = corpusFile('oai-v2.0-petstore-separate', 'spec/swagger.yaml');

// `definitions: { Pet: { $ref: Pet.yaml } }`: the bundler hoists the file as `pet`; the author's name must win.
it('components joined from other files keep the names the author gave them', async () => {
  const model = buildModel(await loadSpec(separate));
  const names = model.schemas.map((s) => s.typeName).sort();
  expect(names).toContain('Pet');
  expect(names).toContain('NewPet');
  expect(names.filter((n) => /\d$/.test(n))).toEqual([]);
  const pet = model.schemas.find((s) => s.typeName === 'Pet');
  expect(pet?.schema.kind).not.toBe('ref');
});
