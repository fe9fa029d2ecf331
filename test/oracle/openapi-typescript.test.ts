/**
 * openapi-typescript as an oracle for our types: for every component schema of a few specs, the type we
 * generate and the one openapi-typescript generates must be assignable to each other (checked by tsc under the
 * output's own strict tsconfig). Two independent readings of the same schema that agree are good evidence that
 * both are right; where they disagree on purpose, the case is listed in EXCEPTIONS with the reason.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/load-spec.js';
import { generateClient } from '../../generator/pipeline.js';
import { corpusFile } from '../helpers/corpus.js';
import { repoRoot, tsc } from '../emit/helpers.js';

const SPECS: Array<[string, string]> = [
  ['petstore-expanded', corpusFile('oai-v3.0-petstore-expanded', 'petstore-expanded.yaml')],
  ['swagger-petstore-v3', corpusFile('swagger-petstore-v3', 'openapi.yaml')],
  ['ory-kratos', corpusFile('ory-kratos', 'api.json')],
  ['stigg', corpusFile('stigg', 'openapi.yaml')],
];

/**
 * Schemas a discriminator's mapping (or its `oneOf`) points at, with the discriminator property. openapi-typescript
 * narrows that property inside the member (`method: "password"`); we keep the member as written (`method: string`)
 * and narrow where the union is built (`UpdateLoginFlowWithPasswordMethod & { method: 'password' }`). Both are right;
 * these members are compared without the discriminator property (the unions themselves are compared whole).
 */
function discriminatedMembers(document: unknown): Map<string, string> {
  const members = new Map<string, string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const discriminator = record['discriminator'] as { propertyName?: string; mapping?: Record<string, string> } | undefined;
    if (discriminator?.propertyName) {
      const refs = [
        ...Object.values(discriminator.mapping ?? {}),
        ...((record['oneOf'] ?? record['anyOf'] ?? []) as Array<{ $ref?: string }>).map((m) => m.$ref ?? ''),
      ];
      for (const ref of refs) if (ref.startsWith('#/components/schemas/')) members.set(ref.slice(21), discriminator.propertyName);
    }
    Object.values(record).forEach(visit);
  };
  visit(document);
  return members;
}

const outRoot = path.join(repoRoot, 'test/.tmp/oracle', String(process.pid));
const checks: Array<{ spec: string; key: string; line: number }> = [];
let diagnostics = '';

beforeAll(async () => {
  rmSync(outRoot, { recursive: true, force: true });
  const lines = ['type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;'];
  for (const [name, file] of SPECS) {
    const dir = path.join(outRoot, name);
    const result = await generateClient({ input: file, output: dir, configDir: repoRoot, prettier: false });
    for (const f of result.files) {
      mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
      writeFileSync(path.join(dir, f.path), f.content);
    }
    // Two documented openapi-typescript defaults differ from our reading, so they are switched to it:
    // emptyObjectsUnknown: a bare `type: object` is an open object (`Record<string, unknown>`), not `Record<string, never>`;
    // defaultNonNullable off: a property with a `default` stays optional (a request may omit it), not required.
    const oracle = await openapiTS(new URL(`file://${file}`), { emptyObjectsUnknown: true, defaultNonNullable: false });
    writeFileSync(path.join(dir, 'oracle.ts'), astToString(oracle));
    const discriminated = discriminatedMembers((await loadSpec(file)).document);
    const alias = name.replace(/\W/g, '_');
    lines.push(`import type * as ${alias} from './${name}/src/index.js';`);
    lines.push(`import type { components as ${alias}_oracle } from './${name}/oracle.js';`);
    // Keys with `@` are enums we hoisted and shared between schemas: they are not components of the spec.
    for (const s of result.model.schemas.filter((schema) => !schema.key.includes('@'))) {
      checks.push({ spec: name, key: s.key, line: lines.length + 1 });
      const property = discriminated.get(s.key);
      const [ours, theirs] = [`${alias}.${s.typeName}`, `${alias}_oracle['schemas'][${JSON.stringify(s.key)}]`];
      const pair = property ? [`Omit<${ours}, '${property}'>`, `Omit<${theirs}, '${property}'>`] : [ours, theirs];
      lines.push(`export const c${checks.length}: Mutual<${pair.join(', ')}> = true;`);
    }
  }
  writeFileSync(path.join(outRoot, 'checks.ts'), `${lines.join('\n')}\n`);
  const options = JSON.parse(
    (await import('node:fs')).readFileSync(path.join(outRoot, SPECS[0]![0], 'tsconfig.json'), 'utf8'),
  ) as { compilerOptions: object };
  writeFileSync(path.join(outRoot, 'tsconfig.json'), JSON.stringify({ compilerOptions: options.compilerOptions, files: ['checks.ts'] }));
  diagnostics = (await tsc(path.join(outRoot, 'tsconfig.json'))).output;
}, 300_000);

afterAll(() => {
  if (!diagnostics.trim()) rmSync(outRoot, { recursive: true, force: true });
});

describe('openapi-typescript oracle: every component schema is mutually assignable', () => {
  it('checks every schema of every spec', () => {
    expect(checks.length).toBeGreaterThan(400);
  });

  it.each(SPECS.map(([name]) => name))('%s', (name) => {
    const failing = diagnostics
      .split('\n')
      .map((l) => /checks\.ts\((\d+),/.exec(l)?.[1])
      .filter((n): n is string => n !== undefined)
      .map((n) => checks.find((c) => c.line === Number(n)))
      .filter((c) => c?.spec === name)
      .map((c) => c!.key);
    expect(failing).toEqual([]);
    const other = diagnostics.split('\n').filter((l) => /error TS/.test(l) && !/checks\.ts\(\d+,/.test(l));
    expect(other).toEqual([]);
  });
});
