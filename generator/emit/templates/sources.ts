/**
 * Where templates come from: `*.hbs` files under a templates root (built-in or a user's override folder) and the
 * runtime's TypeScript sources, each named as overrides name them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type Handlebars from 'handlebars';

/** One template file the engine knows. */
export interface TemplateSource {
  name: string;
  /** Absolute path. */
  file: string;
  source: 'builtin' | 'override';
}

/** A template file with its text and, once prepared, its compiled function. */
export interface Entry extends TemplateSource {
  text: string;
  fn?: Handlebars.TemplateDelegate;
}

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

export function readEntry(name: string, file: string, source: Entry['source']): Entry {
  return { name, file, source, text: readFileSync(file, 'utf8') };
}

export function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Files of an override folder that are neither templates nor runtime sources but are expected there. */
export function isOverrideCompanion(file: string): boolean {
  const base = path.basename(file);
  return (
    base === 'apiforge-templates.json' || base.startsWith('.') || /\.(md|txt)$/i.test(base) || /^README/i.test(base)
  );
}
