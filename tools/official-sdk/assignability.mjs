/**
 * Writes a type-level check of our types against the official SDK's: every official Response and page item type must
 * be satisfied by ours (`const x: Theirs = ours`), and every official Params type must be accepted by ours
 * (`const x: Ours = theirs`). Each check is one line, so a compiler error names the check it belongs to.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { listFiles } from './prepare.mjs';

/** `v1-beta/customers/customers.ts` → `['V1Beta', 'Customers']`: the namespace path of a resource file. */
export function namespaceOf(relPath) {
  const parts = relPath.replace(/\.ts$/, '').split(/[\\/]/);
  if (parts.length > 1 && parts[parts.length - 1] === parts[parts.length - 2]) parts.pop();
  return parts.map((p) => p.replace(/(^|-)([a-z0-9])/g, (_m, _d, c) => c.toUpperCase()));
}

/**
 * The top-level exported Response / Params types of a resource file (a type a method returns is a Response too) and
 * its page aliases' item types.
 * @param {string} text
 */
export function exportedTypes(text) {
  const names = [...text.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]);
  const items = [...text.matchAll(/^export type \w+ = \w*Page<(\w+)>;/gm)].map((m) => m[1]);
  const returned = [...text.matchAll(/\)\s*:\s*APIPromise<(\w+)>/g)].map((m) => m[1]);
  return {
    responses: [...new Set([...names.filter((n) => n.endsWith('Response')), ...returned])],
    params: names.filter((n) => n.endsWith('Params')),
    items: [...new Set(items)],
  };
}

/**
 * Assignability lets an object carry properties the target lacks, but an object literal with a property our Params
 * type lacks does not compile: `ExtraKeys<Theirs, Ours>` names such properties (as dotted paths, through arrays and
 * nested objects, a few levels deep; none below an `any`), and `NoKeys` requires there are none.
 */
export const EXTRA_KEYS = `type Obj<T> = T extends readonly (infer E)[] ? Obj<E> : T extends object ? T : never;
type Sub<T, U, D extends unknown[]> = {
  [K in keyof T & keyof U & string]: ExtraKeys<T[K], U[K], [...D, 1]> extends infer X extends string
    ? \`\${K}.\${X}\`
    : never;
}[keyof T & keyof U & string];
type ExtraKeys<T, U, D extends unknown[] = []> = 0 extends 1 & T
  ? never
  : D['length'] extends 6
    ? never
  : [Obj<NonNullable<T>>] extends [never]
    ? never
    : Exclude<keyof Obj<NonNullable<T>>, keyof Obj<NonNullable<U>>> | Sub<Obj<NonNullable<T>>, Obj<NonNullable<U>>, D>;
type NoKeys<T extends never> = T;`;

function checkLines(files, resources) {
  const lines = [];
  const checks = [];
  files.forEach((file, i) => {
    const rel = relative(resources, file).split(sep).join('/');
    if (rel.endsWith('index.ts')) return;
    const ns = ['Stigg', ...namespaceOf(rel)].join('.');
    const mod = `O${i}`;
    lines.push(`import type * as ${mod} from './official/src/resources/${rel.replace(/\.ts$/, '')}';`);
    const types = exportedTypes(readFileSync(file, 'utf8'));
    const add = (kind, name, line) => {
      checks.push({ kind, name: `${ns}.${name}`, line: lines.length + 1 });
      lines.push(line);
    };
    for (const n of types.responses)
      add('response', n, `export const r${checks.length}: ${mod}.${n} = null! as ${ns}.${n};`);
    for (const n of types.items) add('item', n, `export const i${checks.length}: ${mod}.${n} = null! as ${ns}.${n};`);
    for (const n of types.params) {
      const [ours, theirs] = [`${ns}.${n}`, `${mod}.${n}`];
      const keys = `export type k${checks.length} = NoKeys<ExtraKeys<${theirs}, ${ours}>>;`;
      add('params', n, `export const p${checks.length}: ${ours} = null! as ${theirs}; ${keys}`);
    }
  });
  return { lines, checks };
}

/**
 * Copies the official `src` next to the check and writes `assignability.ts` plus its tsconfig; undefined when the
 * checkout has no `src/resources`.
 */
export function prepareAssignability({ sdk, work, client }) {
  const resources = join(sdk, 'src', 'resources');
  if (!existsSync(resources)) return undefined;
  cpSync(join(sdk, 'src'), join(work, 'official', 'src'), { recursive: true });
  const files = listFiles(resources, '.ts');
  const { lines, checks } = checkLines(files, resources);
  const index = relative(work, join(client, 'src', 'index'))
    .split(sep)
    .join('/');
  const header = [`import Stigg from './${index}';`, ...EXTRA_KEYS.split('\n')];
  const offset = header.length;
  writeFileSync(join(work, 'assignability.ts'), [...header, ...lines, ''].join('\n'));
  for (const c of checks) c.line += offset;
  const tsconfig = join(work, 'tsconfig.assignability.json');
  const compilerOptions = {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    strict: true,
    noEmit: true,
  };
  writeFileSync(
    tsconfig,
    JSON.stringify(
      {
        compilerOptions: {
          ...compilerOptions,
          skipLibCheck: true,
          lib: ['ES2022', 'DOM'],
        },
        files: ['assignability.ts'],
      },
      null,
      2,
    ),
  );
  const count = (kind) => checks.filter((c) => c.kind === kind).length;
  return {
    tsconfig,
    checks,
    counts: {
      responses: count('response'),
      items: count('item'),
      params: count('params'),
    },
  };
}

/**
 * Sorts the compiler's errors in `assignability.ts` by check: a missing type (ours has no such name) or a mismatch.
 * @param {string[]} errors tsc output lines
 * @param {{ kind: string, name: string, line: number }[]} checks
 */
export function classify(errors, checks) {
  const byLine = new Map(checks.map((c) => [c.line, c]));
  const missing = new Map();
  const mismatched = new Map();
  for (const e of errors) {
    const m = /assignability\.ts\((\d+),\d+\): error (TS\d+): (.*)/.exec(e);
    const check = m && byLine.get(Number(m[1]));
    if (!check) continue;
    const target =
      /TS2694|TS2724|TS2339|TS2305/.test(m[2]) && m[3].includes(check.name.split('.').pop()) ? missing : mismatched;
    if (!target.has(check.name)) target.set(check.name, { ...check, error: m[3] });
  }
  return {
    missing: [...missing.values()],
    mismatched: [...mismatched.values()],
  };
}
