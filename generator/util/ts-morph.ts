import { createRequire } from 'node:module';

let tsMorph: typeof import('ts-morph') | undefined;

/**
 * ts-morph, loaded synchronously on first use. It bundles the TypeScript compiler (a 9 MB script whose
 * compilation alone is a quarter second), so a thread that never prints or parses never pays for it.
 */
export function loadTsMorph(): typeof import('ts-morph') {
  tsMorph ??= createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph');
  return tsMorph;
}
