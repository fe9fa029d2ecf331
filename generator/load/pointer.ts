/** JSON pointers over parsed documents, for the load stage (the model has its own view of them). */

/** Decodes one pointer segment (`a~1b` -> `a/b`), percent-escapes included. */
export function decodeSegment(segment: string): string {
  let s = segment;
  try {
    s = decodeURIComponent(segment);
  } catch {
    // A lone `%` is a literal percent sign.
  }
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Escapes one pointer segment (`a/b` -> `a~1b`). */
export function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The node a local pointer (`#/a/b`) names, or undefined when there is none. */
export function resolvePointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  let cur: unknown = doc;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    const key = decodeSegment(raw);
    if (!Object.prototype.hasOwnProperty.call(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}
