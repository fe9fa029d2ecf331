/**
 * Turns the official SDK's per-method docs (see docs-read.mjs) into checks of our client:
 *  - every TypeScript example becomes a test file (type-checked strictly, and run against Prism);
 *  - `docs-types.ts` checks, per method, that what our method returns is assignable to the official response type
 *    and that the official params object is accepted by our method's params type (no unknown property either).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { mapPackageImports } from './transform.mjs';
import { EXTRA_KEYS } from './assignability.mjs';
import { positionalParam } from './docs-read.mjs';
import { arraysOfUnions } from './docs-types.mjs';
import { writeTsconfig } from './prepare.mjs';

/** A file name for a method's example: `v1.customers.paymentMethod.attach` → `v1-customers-paymentMethod-attach`. */
export function exampleName(call) {
  return call.replace(/\./g, '-');
}

/**
 * An example as a test: its imports stay at the top, the rest (it uses top-level await) runs inside `test(...)`,
 * with `console.log` silenced (the tests must be quiet; the expression is still evaluated).
 * @param {string} call
 * @param {string} example
 */
export function exampleTest(call, example) {
  const lines = firstPageOnly(example.split('\n'));
  const imports = lines.filter((l) => /^import\s/.test(l));
  const body = lines.filter((l) => !/^import\s/.test(l)).map((l) => (l ? `  ${l}` : l));
  const quiet = body.join('\n').replace(/\bconsole\.log\(/g, 'void (');
  return [...imports, '', `test(${JSON.stringify(call)}, async () => {`, quiet, '});', ''].join('\n');
}

/**
 * A `for await` loop over a list stops after its first item: Prism serves the same page, with the same next cursor,
 * on every request, so walking all pages never ends (with the official client as with ours).
 * @param {string[]} lines
 */
export function firstPageOnly(lines) {
  const out = [...lines];
  const loop = out.findIndex((l) => /^for await \(/.test(l));
  const end = loop < 0 ? -1 : out.findIndex((l, i) => i > loop && l === '}');
  if (end > 0) out.splice(end, 0, '  break;');
  return out;
}

/**
 * The official params as one object type, without the path parameter that is passed positionally. `object` in the
 * docs abbreviates a nested type, so there it stands for anything. A union body is listed as one member `body`; the
 * official SDK takes its fields beside the other params (`{ addonId } & (A | B)`).
 * @param {{ endpoint: string, params: string[] }} method
 * @returns {string | undefined} undefined when the method takes no params object
 */
export function paramsObjectType(method) {
  const positional = positionalParam(method.endpoint);
  // Only the first member of that name is the path parameter: a body field may share its name (`id` twice).
  const at = positional ? method.params.findIndex((p) => new RegExp(`^${positional}\\??:`).test(p)) : -1;
  const members = method.params.filter((_p, i) => i !== at);
  if (members.length === 0) return undefined;
  const body = members.find((p) => /^body\??: /.test(p));
  const rest = members.filter((p) => p !== body).map(quoteName);
  const fields = readDocType(`{ ${rest.join(' ')} }`);
  const type = body ? `${fields} & (${readDocType(body.replace(/^body\??: /, '').replace(/;$/, ''))})` : fields;
  return type.replace(/\bobject\b(?!\??:)/g, 'any');
}

/**
 * A member whose name is not an identifier, quoted: the docs list header params bare (`X-ACCOUNT-ID?: string;`),
 * which TypeScript cannot read as a property.
 */
function quoteName(member) {
  return member.replace(/^([^'"\s?:]*[^\w$'"\s?:][^'"\s?:]*)(\??:)/, "'$1'$2");
}

/** A docs type text as TypeScript means it (arrays of unions parenthesised), or as is when it cannot be read. */
function readDocType(text) {
  try {
    return arraysOfUnions(text);
  } catch {
    return text;
  }
}

/**
 * Declarations for `docs-types.ts`. A paginated method's docs give the item type. The docs' type texts never say
 * `| null` (the official type files do, e.g. `archivedAt: string | null`), so our response is compared without null.
 */
const HELPERS = `declare const client: Stigg;
type Fn = (...args: any) => any;
type NoNull<T> = T extends null
  ? never
  : T extends (infer E)[]
    ? NoNull<E>[]
    : T extends object
      ? { [K in keyof T]: NoNull<T[K]> }
      : T;
type Result<F extends Fn> = ReturnType<F> extends AsyncIterable<infer I> ? I : Awaited<ReturnType<F>>;
type Returned<F extends Fn> = NoNull<Result<F>>;
type Arg<F extends Fn, N extends number> = NonNullable<Parameters<F>[N]>;`;

/**
 * The lines of `docs-types.ts` after its header, and which method and kind each checked line belongs to.
 * @param {import('./docs-read.mjs').DocMethod[]} methods
 * @param {Set<string>} known our client's call paths
 */
export function typeCheckLines(methods, known) {
  const lines = [];
  const checks = [];
  methods.forEach((m, i) => {
    if (!known.has(m.call)) return;
    const fn = `typeof client.${m.call}`;
    if (m.response) {
      checks.push({ kind: 'response', call: m.call, line: lines.length + 1 });
      lines.push(`export const r${i}: ${readDocType(m.response)} = null! as Returned<${fn}>;`);
    }
    const params = paramsObjectType(m);
    if (params) {
      const ours = `Arg<${fn}, ${positionalParam(m.endpoint) ? 1 : 0}>`;
      checks.push({ kind: 'params', call: m.call, line: lines.length + 1 });
      lines.push(`type P${i} = ${params}; export const p${i}: ${ours} = null! as P${i};`);
      lines[lines.length - 1] += ` export type k${i} = NoKeys<ExtraKeys<P${i}, ${ours}>>;`;
    }
  });
  return { lines, checks };
}

/**
 * Writes the example tests under `<work>/tests/docs-examples`, `docs-types.ts` and their tsconfigs.
 * @param {{ methods: import('./docs-read.mjs').DocMethod[], known: Set<string>, work: string, client: string }} o
 */
export function prepareDocsChecks({ methods, known, work, client }) {
  const dir = join(work, 'tests', 'docs-examples');
  mkdirSync(dir, { recursive: true });
  const src = join(client, 'src');
  const examples = [];
  for (const m of methods) {
    if (!m.example || !known.has(m.call)) continue;
    const file = join(dir, `${exampleName(m.call)}.test.ts`);
    writeFileSync(file, mapPackageImports(exampleTest(m.call, m.example), dir, src));
    examples.push({ call: m.call, file });
  }
  const index = relative(work, join(src, 'index')).split(sep).join('/');
  const header = [`import Stigg from './${index}';`, ...EXTRA_KEYS.split('\n'), ...HELPERS.split('\n')];
  const { lines, checks } = typeCheckLines(methods, known);
  for (const c of checks) c.line += header.length;
  writeFileSync(join(work, 'docs-types.ts'), [...header, ...lines, ''].join('\n'));
  return {
    dir,
    examples,
    checks,
    examplesTsconfig: writeTsconfig(work, 'tsconfig.docs-examples.json', ['tests/docs-examples/**/*.ts']),
    typesTsconfig: writeTsconfig(work, 'tsconfig.docs-types.json', ['docs-types.ts']),
  };
}

/**
 * Groups compiler errors by method: example files by their name, `docs-types.ts` lines by their check.
 * @param {string[]} errors
 * @param {{ call: string, file: string }[]} examples
 * @param {{ kind: string, call: string, line: number }[]} checks
 */
export function classifyDocErrors(errors, examples, checks) {
  const byFile = new Map(examples.map((e) => [`${exampleName(e.call)}.test.ts`, e.call]));
  const byLine = new Map(checks.map((c) => [c.line, c]));
  const out = { example: new Map(), response: new Map(), params: new Map() };
  for (const e of errors) {
    const m = /([\w.-]+\.ts)\((\d+),\d+\): error TS\d+: (.*)/.exec(e);
    if (!m) continue;
    const check = m[1] === 'docs-types.ts' ? byLine.get(Number(m[2])) : undefined;
    const call = check?.call ?? byFile.get(m[1]);
    const kind = check?.kind ?? 'example';
    if (call && !out[kind].has(call)) out[kind].set(call, m[3]);
  }
  const list = (map) => [...map].map(([call, error]) => ({ call, error }));
  return {
    example: list(out.example),
    response: list(out.response),
    params: list(out.params),
  };
}
