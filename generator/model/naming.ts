import { ERROR_CLASSES, RUNTIME_TYPE_NAMES } from '../../runtime/src/core/contract.js';
import { camelCase, pascalCase } from 'change-case';
import pluralize from 'pluralize';

/** ECMAScript and TypeScript reserved words that cannot name a declaration. */
const RESERVED_WORDS = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in ' +
    'instanceof new null return super switch this throw true try typeof var void while with as implements interface let package private ' +
    'protected public static yield any boolean number string symbol type from of await async never unknown object undefined bigint keyof ' +
    'readonly infer is asserts satisfies constructor declare namespace module abstract require global'
  ).split(' '),
);

/**
 * Global names a generated type must not shadow: TypeScript lib types, and the runtime names
 * every generated file may import or every client's `src/index.ts` re-exports (from the contract).
 */
export const GLOBAL_TYPE_NAMES: ReadonlySet<string> = new Set([
  ...(
    'Array Boolean Date Error Function Map Number Object Promise PromiseLike Record Partial Required Readonly Pick Omit Exclude Extract ' +
    'NonNullable ReturnType Set String Symbol RegExp JSON Math Blob File FormData Headers Request Response URL URLSearchParams ReadableStream ' +
    'Uint8Array ArrayBuffer DataView Iterable AsyncIterable Awaited BigInt WeakMap WeakSet Proxy Reflect Intl Event EventTarget AbortSignal ' +
    'AbortController Buffer'
  ).split(' '),
  // `import * as Errors from './core/error.js'` in every client.ts.
  'Errors',
  ...RUNTIME_TYPE_NAMES,
  ...ERROR_CLASSES,
]);

const GLOBAL_TYPE_NAMES_LOWER = new Set([...GLOBAL_TYPE_NAMES].map((n) => n.toLowerCase()));

/** True when `name` can be used as-is as a declaration name. */
export function isValidIdentifier(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) && !RESERVED_WORDS.has(name);
}

/** True when `name` can be written unquoted as a property key. */
export function isValidPropertyName(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}

/**
 * Caches a pure function of one string. Naming runs the same inputs many times (every property name, every
 * resource segment of every operation); change-case and pluralize are costly per call. The cache is dropped
 * when it grows past `limit`, so a long watch session does not keep every name it ever saw.
 */
function memoize<R>(f: (text: string) => R, limit = 50_000): (text: string) => R {
  const cache = new Map<string, R>();
  return (text) => {
    let r = cache.get(text);
    if (r === undefined && !cache.has(text)) {
      if (cache.size >= limit) cache.clear();
      r = f(text);
      cache.set(text, r);
    }
    return r as R;
  };
}

/** Folds accents and drops characters that cannot appear in an identifier. */
function asciiWords(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim();
}

/** PascalCase words with no validity checks: one part of a longer name. */
export const toTypeNamePart: (text: string) => string = memoize((text) =>
  pascalCase(asciiWords(text), { mergeAmbiguousCharacters: true }),
);

/** `payment-method` -> `PaymentMethod`; always a valid type identifier (never empty, never digit-first, never a global). */
export function toTypeName(text: string, fallback = 'Type'): string {
  const name = toTypeNamePart(text);
  return name ? validTypeName(name) : validTypeName(fallback);
}

/** `name`, made a valid declaration name that does not shadow a global. */
function validTypeName(name: string): string {
  if (/^[0-9]/.test(name)) name = `_${name}`;
  // Globals compare case-insensitively, like the allocator: `APIError` -> `ApiError` -> `ApiErrorType`, not `ApiError2`.
  if (
    RESERVED_WORDS.has(name) ||
    RESERVED_WORDS.has(name.toLowerCase()) ||
    GLOBAL_TYPE_NAMES_LOWER.has(name.toLowerCase())
  )
    name = `${name}Type`;
  return name;
}

/** `payment-method` -> `paymentMethod`; valid as a property or method name. */
export function toMemberName(text: string, fallback = 'value'): string {
  return validMemberName(memberNamePart(text) || fallback);
}

const memberNamePart = memoize((text: string): string =>
  camelCase(asciiWords(text), { mergeAmbiguousCharacters: true }),
);

/** `name`, made a valid property or method name. */
function validMemberName(name: string): string {
  if (/^[0-9]/.test(name)) name = `_${name}`;
  if (name === 'constructor' || name === '__proto__' || name === 'prototype') name = `${name}_`;
  return name;
}

/** Words that cannot name a parameter or variable in strict-mode code (ES modules and classes are strict). */
const BINDING_RESERVED = new Set([
  ...'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in'.split(
    ' ',
  ),
  ...'instanceof new null return super switch this throw true try typeof var void while with'.split(' '),
  ...'implements interface let package private protected public static yield await arguments eval'.split(' '),
]);

/**
 * `default` -> `default_`, `2fa` -> `_2fa`: a name for a function parameter. `taken` lists names
 * the signature already uses (`params`, `options`), which get the same suffix.
 */
export function toParameterName(text: string, taken: readonly string[] = []): string {
  const name = toMemberName(text);
  return BINDING_RESERVED.has(name) || taken.includes(name) ? `${name}_` : name;
}

/** `customers` -> `customer`, `entities` -> `entity`; words that are not plural stay. */
export const singular: (word: string) => string = memoize((word) =>
  pluralize.isPlural(word) ? pluralize.singular(word) : word,
);

/** Whether the last word of `word` (`paymentMethods`, `payment-methods`) is a plural. */
export const isPluralWord: (word: string) => boolean = memoize((word) => {
  const last = word.split(/(?=[A-Z])|[-_]/).pop() ?? word;
  return pluralize.isPlural(last.toLowerCase()) && !pluralize.isSingular(last.toLowerCase());
});

/**
 * Hands out unique names. Callers claim names in a canonical order, so the
 * result does not depend on the order of keys in the spec.
 */
export class NameAllocator {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const r of reserved) this.taken.add(r.toLowerCase());
  }

  has(name: string): boolean {
    return this.taken.has(name.toLowerCase());
  }

  /** Claims `name`, or `name2`, `name3`... when taken. Case-insensitive, so files never collide on macOS/Windows. */
  claim(name: string): string {
    let candidate = name;
    for (let i = 2; this.has(candidate); i++) candidate = `${name}${i}`;
    this.taken.add(candidate.toLowerCase());
    return candidate;
  }
}
