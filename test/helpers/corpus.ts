/** The shared spec corpus (`../shared/specs`) and how to find each folder's root documents. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const corpusDir = path.resolve(repoRoot, '../shared/specs');

/** Roots a top-level scan cannot find: they live in a subfolder. */
const KNOWN_ROOTS: Record<string, string[]> = {
  digitalocean: ['specification/DigitalOcean-public.v2.yaml'],
  'oai-v2.0-petstore-separate': ['spec/swagger.yaml'],
};

/** Every root document of a corpus folder: top-level .yaml/.yml/.json files that declare `openapi:` or `swagger:`. */
export function corpusRoots(folder: string): string[] {
  const known = KNOWN_ROOTS[folder];
  if (known) return known;
  return readdirSync(path.join(corpusDir, folder))
    .filter((f) => /\.(ya?ml|json)$/i.test(f))
    .filter((f) => {
      const text = readFileSync(path.join(corpusDir, folder, f), 'utf8');
      // JSON: the key anywhere (ory-kratos puts it last); YAML: at the top level (column 0).
      return /\.json$/i.test(f) ? /"(openapi|swagger)"\s*:/.test(text) : /^(openapi|swagger)\s*:/m.test(text);
    })
    .sort();
}

/** Corpus folders, sorted; empty when the corpus is not there. */
export function corpusFolders(): string[] {
  return existsSync(corpusDir) ? readdirSync(corpusDir).filter((f) => statSync(path.join(corpusDir, f)).isDirectory()).sort() : [];
}
