import type { DiagnosticBag } from '../diagnostics.js';
import type { OperationOverride } from '../config/types.js';
import { isPluralWord, toMemberName } from './naming.js';
import { HTTP_METHODS, type RawOperation } from './operations.js';
import type { Operation, Resource } from './types.js';
import { nameItHint } from './member-collisions.js';
import { pushTo } from '../util/multimap.js';

/** Where inference puts an operation: resource path and method name. */
export interface Placement {
  resource: string[];
  methodName: string;
}

const VERB_PREFIX: Record<string, string> = {
  get: 'get',
  post: 'create',
  put: 'update',
  patch: 'update',
  delete: 'delete',
};

const VERSION_SEGMENT = /^v\d+([._-]?[a-z]+\d*)?$/i;

interface Segment {
  text: string;
  param: boolean;
}

function splitPath(path: string): Segment[] {
  return path
    .split('/')
    .filter(Boolean)
    .map((text) => ({ text, param: /^\{[^}]+\}$/.test(text) || /\{[^}]+\}/.test(text) }));
}

/**
 * The static prefix shared by every path (such as `/api`), which carries no
 * meaning in the client. Version segments and the last static segment of a
 * path are never part of it.
 */
export function commonPrefix(paths: string[]): string[] {
  const split = paths.map(splitPath);
  const first = split[0];
  if (!first) return [];
  const prefix: string[] = [];
  for (let i = 0; i < first.length; i++) {
    const seg = first[i];
    if (!seg || seg.param || VERSION_SEGMENT.test(seg.text)) break;
    const sharedByAll = split.every((s) => s[i]?.text === seg.text && s.slice(i + 1).some((x) => !x.param));
    if (!sharedByAll) break;
    prefix.push(seg.text);
  }
  return prefix;
}

/** Infers resource path and method name from an operation's path and verb. */
export function inferPlacement(path: string, method: string, prefix: string[]): Placement {
  const { resource, methodName } = infer(path, method, prefix);
  return { resource, methodName };
}

/** {@link inferPlacement}, also telling whether the method name is an action taken from the path. */
function infer(path: string, method: string, prefix: string[]): Placement & { action: boolean } {
  const segments = splitPath(path).slice(prefix.length);
  const resource: string[] = [];
  for (const seg of segments) {
    if (seg.param) continue;
    resource.push(VERSION_SEGMENT.test(seg.text) ? toMemberName(seg.text) : toMemberName(seg.text));
  }
  const last = segments[segments.length - 1];
  const endsWithParam = last?.param === true;
  const lastStatic = [...segments].reverse().find((s) => !s.param);
  const staticIsAction =
    !endsWithParam &&
    lastStatic !== undefined &&
    resource.length > 1 &&
    !VERSION_SEGMENT.test(lastStatic.text) &&
    !isPluralWord(toMemberName(lastStatic.text));

  if (staticIsAction) {
    // `/customers/{id}/archive`, `/customers/import`: a verb (or singular noun) after the resource is an action on it.
    const action = resource.pop() ?? 'call';
    return { resource, methodName: action, action: true };
  }
  const isVersionOnly =
    resource.length > 0 &&
    resource.every((r, i) => VERSION_SEGMENT.test(segments.filter((s) => !s.param)[i]?.text ?? ''));
  const collection = !endsWithParam;
  const verbs: Record<string, [string, string]> = {
    get: ['list', 'retrieve'],
    // POST to an item updates it (Stripe, Swagger Petstore `POST /pet/{petId}`); it creates nothing.
    post: ['create', 'update'],
    put: ['update', 'update'],
    patch: ['update', 'update'],
    delete: ['delete', 'delete'],
    head: ['head', 'head'],
    options: ['options', 'options'],
    trace: ['trace', 'trace'],
  };
  const pair = verbs[method] ?? [method, method];
  const methodName = isVersionOnly && collection ? method : collection ? pair[0] : pair[1];
  return { resource, methodName, action: false };
}

/**
 * Places every operation: config overrides first, then inference. Name
 * collisions are settled in canonical (path, method) order, so the result
 * never depends on the order of keys in the spec.
 */
export function placeOperations(
  ops: RawOperation[],
  overrides: Record<string, OperationOverride>,
  prefix: string[],
  bag: DiagnosticBag,
  file: string,
): Array<RawOperation & Placement & { placement: Operation['placement'] }> {
  const inferred = ops.map((op) => ({ op, ...infer(op.path, op.method, prefix) }));
  // Two verbs on one action (`POST /draft`, `DELETE /draft`) are told apart by verb: `createDraft`, `deleteDraft`.
  // Only actions: CRUD names that meet (PUT collection and PATCH item, both `update`) are numbered below.
  const groups = new Map<string, typeof inferred>();
  for (const p of inferred) {
    const key = `${p.resource.join('.')}#${p.methodName}`;
    pushTo(groups, key, p);
  }
  for (const group of groups.values()) {
    const methods = new Set(group.map((p) => p.op.method));
    if (group.length < 2 || methods.size !== group.length || !group.every((p) => p.action)) continue;
    for (const p of group)
      p.methodName = `${VERB_PREFIX[p.op.method] ?? p.op.method}${p.methodName.charAt(0).toUpperCase()}${p.methodName.slice(1)}`;
  }
  const placed = inferred.map(({ op, resource, methodName }) => {
    const override = overrides[op.id];
    if (!override || (!override.resource && !override.method))
      return { ...op, resource, methodName, placement: 'inferred' as const };
    return {
      ...op,
      resource: override.resource !== undefined ? override.resource.split('.').filter(Boolean) : resource,
      methodName: override.method ?? methodName,
      placement: 'config' as const,
    };
  });
  const used = new Map<string, string>();
  // Canonical order here, not the caller's: the numbering must not depend on how the input was ordered.
  const canonical = [...placed].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : HTTP_METHODS.indexOf(a.method) - HTTP_METHODS.indexOf(b.method),
  );
  for (const op of canonical) {
    const base = op.methodName;
    let name = base;
    for (let n = 2; used.has(`${op.resource.join('.')}#${name}`); n++) name = `${base}${n}`;
    if (name !== base) {
      bag.warn(
        'name-collision',
        `${op.resource.join('.')}.${base} is taken by ${used.get(`${op.resource.join('.')}#${base}`)}; ${op.method.toUpperCase()} ${op.path} is named ${name}; ${nameItHint(op.id)}`,
        {
          file,
          pointer: op.pointer,
        },
      );
    }
    op.methodName = name;
    used.set(`${op.resource.join('.')}#${name}`, `${op.method.toUpperCase()} ${op.path}`);
  }
  return placed;
}

/** Builds the resource tree; children and operations are sorted by name. */
export function buildResourceTree(ops: Operation[]): Resource {
  const root: Resource = { name: '', path: [], operations: [], children: [] };
  for (const op of ops) {
    let node = root;
    for (const name of op.resource) {
      let child = node.children.find((c) => c.name === name);
      if (!child) {
        child = { name, path: [...node.path, name], operations: [], children: [] };
        node.children.push(child);
      }
      node = child;
    }
    node.operations.push(op);
  }
  const sortTree = (r: Resource): void => {
    r.children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    r.operations.sort((a, b) => (a.methodName < b.methodName ? -1 : a.methodName > b.methodName ? 1 : 0));
    r.children.forEach(sortTree);
  };
  sortTree(root);
  return root;
}
