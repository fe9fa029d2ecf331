import type { DiagnosticBag } from '../diagnostics.js';
import type { HttpMethod } from './types.js';

/** Members of the generated client base class that an operation on the client root must not shadow. */
export const CLIENT_MEMBERS = new Set(['request', 'requestPage', 'get', 'post', 'put', 'patch', 'delete', 'withOptions', 'apiKey', 'baseURL', 'constructor', 'toString']);
/** Members of every resource class. */
const RESOURCE_MEMBERS = new Set(['constructor', 'toString']);

const VERB: Record<string, string> = { get: 'get', post: 'create', put: 'update', patch: 'update', delete: 'delete', head: 'head', options: 'options', trace: 'trace' };

interface PlacedLike {
  resource: string[];
  methodName: string;
  method: HttpMethod;
  path: string;
  pointer: string;
  id: string;
}

/**
 * A method may not share its name with a child resource (`selfService.login()`
 * next to `selfService.login.…`) or with a base-class member. Such methods get
 * their verb in front (`getLogin`), then a number if still taken.
 */
export function avoidMemberCollisions(ops: PlacedLike[], bag: DiagnosticBag, file: string): void {
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
    const reserved = op.resource.length === 0 ? CLIENT_MEMBERS : RESOURCE_MEMBERS;
    if (!children.get(key)?.has(op.methodName) && !reserved.has(op.methodName)) continue;
    const names = used.get(key) ?? new Set<string>();
    const base = `${VERB[op.method] ?? op.method}${op.methodName.charAt(0).toUpperCase()}${op.methodName.slice(1)}`;
    let name = base;
    for (let n = 2; names.has(name) || children.get(key)?.has(name) || reserved.has(name); n++) name = `${base}${n}`;
    bag.warn('name-collision', `${key ? `${key}.` : ''}${op.methodName} would clash with a ${reserved.has(op.methodName) ? 'built-in member' : 'child resource'}; ${op.method.toUpperCase()} ${op.path} is named ${name}; ${nameItHint(op.id)}`, { file, pointer: op.pointer });
    names.add(name);
    op.methodName = name;
  }
}

/** The config key that settles a renamed method, so the warning says how to silence it. */
export function nameItHint(operationId: string): string {
  return `set operations["${operationId}"].method to choose the name and silence this warning`;
}
