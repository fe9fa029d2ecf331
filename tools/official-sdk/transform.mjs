/**
 * Turns a copy of the official SDK's test files into tests of our generated client: the package imports point at
 * our client's sources, skipped tests run, and tests that call an operation our spec does not have are dropped
 * (the official repository has moved on since the spec was taken; such tests cannot apply).
 */
import { relative, dirname, sep } from 'node:path';

/** Package names the official SDK has been published under. */
export const OFFICIAL_PACKAGE_NAMES = ['@stigg/typescript', 'stigg'];

/**
 * Rewrites `from '<package>'` and `from '<package>/<subpath>'` to relative imports of `srcDir`.
 * @param {string} text a test file's text
 * @param {string} fileDir the directory the rewritten file will live in
 * @param {string} srcDir our client's `src` directory
 * @param {string[]} [packages] package names to map
 */
export function mapPackageImports(text, fileDir, srcDir, packages = OFFICIAL_PACKAGE_NAMES) {
  const names = packages.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
  const re = new RegExp(`(from\\s+|import\\(\\s*|require\\(\\s*)(['"])(${names})(/[^'"]*)?\\2`, 'g');
  return text.replace(re, (_m, lead, quote, _pkg, sub) => {
    const target = `${srcDir}${sub ?? '/index'}`;
    let rel = relative(fileDir, target).split(sep).join('/');
    if (!rel.startsWith('.')) rel = `./${rel}`;
    return `${lead}${quote}${rel}${quote}`;
  });
}

/** `test.skip(` / `it.skip(` / `describe.skip(` become their running forms. */
export function unskip(text) {
  return text.replace(/\b(test|it|describe)\.skip\(/g, '$1(');
}

/** The `client.a.b.c(` call paths a piece of code makes. */
export function callPaths(code) {
  return [...code.matchAll(/\bclient\.([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*\(/g)].map((m) => m[1]);
}

/**
 * Splits a Stainless-style test file into its top-level test blocks (2-space indent, optional comment line before
 * `test(`, closed by a line `  });`) and drops the blocks that call an operation outside `known`.
 * @param {string} text
 * @param {Set<string>} known call paths our client has (`v1.customers.list`)
 * @returns {{ text: string, kept: string[], dropped: { name: string, calls: string[] }[] }}
 */
export function dropUnknownOperations(text, known) {
  const lines = text.split('\n');
  const out = [];
  const kept = [];
  const dropped = [];
  for (let i = 0; i < lines.length; i++) {
    const start = /^ {2}(test|it)(\.skip)?\(\s*(['"`])(.*?)\3/.exec(lines[i] ?? '');
    if (!start) {
      out.push(lines[i]);
      continue;
    }
    let end = i;
    while (end < lines.length && lines[end] !== '  });') end++;
    const block = lines.slice(i, end + 1);
    const unknown = callPaths(block.join('\n')).filter((c) => !known.has(c));
    if (unknown.length === 0) {
      out.push(...block);
      kept.push(start[4]);
    } else {
      dropped.push({ name: start[4], calls: [...new Set(unknown)] });
      if (/^ {2}\/\//.test(out[out.length - 1] ?? '')) out.pop();
      // The blank line before the block goes with it; the one after it (if any) separates the neighbours.
      if (out[out.length - 1] === '') out.pop();
    }
    i = end;
  }
  return { text: out.join('\n'), kept, dropped };
}

/**
 * The call paths of a surface table (tab-separated, header row, a column `sdk_call`).
 * @param {string} tsv
 */
export function surfaceCalls(tsv) {
  const [header, ...rows] = tsv.trim().split('\n');
  const col = header.split('\t').indexOf('sdk_call');
  if (col < 0) throw new Error('surface table has no sdk_call column');
  return new Set(rows.map((r) => r.split('\t')[col]).filter(Boolean));
}

/** Where a file of `fromRoot` goes under `toRoot`, keeping its relative path. */
export function rebase(file, fromRoot, toRoot) {
  return `${toRoot}/${relative(fromRoot, file).split(sep).join('/')}`;
}

export { dirname };
