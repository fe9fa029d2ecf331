import {
  CLIENT_MEMBERS as CLIENT_MEMBER_NAMES,
  RESOURCE_MEMBERS as RESOURCE_MEMBER_NAMES,
} from '../../runtime/src/core/contract.js';
import type { DiagnosticBag } from '../diagnostics.js';
import type { HttpMethod } from './types.js';

/** Members of the client base class that a method or child resource on the client root must not shadow. */
const CLIENT_MEMBERS: ReadonlySet<string> = new Set(CLIENT_MEMBER_NAMES);
/** Members of every resource class. */
const RESOURCE_MEMBERS: ReadonlySet<string> = new Set(RESOURCE_MEMBER_NAMES);

const VERB: Record<string, string> = {
  get: 'get',
  post: 'create',
  put: 'update',
  patch: 'update',
  delete: 'delete',
  head: 'head',
  options: 'options',
  trace: 'trace',
};

interface PlacedLike {
  resource: string[];
  methodName: string;
  method: HttpMethod;
  path: string;
  pointer: string;
  id: string;
}

/** The members a child of the resource at `depth` (0 = the client root) must not take. */
function reservedAt(depth: number): ReadonlySet<string> {
  return depth === 0 ? CLIENT_MEMBERS : RESOURCE_MEMBERS;
}

/**
 * A child resource may not take the name of a base-class member (`/timeout` would make
 * `client.timeout` a resource); it becomes `timeoutResource` (then numbered), for every
 * operation under it, with one warning per renamed resource.
 */
function renameReservedResources(ops: PlacedLike[], bag: DiagnosticBag, file: string): void {
  const renamed = new Map<string, string>();
  const siblings = new Map<string, Set<string>>();
  for (const op of ops) {
    for (let depth = 0; depth < op.resource.length; depth++) {
      const parent = op.resource.slice(0, depth).join('.');
      const set = siblings.get(parent) ?? new Set<string>();
      set.add(op.resource[depth] ?? '');
      siblings.set(parent, set);
    }
  }
  for (const op of ops) {
    for (let depth = 0; depth < op.resource.length; depth++) {
      const name = op.resource[depth] ?? '';
      if (!reservedAt(depth).has(name)) continue;
      const parent = op.resource.slice(0, depth).join('.');
      const key = `${parent}#${name}`;
      let next = renamed.get(key);
      if (next === undefined) {
        const taken = siblings.get(parent) ?? new Set<string>();
        next = `${name}Resource`;
        for (let n = 2; taken.has(next) || reservedAt(depth).has(next); n++) next = `${name}Resource${n}`;
        taken.add(next);
        renamed.set(key, next);
        const where = `${parent ? `${parent}.` : ''}${name}`;
        const message = `${where} would clash with a built-in member; the resource for ${op.path} is named ${next}`;
        bag.warn('name-collision', message, { file, pointer: op.pointer });
      }
      op.resource[depth] = next;
    }
  }
}

/**
 * A method may not share its name with a child resource (`selfService.login()`
 * next to `selfService.login.…`) or with a base-class member. Such methods get
 * their verb in front (`getLogin`), then a number if still taken.
 */
export function avoidMemberCollisions(ops: PlacedLike[], bag: DiagnosticBag, file: string): void {
  renameReservedResources(ops, bag, file);
  const children = new Map<string, Set<string>>();
  for (const op of ops) {
    for (let depth = 0; depth < op.resource.length; depth++) {
      const parent = op.resource.slice(0, depth).join('.');
      const set = children.get(parent) ?? new Set<string>();
      set.add(op.resource[depth] ?? '');
      children.set(parent, set);
    }
  }
  const used = new Map<string, Set<string>>();
  for (const op of ops) {
    const key = op.resource.join('.');
    const set = used.get(key) ?? new Set<string>();
    set.add(op.methodName);
    used.set(key, set);
  }
  for (const op of ops) {
    const key = op.resource.join('.');
    const reserved = reservedAt(op.resource.length);
    if (!children.get(key)?.has(op.methodName) && !reserved.has(op.methodName)) continue;
    const names = used.get(key) ?? new Set<string>();
    const base = `${VERB[op.method] ?? op.method}${op.methodName.charAt(0).toUpperCase()}${op.methodName.slice(1)}`;
    let name = base;
    for (let n = 2; names.has(name) || children.get(key)?.has(name) || reserved.has(name); n++) name = `${base}${n}`;
    bag.warn(
      'name-collision',
      `${key ? `${key}.` : ''}${op.methodName} would clash with a ${reserved.has(op.methodName) ? 'built-in member' : 'child resource'}; ${op.method.toUpperCase()} ${op.path} is named ${name}; ${nameItHint(op.id)}`,
      { file, pointer: op.pointer },
    );
    names.add(name);
    op.methodName = name;
  }
}

/** The config key that settles a renamed method, so the warning says how to silence it. */
export function nameItHint(operationId: string): string {
  return `set operations["${operationId}"].method to choose the name and silence this warning`;
}
