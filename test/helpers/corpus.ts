/**
 * The spec corpus the tests read: the specs vendored in `test/corpus/specs` (small specs, and excerpts of the
 * large ones), plus `../shared/specs` when it sits beside the clone. A folder present in both is read from
 * `../shared` first, then from the vendored copy: the shared corpus adds specs, it never hides one.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The shared corpus beside the clone (overridable with APIFORGE_SHARED_DIR, the folder holding `specs/`). */
export const sharedDir = path.resolve(process.env['APIFORGE_SHARED_DIR'] ?? path.join(repoRoot, '../shared'), 'specs');
/** Specs committed with the tests. */
export const vendoredDir = path.join(repoRoot, 'test/corpus/specs');
/** Folders whose root document lives elsewhere in the repository (Stigg's spec is embedded in `specs/stigg`). */
const EXTRA_DIRS: Record<string, string[]> = { stigg: [path.join(repoRoot, 'specs/stigg')] };

/** Roots a top-level scan cannot find: they live in a subfolder. */
const KNOWN_ROOTS: Record<string, string[]> = {
  digitalocean: ['specification/DigitalOcean-public.v2.yaml'],
  'oai-v2.0-petstore-separate': ['spec/swagger.yaml'],
};

/** The directories a corpus folder's files are looked up in, in order. */
function folderDirs(folder: string): string[] {
  return [path.join(sharedDir, folder), path.join(vendoredDir, folder), ...(EXTRA_DIRS[folder] ?? [])].filter(isDir);
}

function isDir(dir: string): boolean {
  return existsSync(dir) && statSync(dir).isDirectory();
}

/** Absolute path of `rel` inside corpus folder `folder`, or undefined when no copy of the corpus has it. */
export function findCorpusFile(folder: string, rel: string): string | undefined {
  return folderDirs(folder)
    .map((dir) => path.join(dir, rel))
    .find((file) => existsSync(file));
}

/** Like {@link findCorpusFile}, for files the repository vendors: a missing one is a broken checkout. */
export function corpusFile(folder: string, rel: string): string {
  const file = findCorpusFile(folder, rel);
  if (!file) throw new Error(`corpus file ${folder}/${rel} is neither in ${sharedDir} nor in ${vendoredDir}`);
  return file;
}

/** Every root document of a corpus folder: top-level .yaml/.yml/.json files that declare `openapi:` or `swagger:`. */
export function corpusRoots(folder: string): string[] {
  const known = KNOWN_ROOTS[folder];
  if (known) return known;
  const roots = new Set<string>();
  for (const dir of folderDirs(folder)) {
    for (const f of readdirSync(dir).filter((name) => /\.(ya?ml|json)$/i.test(name))) {
      const text = readFileSync(path.join(dir, f), 'utf8');
      // JSON: the key anywhere (ory-kratos puts it last); YAML: at the top level (column 0).
      if (/\.json$/i.test(f) ? /"(openapi|swagger)"\s*:/.test(text) : /^(openapi|swagger)\s*:/m.test(text)) roots.add(f);
    }
  }
  return [...roots].sort();
}

/** Corpus folders of both copies, sorted. */
export function corpusFolders(): string[] {
  const names = new Set<string>();
  for (const dir of [sharedDir, vendoredDir].filter(isDir)) {
    for (const name of readdirSync(dir)) if (isDir(path.join(dir, name))) names.add(name);
  }
  return [...names].sort();
}
