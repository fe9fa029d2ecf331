/**
 * Built-in templates compiled ahead of time. `npm run build` writes every
 * built-in template's compiled form into `dist/templates.precompiled.cjs`
 * (see precompile.ts), so a run skips parsing and compiling them. Each entry
 * carries a key over its source text and the compile settings; an entry whose
 * key does not match (a template edited after the build, extra helpers, lax
 * parameters) is ignored and that template compiles at run time as before.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import Handlebars from 'handlebars';
import { makeParamsStrict, syntaxError } from './ast.js';
import { packageRoot } from '../../util/package-root.js';

/** One built-in template, compiled. */
export interface PrecompiledTemplate {
  /** {@link compileKey} of the source it was compiled from. */
  key: string;
  /** Slot names its `{{#> slot}}` blocks declare. */
  slots: string[];
  /** Handlebars' template specification (`Handlebars.precompile`'s output, evaluated). */
  spec: TemplateSpecification;
}

type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

/** The file `npm run build` writes, relative to the package root. */
export const PRECOMPILED_FILE = path.join('dist', 'templates.precompiled.cjs');

/** The compile options every template gets: strict lookups, no HTML escaping, only known helpers. */
export function compileOptions(helperNames: Iterable<string>): CompileOptions {
  const knownHelpers: Record<string, boolean> = Object.fromEntries([...helperNames].map((name) => [name, true]));
  return { strict: true, noEscape: true, knownHelpers, knownHelpersOnly: true };
}

type CompileOptions = { strict: true; noEscape: true; knownHelpers: Record<string, boolean>; knownHelpersOnly: true };

/** Identifies what a compiled template depends on: Handlebars' version, the settings and the source. */
export function compileKey(text: string, helperNames: Iterable<string>, strictParams: boolean): string {
  const helpers = [...new Set(helperNames)].sort();
  return createHash('sha1')
    .update(JSON.stringify([Handlebars.VERSION, strictParams, helpers, text]))
    .digest('hex');
}

/** Parses a template the way the engine compiles it (strict helper parameters unless told otherwise). */
export function parseTemplate(
  hb: typeof Handlebars,
  text: string,
  name: string,
  file: string,
  strictParams: boolean,
): hbs.AST.Program {
  let ast: hbs.AST.Program;
  try {
    ast = hb.parse(text, { srcName: file });
  } catch (err) {
    throw syntaxError(err, name, file);
  }
  if (strictParams) makeParamsStrict(ast);
  return ast;
}

const cache = new Map<string, ReadonlyMap<string, PrecompiledTemplate>>();

/** The build's precompiled templates by name; empty when there is no build output (running from sources). */
export function loadPrecompiled(
  file = path.join(packageRoot(), PRECOMPILED_FILE),
): ReadonlyMap<string, PrecompiledTemplate> {
  let templates = cache.get(file);
  if (templates === undefined) {
    let entries: Record<string, PrecompiledTemplate> = {};
    try {
      entries = createRequire(import.meta.url)(file) as Record<string, PrecompiledTemplate>;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw e;
    }
    templates = new Map(Object.entries(entries));
    cache.set(file, templates);
  }
  return templates;
}
