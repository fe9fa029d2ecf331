import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../generator/cli/main.js';
import { VIEW_MODEL_VERSION } from '../../generator/emit/view-model.js';
import { fixtureDir } from '../templates/helpers.js';

// The built CLI reads, checks and prints in worker threads; the sources (as run here) do all of it in this
// thread, in the order the pipeline defines. Both must print the same lines, exit the same way and write the
// same files. `npm test` builds dist/ first.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/apiforge.js');

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function built(argv: string[]): Outcome {
  const r = spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function inThread(argv: string[]): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    env: {},
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

/** Every file under `dir` but the manifest (it hashes apiforge's code, which differs between build and sources). */
function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === '.apiforge-manifest.json') continue;
    const file = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, file), readFileSync(file, 'utf8'));
  }
  return out;
}

/** Runs both ways on the same files (outputs in sibling folders named alike, so labels match). */
async function both(files: Record<string, string>, args: (dir: string) => string[]) {
  const dir = fixtureDir(files, 'apiforge-workers-');
  const [a, b] = [path.join(dir, 'a', 'out'), path.join(dir, 'b', 'out')];
  const fromBuild = built(['generate', ...args(dir), '--output', a]);
  const fromSources = await inThread(['generate', ...args(dir), '--output', b]);
  return { fromBuild, fromSources, built: tree(a), sources: tree(b) };
}

const OP = `      operationId: listPets
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Pet' }`;
const PET = `components:
  schemas:
    Pet: { type: object, properties: { name: { type: string } } }`;

/** A one-operation spec: `version` and `extra` (lines of the GET operation) vary, `op` rewrites the operation. */
const pets = (version = '3.0.3', extra = '', op = (text: string) => text): string =>
  `openapi: ${version}\ninfo: { title: Pets, version: '1' }\npaths:\n  /pets:\n    get:\n${extra}${op(OP)}\n${PET}\n`;

const SPECS: Record<string, string> = {
  'a dangling $ref': pets('3.0.3', '', (op) => op.replace("Pet'", "Pett'")),
  'several structural errors and warnings': `openapi: 3.0.3
info: { title: Pets, version: '1' }
servers:
  - description: no url
paths:
  /pets:
    get:
      parameters:
        - name: limit
          in: cookiejar
          schema: { type: integer }
      color: blue
${OP}
${PET}
`,
  'an external $ref to a missing file': pets('3.0.3', '', (op) =>
    op.replace("'#/components/schemas/Pet'", "'./missing.yaml#/Pet'"),
  ),
  'invalid YAML': `openapi: 3.0.3\ninfo: { title: "Pets, version: '1' }\npaths: {}\n`,
  'a version that is not OpenAPI': `openapi: 4.0.0\ninfo: { title: Pets, version: '1' }\npaths: {}\n`,
};

describe('the built CLI (worker threads) and the sources (one thread) agree', () => {
  it.each(Object.keys(SPECS))(
    '%s: same messages, same exit code, nothing written',
    async (name) => {
      const run = await both({ 'spec.yaml': SPECS[name]! }, (dir) => [path.join(dir, 'spec.yaml')]);
      expect(run.fromSources.code).toBe(1);
      expect(run.fromBuild).toEqual(run.fromSources);
      expect(run.built.size).toBe(0);
    },
    60_000,
  );

  it('warnings (a numeric version, an unknown field) and the files', async () => {
    const spec = pets('3.1', '      color: blue\n');
    const run = await both({ 'spec.yaml': spec }, (dir) => [path.join(dir, 'spec.yaml'), '-q']);
    expect(run.fromSources.code).toBe(0);
    expect(run.fromSources.stderr).toMatch(/numeric|number/);
    expect(run.fromBuild).toEqual(run.fromSources);
    expect(run.built.size).toBeGreaterThan(10);
    expect(run.built).toEqual(run.sources);
  }, 60_000);

  it('Swagger 2.0 (converted after the check) and a types-only package', async () => {
    const spec = `swagger: '2.0'
info: { title: Pets, version: '1' }
paths:
  /pets:
    post:
      operationId: addPet
      consumes: [multipart/form-data]
      parameters:
        - { name: file, in: formData, type: file }
      responses:
        '200': { description: ok, schema: { $ref: '#/definitions/Pet' } }
definitions:
  Pet: { type: object, properties: { name: { type: string } } }
`;
    for (const extra of [[], ['--emit', 'types']]) {
      const run = await both({ 'spec.yaml': spec }, (dir) => [path.join(dir, 'spec.yaml'), '-q', ...extra]);
      expect(run.fromSources.code).toBe(0);
      expect(run.fromBuild).toEqual(run.fromSources);
      expect(run.built).toEqual(run.sources);
    }
  }, 60_000);

  it('a broken template override ends the run with its error', async () => {
    const files = {
      'spec.yaml': SPECS['a dangling $ref']!,
      'tpl/apiforge-templates.json': JSON.stringify({ contract: VIEW_MODEL_VERSION }),
      'tpl/partials/constant.hbs': '{{#if}}',
    };
    const run = await both(files, (dir) => [path.join(dir, 'spec.yaml'), '--templates', path.join(dir, 'tpl')]);
    expect(run.fromSources.code).toBe(1);
    expect(run.fromSources.stderr).toContain('constant.hbs');
    expect(run.fromBuild).toEqual(run.fromSources);
  }, 60_000);

  it("Stigg's client: the same files", async () => {
    const config = path.join(root, 'specs/stigg/apiforge.config.json');
    const run = await both({}, () => ['--config', config, '-q']);
    expect(run.fromBuild).toEqual(run.fromSources);
    expect(run.built.size).toBeGreaterThan(200);
    expect(run.built).toEqual(run.sources);
  }, 120_000);
});
