import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Handlebars from 'handlebars';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../../..');
export const templatesDir = join(repoRoot, 'templates/runtime');
const fixture = join(here, '../fixtures/acme-client.ts');

/** Template files, relative to templates/runtime (e.g. `core/client.ts.hbs`). */
export function templateFiles(): string[] {
  const out: string[] = [];
  for (const sub of ['core', 'internal']) {
    for (const file of readdirSync(join(templatesDir, sub)).sort()) {
      if (file.endsWith('.ts.hbs')) out.push(`${sub}/${file}`);
    }
  }
  return out;
}

/**
 * Renders the runtime templates with `clientName: 'Acme'` into
 * test/.tmp/runtime-<name>/src/{core,internal}/ and copies the fixture client to src/client.ts.
 * Returns the directory.
 */
export function renderRuntime(name: string): string {
  const dir = join(repoRoot, 'test/.tmp', `runtime-${name}`);
  rmSync(dir, { recursive: true, force: true });
  const hbs = Handlebars.create();
  for (const file of templateFiles()) {
    const template = hbs.compile(readFileSync(join(templatesDir, file), 'utf8'), { strict: true, noEscape: true });
    const target = join(dir, 'src', file.replace(/\.hbs$/, ''));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, template({ clientName: 'Acme' }));
  }
  copyFileSync(fixture, join(dir, 'src/client.ts'));
  return dir;
}

/** Renders into its own directory and imports the fixture client module. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function loadRuntime(name: string): Promise<{ dir: string; mod: any; internal: (file: string) => Promise<any> }> {
  const dir = renderRuntime(name);
  const mod = await import(pathToFileURL(join(dir, 'src/client.ts')).href);
  const internal = (file: string) => import(pathToFileURL(join(dir, 'src', file)).href);
  return { dir, mod, internal };
}

export function rel(path: string): string {
  return relative(repoRoot, path);
}
