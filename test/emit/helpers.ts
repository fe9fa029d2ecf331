import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { emitClient } from '../../generator/emit/emit-client.js';
import { DEFAULT_PRETTIER, formatInProcess } from '../../generator/emit/format.js';
import { createTemplateEngine } from '../../generator/emit/template-engine.js';
import { tidyFiles } from '../../generator/emit/format-mode.js';
import { hasDirectionalMembers, typeView, type TypeMode, type TypeScope } from '../../generator/emit/type-expr.js';
import { VIEW_MODEL_VERSION } from '../../generator/emit/view-model.js';
import type { LoadedSpec, SpecVersion } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import type { ApiModel, NamedSchema } from '../../generator/model/types.js';
import type { GeneratedFile } from '../../generator/write/types.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const TSC = path.join(repoRoot, 'node_modules/.bin/tsc');

/** A LoadedSpec around an in-memory document, as `loadSpec` would return it. */
export function specFrom(document: Record<string, unknown>): LoadedSpec {
  const declared = String(document['openapi'] ?? '3.1.0');
  const family = (declared.startsWith('3.1') ? '3.1' : declared.startsWith('3.2') ? '3.2' : '3.0') as SpecVersion;
  return { document, sourceVersion: family, declaredVersion: declared, display: 'spec.yaml', sourceFiles: [], warnings: [] };
}

/** A document holding these component schemas (and optionally paths). */
export function docOf(schemas: Record<string, unknown>, openapi = '3.1.0', paths: Record<string, unknown> = {}): Record<string, unknown> {
  return { openapi, info: { title: 'Test', version: '1' }, paths, components: { schemas } };
}

export function modelOf(schemas: Record<string, unknown>, openapi = '3.1.0'): ApiModel {
  return buildModel(specFrom(docOf(schemas, openapi)), { name: 'Test' });
}

/** The scope `emitClient` uses: component type names, with the `Input` variant in request mode when one exists. */
export function scopeOf(model: ApiModel): TypeScope & { used: Set<string> } {
  const byKey = new Map<string, NamedSchema>(model.schemas.map((s) => [s.key, s]));
  const used = new Set<string>();
  return {
    used,
    nameOf(key: string, mode: TypeMode): string {
      const named = byKey.get(key);
      if (!named) return 'unknown';
      return mode === 'request' && hasDirectionalMembers(named.schema, (k) => byKey.get(k)) ? `${named.typeName}Input` : named.typeName;
    },
    use: (n: string) => void used.add(n),
    useRuntime: (n: string) => void used.add(n),
  };
}

/** Whitespace-insensitive form of a type expression (objects render across lines). */
export const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

const engine = createTemplateEngine({ builtinDir: path.join(repoRoot, 'templates'), contractVersion: VIEW_MODEL_VERSION });

/**
 * The type expression of component `T` in a spec whose other components are
 * `others`, through the real normalizer, `typeView` and the built-in `partials/type-expr`.
 */
export function exprOf(schema: unknown, mode: TypeMode = 'response', others: Record<string, unknown> = {}, openapi = '3.1.0'): string {
  const model = modelOf({ ...others, T: schema }, openapi);
  const t = model.schemas.find((s) => s.key === 'T');
  if (!t) throw new Error('no T');
  return squash(engine.render('partials/type-expr', typeView(t.schema, scopeOf(model), mode)));
}

/** Every file of the client for a document, rendered by the real emitter (unformatted). */
export function emitDoc(doc: Record<string, unknown>): { files: GeneratedFile[]; model: ApiModel } {
  const model = buildModel(specFrom(doc), { name: 'Test' });
  const files = emitClient(model, { name: 'Test', input: 'spec.yaml', output: 'out' }, engine);
  return { files, model };
}

/** A generated file as the pipeline writes it by default (the printer's layout, tidied; no prettier). */
export function printed(file: GeneratedFile): string {
  return tidyFiles([file])[0]!.content;
}

/** A generated file, formatted with prettier (`format: 'prettier'`). */
export async function formatted(file: GeneratedFile): Promise<string> {
  const [out] = await formatInProcess([file], DEFAULT_PRETTIER);
  return out!.content;
}

/** The declarations of a model file as written by default (header and imports dropped). */
export async function modelFileBody(files: GeneratedFile[], typeName: string): Promise<string> {
  const file = files.find((f) => f.path === `src/models/${typeName}.ts`);
  if (!file) throw new Error(`no model file for ${typeName}; have ${files.map((f) => f.path).join(', ')}`);
  const text = printed(file);
  return text
    .split('\n')
    .filter((l) => !l.startsWith('// Code generated') && !l.startsWith('import '))
    .join('\n')
    .trim();
}

/** Syntax diagnostics of one TypeScript text (parse only). */
export function syntaxErrors(text: string, fileName = 'file.ts'): string[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const diags = (sf as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics ?? [];
  return diags.map((d) => `${fileName}:${d.start}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

/** Runs `tsc -p <tsconfig>`; resolves with its exit code and output. */
export function tsc(tsconfig: string, timeout = 240_000): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(TSC, ['-p', tsconfig, '--pretty', 'false'], { timeout, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}
