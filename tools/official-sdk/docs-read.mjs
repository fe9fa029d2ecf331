/**
 * Reads the method list the official SDK embeds in its MCP server (`packages/mcp-server/src/local-docs-search.ts`):
 * per method its call path, endpoint, HTTP method, parameter member texts, expanded response type and TypeScript
 * example. The file is data, not code we run: only its `EMBEDDED_METHODS` array literal is evaluated, in a sandbox.
 */
import { runInNewContext } from 'node:vm';

/**
 * The `[...]` literal assigned to `EMBEDDED_METHODS`, found by bracket matching that skips strings and comments.
 * @param {string} text
 */
export function methodsLiteral(text) {
  const decl = /\bEMBEDDED_METHODS\b[^=]*=\s*\[/.exec(text);
  if (!decl) throw new Error('no EMBEDDED_METHODS array in the docs file');
  const start = decl.index + decl[0].length - 1;
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"' || c === '`') i = skipString(text, i);
    else if (c === '/' && text[i + 1] === '/') i = text.indexOf('\n', i);
    else if (c === '[' || c === '{') depth++;
    else if ((c === ']' || c === '}') && --depth === 0) return text.slice(start, i + 1);
    if (i < 0) break;
  }
  throw new Error('unterminated EMBEDDED_METHODS array');
}

function skipString(text, i) {
  const quote = text[i];
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === quote) return j;
  }
  return text.length;
}

/**
 * The first item of the markdown's "### Returns" section: the response type, expanded one level further than the
 * `response` field in some versions. Falls back to `response`.
 * @param {{ markdown?: string, response?: string }} entry
 */
export function returnsType(entry) {
  const section = /### Returns\s*\n\s*\n- `([^`]*)`/.exec(entry.markdown ?? '');
  return section?.[1] ?? entry.response;
}

/**
 * @typedef {{ call: string, endpoint: string, httpMethod: string, params: string[], response?: string,
 *   example?: string }} DocMethod
 */

/**
 * The methods of a docs file, with call paths without the `client.` prefix (`v1.customers.list`).
 * @param {string} text the docs file's text
 * @returns {DocMethod[]}
 */
export function readDocMethods(text) {
  const entries = runInNewContext(`(${methodsLiteral(text)})`, Object.create(null), { timeout: 5000 });
  return entries.map((e) => ({
    call: String(e.qualified).replace(/^client\./, ''),
    endpoint: e.endpoint,
    httpMethod: String(e.httpMethod).toUpperCase(),
    params: e.params ?? [],
    response: returnsType(e),
    example: e.perLanguage?.typescript?.example,
  }));
}

/**
 * Compares the docs' methods with a surface table (columns `method`, `path`, `sdk_call`): the operations only one of
 * them has, and those whose endpoint or HTTP method differ.
 * @param {DocMethod[]} methods
 * @param {string} tsv
 */
export function compareSurface(methods, tsv) {
  const [header, ...rows] = tsv.trim().split('\n');
  const cols = header.split('\t');
  const at = (r, name) => r.split('\t')[cols.indexOf(name)];
  const surface = new Map(rows.map((r) => [at(r, 'sdk_call'), `${at(r, 'method')} ${at(r, 'path')}`]));
  const docs = new Map(methods.map((m) => [m.call, `${m.httpMethod} ${m.endpoint}`]));
  return {
    onlyInDocs: [...docs.keys()].filter((c) => !surface.has(c)),
    onlyInSurface: [...surface.keys()].filter((c) => !docs.has(c)),
    differing: [...docs]
      .filter(([c, e]) => surface.has(c) && surface.get(c) !== e)
      .map(([c, e]) => ({
        call: c,
        docs: e,
        surface: surface.get(c),
      })),
  };
}

/**
 * The path parameter the official SDK takes positionally: the last one of the endpoint (the others, if any, are
 * members of the params object).
 * @param {string} endpoint
 */
export function positionalParam(endpoint) {
  const names = [...endpoint.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  return names[names.length - 1];
}
