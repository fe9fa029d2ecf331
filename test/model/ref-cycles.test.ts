import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import { generateClient } from '../../generator/pipeline.js';
import { repoRoot, tsc } from '../emit/helpers.js';
import { fixture } from '../load/helpers.js';

const SPEC = fixture('cycles/alias-cycle.yaml');

describe('$ref cycles', () => {
  it('a pure cycle of $refs is unknown, with one warning naming the cycle', async () => {
    const model = buildModel(await loadSpec(SPEC.file));
    expect(model.warnings.filter((w) => w.code === 'ref-cycle')).toEqual([
      {
        code: 'ref-cycle',
        severity: 'warning',
        message: '$ref cycle A -> B -> A never reaches a schema; typed as unknown',
        location: { file: SPEC.display, pointer: '#/components/schemas/A' },
      },
      {
        code: 'ref-cycle',
        severity: 'warning',
        message: '$ref cycle Self -> Self never reaches a schema; typed as unknown',
        location: { file: SPEC.display, pointer: '#/components/schemas/Self' },
      },
    ]);
    const kinds = Object.fromEntries(model.schemas.map((s) => [s.key, s.schema.kind]));
    expect(kinds).toEqual({ A: 'unknown', B: 'unknown', Self: 'unknown', C: 'ref', Tree: 'object', TreeRef: 'ref' });
  });

  it('the client type-checks, and recursive object types stay recursive', async () => {
    const dir = path.join(repoRoot, 'test/.tmp/ref-cycles', String(process.pid));
    await rm(dir, { recursive: true, force: true });
    const result = await generateClient({ input: SPEC.file, output: dir, configDir: repoRoot, prettier: false });
    for (const f of result.files) {
      await mkdir(path.dirname(path.join(dir, f.path)), { recursive: true });
      await writeFile(path.join(dir, f.path), f.content);
    }
    const tree = result.files.find((f) => f.path === 'src/models/Tree.ts')!.content;
    expect(tree).toMatch(/children: (Tree\[\]|Array<Tree>);/);
    await writeFile(
      path.join(dir, 'src/consumer.ts'),
      "import type { Tree } from './models/Tree.js';\nexport const t: Tree = { value: 'a', children: [{ children: [] }], parent: { children: [] } };\n",
    );
    expect((await tsc(path.join(dir, 'tsconfig.json'))).output).toBe('');
    await rm(dir, { recursive: true, force: true });
  }, 120_000);
});
