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
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { ApiforgeError, type Diagnostic } from '../diagnostics.js';
import { collectSlotNames, displayPath, renderError } from './templates/ast.js';
import { builtinHelpers } from './templates/helpers.js';
import { checkOverrideManifest } from './templates/overrides.js';
import {
  compileKey,
  compileOptions,
  loadPrecompiled,
  parseTemplate,
  type PrecompiledTemplate,
} from './templates/precompiled.js';
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

/** One template file the engine knows. */
export interface TemplateSource {
  name: string;
  /** Absolute path. */
  file: string;
  source: 'builtin' | 'override';
}

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

interface Entry extends TemplateSource {
  text: string;
  fn?: Handlebars.TemplateDelegate;
}

/** Partial calls nested deeper than this are a runaway recursion (an override calling itself). */
const MAX_DEPTH = 200;

/**
 * Lists `*.hbs` files under `root` as `name -> absolute path`, the runtime sources under `runtime/`
 * (`runtime/core/client.ts`), and other files (for override checks).
 */
export function listTemplateFiles(root: string): {
  templates: Map<string, string>;
  runtime: Map<string, string>;
  others: string[];
} {
  const templates = new Map<string, string>();
  const runtime = new Map<string, string>();
  const others: string[] = [];
  const visit = (dir: string): void => {
    for (const ent of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const abs = path.join(dir, ent.name);
      const rel = path.relative(root, abs).split(path.sep).join('/');
      if (ent.isDirectory()) visit(abs);
      else if (ent.name.endsWith('.hbs')) templates.set(rel.slice(0, -4), abs);
      else if (isRuntimeSource(rel)) runtime.set(rel, abs);
      else others.push(abs);
    }
  };
  visit(root);
  return { templates, runtime, others };
}

function isRuntimeSource(rel: string): boolean {
  return rel.startsWith('runtime/') && rel.endsWith('.ts') && !rel.endsWith('.d.ts');
}

/** The built-in runtime sources as `runtime/core/client.ts -> absolute path` (the names overrides use). */
export function listRuntimeFiles(runtimeDir: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (dir: string): void => {
    for (const ent of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const abs = path.join(dir, ent.name);
      const name = `runtime/${path.relative(runtimeDir, abs).split(path.sep).join('/')}`;
      if (ent.isDirectory()) visit(abs);
      else if (isRuntimeSource(name)) files.set(name, abs);
    }
  };
  visit(runtimeDir);
  return files;
}

function readEntry(name: string, file: string, source: Entry['source']): Entry {
  return { name, file, source, text: readFileSync(file, 'utf8') };
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
      const base = path.basename(file);
      if (
        base === 'apiforge-templates.json' ||
        base.startsWith('.') ||
        /\.(md|txt)$/i.test(base) ||
        /^README/i.test(base)
      )
        continue;
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

  // Rendering is synchronous, so one stack per engine tracks which template is running (for error attribution).
  const stack: Entry[] = [];
  const used = new Set<Entry>();
  const runAs = <T>(entry: Entry, f: () => T): T => {
    if (stack.length >= MAX_DEPTH) {
      throw new ApiforgeError(
        'template-error',
        `template "${entry.name}" recurses more than ${MAX_DEPTH} levels deep (does an override include itself instead of @builtin/${entry.name}?)`,
        { file: displayPath(entry.file) },
      );
    }
    stack.push(entry);
    try {
      return f();
    } catch (err) {
      throw renderError(err, entry.name, entry.file, entry.text, hb);
    } finally {
      stack.pop();
    }
  };
  const wrap =
    (entry: Entry): Handlebars.TemplateDelegate =>
    (context, runtime) => {
      used.add(entry);
      const caller = stack[stack.length - 1];
      const data = (runtime as { data?: Record<string, unknown> } | undefined)?.data;
      const block = data?.['partial-block'];
      if (caller && (runtime as { fn?: unknown }).fn && typeof block === 'function') {
        // The `{{#> slot}}…{{/slot}}` body belongs to the caller's file: attribute its errors there.
        const run = block as (c: unknown, o: unknown) => string;
        runtime = {
          ...runtime,
          data: { ...data, 'partial-block': (c: unknown, o: unknown) => runAs(caller, () => run(c, o)) },
        };
      }
      return runAs(entry, () => entry.fn!(context, runtime));
    };

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
    usedTemplates: () => sortSources(used),
    templates: () => sortSources(effective.values()),
    runtimeFiles: (view) =>
      [...runtime.values()].map((e) => {
        const legacy = overrides.get(e.name);
        const entry = legacy ?? e;
        used.add(entry);
        const text = legacy ? runAs(legacy, () => legacy.fn!(view)) : e.text;
        return { name: entry.name, file: entry.file, source: entry.source, text };
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

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
