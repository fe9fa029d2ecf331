/**
 * Strict JSON, the fast path of parsing a spec. A light module on purpose: the main thread imports it to parse a
 * JSON root itself (see spec-worker.ts) without loading the YAML parsers.
 */

/** Whether the text is meant as JSON: its first non-blank character opens an object or an array. */
export function looksLikeJson(text: string): boolean {
  const first = text.trimStart()[0];
  return first === '{' || first === '[';
}

/** The text parsed as strict JSON, or undefined when `JSON.parse` rejects it (the loose parser then decides). */
export function strictJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}
