/**
 * The `format` option: the printer's layout by default (no formatter pass),
 * prettier with the user's own config on request, the raw printer output
 * with `false`; and the `--format` flag.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../generator/cli/main.js';
import { formatMode, tidyFiles, type FormatMode } from '../../generator/emit/format-mode.js';
import { generateClient } from '../../generator/pipeline.js';
import { fixtureDir } from '../templates/helpers.js';
import { repoRoot } from './helpers.js';

const SPEC = `openapi: 3.1.0
info: { title: Tiny, version: '1' }
paths:
  /pets/{id}:
    get:
      operationId: getPet
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                required: [name]
                properties:
                  name: { type: string }
                  status: { type: string, enum: [available, sold] }
`;

describe('formatMode', () => {
  it.each<[string, Parameters<typeof formatMode>[0], FormatMode]>([
    ['nothing set: the printer', {}, 'printer'],
    ['format: true', { format: true }, 'printer'],
    ["format: 'prettier'", { format: 'prettier' }, 'prettier'],
    ['format: false', { format: false }, 'none'],
    ['deprecated prettier: true', { prettier: true }, 'prettier'],
    ['deprecated prettier: false', { prettier: false }, 'none'],
    ['format wins over prettier', { format: true, prettier: false }, 'printer'],
  ])('%s', (_, settings, expected) => {
    expect(formatMode(settings)).toBe(expected);
  });
});

describe('tidyFiles', () => {
  /** The pass as its rule reads: trailing blanks, then runs of blank lines, then one final newline. */
  const byRule = (text: string): string =>
    `${text
      .replace(/[ \t]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/\n*$/, '')}\n`;
  it.each([
    ['tidy already', 'a;\n\nb;\n'],
    ['no final newline', 'a;'],
    ['empty', ''],
    ['only newlines', '\n\n\n'],
    ['trailing blanks mid-file and at the end', 'a; \t\n  \nb;\t'],
    ['blank-only lines between blank lines', 'a;\n \n\t\n\nb;\n\n\n'],
    ['blanks before a carriage return or a line separator', 'a; \r\nb;\t\u2028c; \u2029d;\r\n'],
  ])('%s: as the rule says', (_, text) => {
    expect(tidyFiles([{ path: 'x.ts', content: text }])[0]!.content).toBe(byRule(text));
  });

  it('leaves files other than TypeScript alone', () => {
    expect(tidyFiles([{ path: 'README.md', content: 'a  \n\n\n' }])[0]!.content).toBe('a  \n\n\n');
  });
});

describe('format modes end to end', () => {
  const dir = fixtureDir({
    'tiny.yaml': SPEC,
    'out/.prettierrc.json': JSON.stringify({ semi: false, singleQuote: false, printWidth: 80 }),
  });
  const run = (format: boolean | 'prettier' | undefined) =>
    generateClient({
      input: path.join(dir, 'tiny.yaml'),
      output: path.join(dir, 'out'),
      configDir: dir,
      name: 'Tiny',
      ...(format !== undefined ? { format } : {}),
    });
  const file = (files: Array<{ path: string; content: string }>, p: string): string =>
    files.find((f) => f.path === p)!.content;

  it('default: the printer layout, tidied, with no formatter (the user prettier config is not read)', async () => {
    const { files } = await run(undefined);
    const resource = file(files, 'src/resources/pets.ts');
    expect(resource).toContain("  status?: 'available' | 'sold';\n");
    expect(resource).toContain(
      "const retrieveSpec: OperationSpec = { method: 'get', path: '/pets/{id}', pathParams: ['id'] };\n",
    );
    expect(resource).not.toMatch(/[ \t]$/m);
    expect(resource.endsWith('}\n')).toBe(true);
  });

  it("'prettier': formats with the user's own prettier config", async () => {
    const { files } = await run('prettier');
    const resource = file(files, 'src/resources/pets.ts');
    expect(resource).toContain('  status?: "available" | "sold"\n');
    expect(resource).not.toMatch(/;\n/);
  });

  it('false: the printer output as emitted; the default only tidies it', async () => {
    const { files } = await run(false);
    const resource = file(files, 'src/resources/pets.ts');
    expect(tidyFiles([{ path: 'x.ts', content: resource }])[0]!.content).toBe(
      file((await run(undefined)).files, 'src/resources/pets.ts'),
    );
  });

  it('--format on the command line', async () => {
    const cwd = fixtureDir({ 'tiny.yaml': SPEC, 'out/.prettierrc.json': JSON.stringify({ semi: false }) });
    let err = '';
    const io = { cwd, env: {}, stdout: { write: () => undefined }, stderr: { write: (s: string) => void (err += s) } };
    expect(await main(['generate', 'tiny.yaml', '-o', 'out', '--name', 'Tiny', '--format', 'prettier', '-q'], io)).toBe(
      0,
    );
    expect(readFileSync(path.join(cwd, 'out/src/resources/pets.ts'), 'utf8')).not.toMatch(/;\n/);
    expect(await main(['generate', 'tiny.yaml', '-o', 'out', '--name', 'Tiny', '--format', 'default', '-q'], io)).toBe(
      0,
    );
    expect(readFileSync(path.join(cwd, 'out/src/resources/pets.ts'), 'utf8')).toMatch(/;\n/);
    expect(await main(['generate', 'tiny.yaml', '-o', 'out', '--format', 'pretty'], io)).toBe(2);
    expect(err).toContain('--format must be one of default, prettier, none; got "pretty"');
  }, 30_000);

  it('the committed Stigg client is written in the default format', () => {
    const config = JSON.parse(readFileSync(path.join(repoRoot, 'specs/stigg/apiforge.config.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(config['format']).toBeUndefined();
    expect(config['prettier']).toBeUndefined();
  });
});

describe('long client calls', () => {
  const LONG = 'OrganizationProgrammaticAccessGrantRequestWithAVeryLongName';
  const spec = `openapi: 3.0.3
info: { title: Tiny, version: '1' }
paths:
  /organizations/{org}/personal-access-token-requests:
    get:
      operationId: listRequests
      parameters:
        - { name: org, in: path, required: true, schema: { type: string } }
        - { name: cursor, in: query, schema: { type: string } }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  data: { type: array, items: { $ref: '#/components/schemas/${LONG}' } }
                  next_cursor: { type: string, nullable: true }
components:
  schemas:
    ${LONG}: { type: object, properties: { id: { type: string } } }
`;

  it('break their type arguments one per line (no trailing comma: TypeScript allows none there) past 120 columns', async () => {
    const dir = fixtureDir({ 'tiny.yaml': spec });
    const { files } = await generateClient({
      input: path.join(dir, 'tiny.yaml'),
      output: path.join(dir, 'out'),
      configDir: dir,
      name: 'Tiny',
    });
    const resource = files.find((f) => f.path.startsWith('src/resources/'))!.content;
    expect(resource).toMatch(new RegExp(`_requestPage<\\n      ${LONG},\\n      \\w+\\n    >\\(\\n`));
    // Generic type arguments in declarations are not broken yet; the client call's are.
    const callLines = resource.slice(resource.indexOf('return this._client'));
    expect(callLines.split('\n').filter((line) => line.length > 120)).toEqual([]);
  });
});
