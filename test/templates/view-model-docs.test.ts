import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs tool without type declarations
import { renderViewModelDocs } from '../../tools/view-model-docs.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

it('docs/view-model.md is generated from the current view-model JSDoc', () => {
  const committed = readFileSync(path.join(repoRoot, 'docs/view-model.md'), 'utf8');
  expect(committed, 'run `node tools/view-model-docs.mjs`').toBe((renderViewModelDocs as () => string)());
});
