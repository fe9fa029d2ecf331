/**
 * The template-override manifest, `apiforge-templates.json`, written by
 * `apiforge templates eject` and read when overrides load.
 *
 * ```json
 * {
 *   "contract": "1.0",
 *   "apiforge": "0.1.0",
 *   "builtins": { "partials/jsdoc.hbs": "sha256:…" }
 * }
 * ```
 * - `contract`: the view-model contract version (`major.minor`) the overrides
 *   were written for. A different major fails; a different minor warns.
 * - `builtins` (optional): hash of each built-in template's source at eject
 *   time, keyed by POSIX path relative to the templates root, so that
 *   `apiforge templates diff` can tell which built-ins changed since.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ApiforgeError } from '../../diagnostics.js';

export const TEMPLATE_MANIFEST = 'apiforge-templates.json';

export interface TemplateManifest {
  contract: string;
  apiforge?: string;
  builtins?: Record<string, string>;
}

/** `sha256:<hex>` of a template source; line endings normalised so a CRLF checkout does not look "changed". */
export function hashTemplateSource(source: string): string {
  return 'sha256:' + createHash('sha256').update(source.replace(/\r\n/g, '\n')).digest('hex');
}

/** Parses `major.minor` (a patch part is accepted and ignored). */
export function parseContractVersion(v: unknown): { major: number; minor: number } | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^(\d+)\.(\d+)(?:\.\d+)?$/.exec(v.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}

/** Reads and validates the manifest in `dir`; undefined when the file does not exist. */
export function readTemplateManifest(dir: string): TemplateManifest | undefined {
  const file = path.join(dir, TEMPLATE_MANIFEST);
  if (!existsSync(file)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ApiforgeError('template-error', `invalid JSON in template manifest: ${(e as Error).message}`, { file });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ApiforgeError('template-error', 'template manifest must be a JSON object like {"contract": "1.0"}', {
      file,
    });
  }
  const rec = data as Record<string, unknown>;
  if (!parseContractVersion(rec.contract)) {
    throw new ApiforgeError('template-error', `"contract" must be a "major.minor" version string, e.g. "1.0"`, {
      file,
    });
  }
  const builtins = rec.builtins;
  if (builtins !== undefined && (typeof builtins !== 'object' || builtins === null || Array.isArray(builtins))) {
    throw new ApiforgeError('template-error', '"builtins" must be an object mapping template paths to hashes', {
      file,
    });
  }
  const out: TemplateManifest = { contract: rec.contract as string };
  if (typeof rec.apiforge === 'string') out.apiforge = rec.apiforge;
  if (builtins) out.builtins = builtins as Record<string, string>;
  return out;
}
