import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import { formatLocation } from '../diagnostics.js';
import { closest } from '../util/closest.js';
import { decodeSegment, escapeSegment, resolvePointer } from './pointer.js';
import { displayPath, isUrl } from './read-source.js';

/** One place a `$ref` that resolves to nothing is written. */
export interface UnresolvedUse {
  /** The `$ref` value as written. */
  ref: string;
  /** Absolute path or URL of the file the `$ref` is written in. */
  source: string;
  /** The parsed content of that file, for "did you mean" among the target's siblings. */
  sourceDocument: unknown;
  location: SourceLocation;
}

/**
 * Groups the uses of dangling `$ref`s by what they point at: one diagnostic per
 * target, located at its first use and naming every other use, with a
 * "did you mean" when a sibling of the missing node (or a file beside the
 * missing file) has a close name.
 */
export function danglingRefDiagnostics(uses: UnresolvedUse[], allow: boolean): Diagnostic[] {
  const byTarget = new Map<string, UnresolvedUse[]>();
  for (const use of uses) {
    const key = targetOf(use);
    const list = byTarget.get(key) ?? [];
    if (!list.some((u) => formatLocation(u.location) === formatLocation(use.location))) list.push(use);
    byTarget.set(key, list);
  }
  return [...byTarget.values()].map((list) => {
    const first = list[0]!;
    // Uses in the same file as the first are named by line:column and pointer only.
    const others = list
      .slice(1)
      .map((u) =>
        u.location.file === first.location.file
          ? formatLocation({ ...u.location, file: '' }).replace(/^:/, '')
          : formatLocation(u.location),
      );
    const also = others.length > 0 ? `; also used at ${others.join(', ')}` : '';
    const outcome = allow ? '; typed as unknown (allowUnresolvedRefs)' : '';
    return {
      code: 'dangling-ref',
      severity: allow ? 'warning' : 'error',
      message: `${describeTarget(first)}${also}${outcome}`,
      location: first.location,
    } satisfies Diagnostic;
  });
}

/** `file#pointer` with the file made absolute, so the same target written two ways groups once. */
function targetOf(use: UnresolvedUse): string {
  const [file, fragment] = splitRef(use.ref);
  const base = file ? resolveAgainst(use.source, file) : use.source;
  return `${base}#${fragment ?? ''}`;
}

function splitRef(ref: string): [string, string | undefined] {
  const hash = ref.indexOf('#');
  return hash === -1 ? [ref, undefined] : [ref.slice(0, hash), ref.slice(hash + 1)];
}

function resolveAgainst(source: string, file: string): string {
  if (isUrl(file)) return file;
  if (isUrl(source)) return new URL(file, source).href;
  const dir = path.dirname(source.startsWith('file:') ? fileURLToPath(source) : source);
  return path.resolve(dir, decodeURIComponent(file));
}

function describeTarget(use: UnresolvedUse): string {
  const [file, fragment] = splitRef(use.ref);
  const quoted = JSON.stringify(use.ref);
  if (file) {
    const target = resolveAgainst(use.source, file);
    if (!isUrl(target) && !existsSync(target)) {
      return `$ref ${quoted} points to a file that does not exist: ${displayPath(target)}${fileHint(target)}`;
    }
    return `$ref ${quoted} points to nothing in ${displayPath(target)}`;
  }
  return `$ref ${quoted} points to nothing${pointerHint(use.sourceDocument, fragment ?? '')}`;
}

/** A close sibling of the missing node: `#/components/schemas/Pett` -> `#/components/schemas/Pet`. */
function pointerHint(doc: unknown, fragment: string): string {
  const cut = fragment.lastIndexOf('/');
  if (cut < 0) return '';
  const parent = resolvePointer(doc, `#${fragment.slice(0, cut)}`);
  if (parent === null || typeof parent !== 'object' || Array.isArray(parent)) return '';
  const missing = decodeSegment(fragment.slice(cut + 1));
  const hit = closest(missing, Object.keys(parent), Math.max(2, Math.floor(missing.length / 3)));
  return hit === undefined ? '' : ` (did you mean "#${fragment.slice(0, cut)}/${escapeSegment(hit)}"?)`;
}

function fileHint(target: string): string {
  const dir = path.dirname(target);
  if (!existsSync(dir)) return '';
  const name = path.basename(target);
  const hit = closest(name, readdirSync(dir), Math.max(2, Math.floor(name.length / 3)));
  return hit === undefined ? '' : ` (did you mean "${hit}"?)`;
}
