/** Places in a document (JSON pointers joined only when asked) and local `$ref`s, as Redocly reads them. */

/** Why the fast check handed over to Redocly. */
export class NeedsRedocly extends Error {}

/** A node's place: a pointer reached through a `$ref`, or a key under a parent, joined only when asked. */
export class Place {
  private joined: string | undefined;
  constructor(
    private readonly parent: Place | undefined,
    private readonly key: string | number,
    base?: string,
  ) {
    this.joined = base;
  }

  child(key: string | number): Place {
    return new Place(this, key);
  }

  get pointer(): string {
    if (this.joined === undefined) this.joined = joinPointer(this.parent!.pointer, escapePointer(this.key));
    return this.joined;
  }
}

/** The unescaped segments of a local `$ref`; anything else (another file, an anchor) is Redocly's to resolve. */
export function localSegments(ref: string): string[] {
  if (/^#[A-Za-z][A-Za-z0-9\-_:.]*$/.test(ref)) throw new NeedsRedocly('an anchor $ref');
  const [uri = '', pointer = ''] = ref.split('#/');
  if ((uri.endsWith('#') ? uri.slice(0, -1) : uri) !== '') throw new NeedsRedocly('a $ref to another file');
  return pointer
    .split('/')
    .map((s) => decodeURIComponent(s.replace(/~1/g, '/').replace(/~0/g, '~')))
    .filter(Boolean);
}

/** A `$ref` object as Redocly tells one: a plain object whose `$ref` is a string. */
export function isRef(node: unknown): node is { $ref: string } {
  return (
    node !== null &&
    typeof node === 'object' &&
    !Array.isArray(node) &&
    typeof (node as { $ref?: unknown }).$ref === 'string'
  );
}

/** Redocly's `joinPointer`: the root is `#/`, so its children are `#/key`. */
export function joinPointer(base: string, key: string | number): string {
  const b = base === '' ? '#/' : base;
  return b[b.length - 1] === '/' ? `${b}${key}` : `${b}/${key}`;
}

/** Escapes a key for a pointer (`a/b` -> `a~1b`); list indexes stay numbers. */
export function escapePointer(key: string | number): string | number {
  return typeof key === 'number' ? key : key.replace(/~/g, '~0').replace(/\//g, '~1');
}
