/**
 * The template engine: one isolated Handlebars instance per run, with
 * user overrides layered over the built-in templates.
 *
 * - A template's name is its path under the templates root without `.hbs`
 *   (`partials/jsdoc`, `partials/member`). Every template is also a partial
 *   under that name.
 * - The client runtime is plain TypeScript (`runtime/src/`), not templates; an
 *   override replaces one file whole, by name (`runtime/core/client.ts`).
 * - Lookup: override folder first, then built-in. `{{> @builtin/NAME}}`
 *   always reaches the built-in, so an override can wrap it.
 * - Strict: a missing field fails naming the template file, line and field
 *   path. Overrides that match nothing fail (a typo must not be ignored).
 *
 * See docs/templates.md for the user-facing rules.
 */
import Handlebars from 'handlebars';
import { ApiforgeError, type Diagnostic } from '../diagnostics.js';
import { collectSlotNames, displayPath } from './templates/ast.js';
import { builtinHelpers } from './templates/helpers.js';
import { TemplateRunner } from './templates/invocation.js';
import { checkOverrideManifest } from './templates/overrides.js';
import {
  compileKey,
  compileOptions,
  loadPrecompiled,
  parseTemplate,
  type PrecompiledTemplate,
} from './templates/precompiled.js';
import {
  isDirectory,
  isOverrideCompanion,
  listRuntimeFiles,
  listTemplateFiles,
  readEntry,
  type Entry,
  type TemplateSource,
} from './templates/sources.js';
import { closest } from '../util/closest.js';
import { builtinRuntimeDir } from '../util/package-root.js';
import type { RuntimeView } from './view-model.js';

export interface TemplateEngineOptions {
  /** Folder of built-in templates (the package's `templates/`). */
  builtinDir: string;
  /** Folder of the runtime's TypeScript sources; defaults to the package's `runtime/src/`. */
  runtimeDir?: string;
  /** Folder of user overrides (config `templates`); absolute. */
  overrideDir?: string;
  /** Current view-model contract version, `major.minor` (`VIEW_MODEL_VERSION`). */
  contractVersion: string;
  /** Extra helpers; they replace built-in helpers of the same name. */
  helpers?: Record<string, Handlebars.HelperDelegate>;
  /**
   * Make helper arguments strict too (`{{#if typo}}` fails). Default true.
   * View-models must then carry optional fields as explicit `undefined`/`null` keys.
   */
  strictParams?: boolean;
  /** Built-in templates compiled ahead of time; defaults to the build's (none when running from sources). */
  precompiled?: ReadonlyMap<string, PrecompiledTemplate>;
}

export { listRuntimeFiles, listTemplateFiles, type TemplateSource };

export interface TemplateEngine {
  /** Renders template `name` with `view`; throws a located `template-error` ApiforgeError. */
  render(name: string, view: object): string;
  /** Whether a template (built-in or override-only slot) named `name` exists. */
  has(name: string): boolean;
  /** Templates actually rendered so far (directly or as partials), sorted by name then source. */
  usedTemplates(): TemplateSource[];
  /** Every effective template, override or built-in, sorted by name. */
  templates(): TemplateSource[];
  /**
   * Every effective runtime file (`runtime/core/client.ts`), override or built-in, with its TypeScript
   * text; a legacy handlebars override (`runtime/core/client.ts.hbs`) is rendered with `{ clientName }`.
   */
  runtimeFiles(view: RuntimeView): Array<TemplateSource & { text: string }>;
  /** Warnings found while loading (contract minor mismatch, missing manifest, ignored files). */
  readonly warnings: Diagnostic[];
}

/** Creates an engine; loads and parses every template eagerly so broken overrides fail before any output. */
export function createTemplateEngine(options: TemplateEngineOptions): TemplateEngine {
  const hb = Handlebars.create();
  const warnings: Diagnostic[] = [];
  const strictParams = options.strictParams ?? true;

  const builtins = new Map<string, Entry>();
  for (const [name, file] of listTemplateFiles(options.builtinDir).templates)
    builtins.set(name, readEntry(name, file, 'builtin'));

  const runtime = new Map<string, Entry>();
  for (const [name, file] of listRuntimeFiles(options.runtimeDir ?? builtinRuntimeDir()))
    runtime.set(name, readEntry(name, file, 'builtin'));

  const overrides = new Map<string, Entry>();
  if (options.overrideDir !== undefined) {
    const dir = options.overrideDir;
    if (!isDirectory(dir)) {
      throw new ApiforgeError('template-error', 'template overrides folder not found', { file: displayPath(dir) });
    }
    warnings.push(...checkOverrideManifest(dir, options.contractVersion));
    const found = listTemplateFiles(dir);
    for (const [name, file] of found.templates) overrides.set(name, readEntry(name, file, 'override'));
    for (const [name, file] of found.runtime) {
      if (!runtime.has(name)) throw unmatched(name, file, [...runtime.keys()]);
      runtime.set(name, readEntry(name, file, 'override'));
    }
    for (const file of found.others) {
      if (isOverrideCompanion(file)) continue;
      warnings.push({
        code: 'override-unused',
        message: 'not a template (.hbs); ignored',
        location: { file: displayPath(file) },
      });
    }
  }

  // Parse everything now: syntax errors surface at load time with file and line, and slot names are known.
  // Every helper is known when templates compile, so `{{name}}` compiles to a field lookup instead of a
  // helper-or-field check, and a call to a helper that does not exist fails at load time. A built-in compiled
  // by the build with the same settings (precompiled.ts) is taken as is.
  const helperNames = [...Object.keys(builtinHelpers), ...Object.keys(options.helpers ?? {})];
  const compileOpts = compileOptions(helperNames);
  const precompiled = options.precompiled ?? loadPrecompiled();
  const prepare = (e: Entry): string[] => {
    const ready = e.source === 'builtin' ? precompiled.get(e.name) : undefined;
    if (ready && ready.key === compileKey(e.text, helperNames, strictParams)) {
      e.fn = hb.template(ready.spec);
      return ready.slots;
    }
    const ast = parseTemplate(hb, e.text, e.name, e.file, strictParams);
    // compile() is lazy: the JS is generated on first render, then cached by Handlebars.
    e.fn = hb.compile(ast, compileOpts);
    return collectSlotNames(ast);
  };
  const slots = new Set<string>();
  for (const e of builtins.values()) for (const s of prepare(e)) slots.add(s);
  for (const e of overrides.values()) {
    if (!builtins.has(e.name) && !slots.has(e.name) && !runtime.has(e.name))
      throw unmatched(e.name, e.file, [...builtins.keys(), ...slots]);
    prepare(e);
  }

  const runner = new TemplateRunner(hb);
  const wrap = (entry: Entry): Handlebars.TemplateDelegate => runner.delegate(entry);

  const effective = new Map<string, Entry>();
  for (const [name, e] of builtins) {
    hb.registerPartial(`@builtin/${name}`, wrap(e));
    effective.set(name, e);
  }
  for (const [name, e] of overrides) effective.set(name, e);
  const delegates = new Map<string, Handlebars.TemplateDelegate>();
  for (const [name, e] of effective) {
    const d = wrap(e);
    delegates.set(name, d);
    hb.registerPartial(name, d);
  }
  hb.registerHelper({ ...builtinHelpers, ...options.helpers });

  const sortSources = (list: Iterable<Entry>): TemplateSource[] =>
    [...list]
      .map(({ name, file, source }) => ({ name, file, source }))
      .sort((a, b) => (a.name === b.name ? (a.source < b.source ? -1 : 1) : a.name < b.name ? -1 : 1));

  return {
    warnings,
    has: (name) => effective.has(name),
    render(name, view) {
      const d = delegates.get(name);
      if (!d) {
        const hint = closest(name, effective.keys());
        throw new ApiforgeError('template-error', `no template named "${name}"${hint ? ` (closest: "${hint}")` : ''}`);
      }
      return d(view);
    },
    usedTemplates: () => sortSources(runner.used),
    templates: () => sortSources(effective.values()),
    runtimeFiles: (view) =>
      [...runtime.values()].map((e) => {
        const legacy = overrides.get(e.name);
        const entry = legacy ?? e;
        runner.used.add(entry);
        const text = legacy ? runner.runAs(legacy, () => legacy.fn!(view)) : e.text;
        return {
          name: entry.name,
          file: entry.file,
          source: entry.source,
          text,
        };
      }),
  };
}

function unmatched(name: string, file: string, known: string[]): ApiforgeError {
  const hint = closest(name, known);
  return new ApiforgeError(
    'template-error',
    `override "${name}" matches no built-in template${hint ? ` (closest: "${hint}")` : ''}; rename it or remove it`,
    {
      file: displayPath(file),
    },
  );
}
