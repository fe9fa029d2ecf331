import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitClient } from '../../generator/emit/emit-client.js';
import { renameIdentifiers } from '../../generator/emit/runtime-files.js';
import { createTemplateEngine } from '../../generator/emit/template-engine.js';
import { VIEW_MODEL_VERSION } from '../../generator/emit/view-model.js';
import { buildModel } from '../../generator/model/build-model.js';
import { docOf, repoRoot, specFrom } from '../emit/helpers.js';
import { catchError, fixtureDir } from './helpers.js';

const builtinDir = path.join(repoRoot, 'templates');
const runtimeDir = path.join(repoRoot, 'runtime/src');
const MANIFEST = { 'apiforge-templates.json': JSON.stringify({ contract: VIEW_MODEL_VERSION }) };

function emitWith(overrideDir?: string): Map<string, string> {
  const engine = createTemplateEngine({ builtinDir, runtimeDir, contractVersion: VIEW_MODEL_VERSION, ...(overrideDir ? { overrideDir } : {}) });
  const model = buildModel(specFrom(docOf({ Pet: { type: 'object' } })), { name: 'Acme' });
  const files = emitClient(model, { name: 'Acme', input: 'spec.yaml', output: 'out' }, engine);
  return new Map(files.map((f) => [f.path, f.content]));
}

describe('renameIdentifiers', () => {
  const renames = { ClientError: 'AcmeError' };
  it.each([
    ['class declaration and extends', 'export class ClientError extends Error {}\nclass X extends ClientError {}', 'export class AcmeError extends Error {}\nclass X extends AcmeError {}'],
    ['import and export specifiers', "import { ClientError, APIError } from './error.js';\nexport { ClientError };", "import { AcmeError, APIError } from './error.js';\nexport { AcmeError };"],
    ['new inside a template literal', 'const e = `${new ClientError(`a ${ClientError.name}`)}`;', 'const e = `${new AcmeError(`a ${AcmeError.name}`)}`;'],
    ['namespace member access', 'const C = Errors.ClientError;', 'const C = Errors.AcmeError;'],
    ['strings and comments stay', "// ClientError\nconst s = 'ClientError'; const t = `ClientError`;", "// ClientError\nconst s = 'ClientError'; const t = `ClientError`;"],
    ['longer identifiers stay', 'type ClientErrors = ClientErrorLike;', 'type ClientErrors = ClientErrorLike;'],
  ])('%s', (_name, input, expected) => {
    expect(renameIdentifiers(input, renames)).toBe(expected);
  });
});

describe('runtime files in a generated client', () => {
  it('are the runtime sources with the error base class renamed, and nothing else changed', () => {
    const files = emitWith();
    const source = readFileSync(path.join(runtimeDir, 'core/error.ts'), 'utf8');
    const emitted = files.get('src/core/error.ts')!;
    expect(emitted).toContain('export class AcmeError extends Error');
    expect(emitted).not.toMatch(/\bClientError\b/);
    expect(emitted.slice(emitted.indexOf('/**'))).toBe(source.replace(/\bClientError\b/g, 'AcmeError'));
    const runtime = [...files].filter(([file]) => /^src\/(core|internal)\//.test(file) && file !== 'src/core/contract.ts');
    expect(runtime.length).toBeGreaterThan(15);
    for (const [file, text] of runtime) expect(text, file).not.toMatch(/\bClientError\b/);
  });

  it('take a whole-file TypeScript override by name, renamed like the built-in', () => {
    const dir = fixtureDir({ ...MANIFEST, 'runtime/core/resource.ts': "import { ClientError } from './error.js';\nexport abstract class APIResource { static E = ClientError; }\n" });
    const files = emitWith(dir);
    expect(files.get('src/core/resource.ts')).toContain("import { AcmeError } from './error.js';\nexport abstract class APIResource { static E = AcmeError; }\n");
  });

  it('still render a handlebars runtime override (runtime/core/resource.ts.hbs) with the client name', () => {
    const dir = fixtureDir({ ...MANIFEST, 'runtime/core/resource.ts.hbs': 'export abstract class APIResource { name = "{{clientName}}"; }\n' });
    expect(emitWith(dir).get('src/core/resource.ts')).toContain('export abstract class APIResource { name = "Acme"; }\n');
  });

  it('reject an override that matches no runtime file, naming the closest', () => {
    const dir = fixtureDir({ ...MANIFEST, 'runtime/core/resorce.ts': 'export {};\n' });
    const err = catchError(() => createTemplateEngine({ builtinDir, runtimeDir, overrideDir: dir, contractVersion: VIEW_MODEL_VERSION }));
    expect(err.message).toContain('override "runtime/core/resorce.ts" matches no built-in template (closest: "runtime/core/resource.ts"); rename it or remove it');
  });
});
