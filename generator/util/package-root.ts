import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * apiforge's package root: the nearest folder above this module that holds a package.json.
 * The same answer from the sources (`generator/util/`) and from the build (`dist/generator/util/`).
 */
export function packageRoot(): string {
  if (cached !== undefined) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  cached = dir;
  return dir;
}

/** The built-in handlebars templates (`templates/`). */
export function builtinTemplatesDir(): string {
  return path.join(packageRoot(), 'templates');
}

/** The client runtime's TypeScript sources (`runtime/src/`), copied into every generated client. */
export function builtinRuntimeDir(): string {
  return path.join(packageRoot(), 'runtime', 'src');
}
