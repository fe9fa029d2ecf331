import type { ApiModel, Operation, Resource } from '../model/types.js';
import { LINE_WIDTH } from './literal.js';
import { pushTo } from '../util/multimap.js';
import type { ExportNameView, NamespaceMemberView, NamespaceView } from './view-model.js';

/** A type a resource offers in its namespace: `local` there, `global` at the package root. */
export interface LocalName {
  local: string;
  global: string;
}

/** A child resource as its parent's namespace sees it. */
export interface ChildNamespace {
  /** Namespace import of the child's module, e.g. `_integrations`. */
  module: string;
  className: string;
  own: LocalName[];
}

/** `PlanEntitlementCreateParams` (stem `PlanEntitlementCreate`) is `EntitlementCreateParams` inside `Plans.Entitlements`. */
function localize(global: string, op: Operation): string {
  const { stem, localStem } = op.typeNames;
  return stem !== '' && global.startsWith(stem) ? `${localStem}${global.slice(stem.length)}` : global;
}

/**
 * The names a resource puts in its own namespace (its parent's namespace repeats them): its operations' Params,
 * Response and page types under their unqualified names, and the models the config places on it. Two names that
 * would meet fall back to their package-root names, so no name is chosen by order.
 */
export function ownNames(resource: Resource, exported: readonly string[], model: ApiModel): LocalName[] {
  const key = resource.path.join('.');
  const opOf = new Map<string, Operation>();
  for (const op of resource.operations) {
    for (const n of [op.typeNames.params, op.typeNames.response, op.typeNames.page]) opOf.set(n, op);
  }
  const names: LocalName[] = exported.map((g) => {
    const op = opOf.get(g);
    return { local: op ? localize(g, op) : g, global: g };
  });
  for (const name of placedModels(model).get(key) ?? []) names.push({ local: name, global: name });
  return settle(names, new Set());
}

const placedByModel = new WeakMap<ApiModel, Map<string, string[]>>();

/** Model and alias names by the resource the config places them on, in model order (one pass per model). */
function placedModels(model: ApiModel): Map<string, string[]> {
  let placed = placedByModel.get(model);
  if (placed === undefined) {
    placed = new Map();
    for (const s of model.schemas) {
      if (s.resource !== undefined) pushTo(placed, s.resource, s.typeName);
      for (const a of s.aliases ?? []) if (a.resource !== undefined) pushTo(placed, a.resource, a.name);
    }
    placedByModel.set(model, placed);
  }
  return placed;
}

/** Local names used twice (or taken) become global names; any name still taken is left out. */
function settle(names: LocalName[], taken: ReadonlySet<string>): LocalName[] {
  const count = new Map<string, number>();
  for (const n of names) count.set(n.local, (count.get(n.local) ?? 0) + 1);
  const seen = new Set(taken);
  const out: LocalName[] = [];
  for (const n of names) {
    const local = (count.get(n.local) ?? 0) > 1 || taken.has(n.local) ? n.global : n.local;
    if (seen.has(local)) continue;
    seen.add(local);
    out.push({ local, global: n.global });
  }
  return out;
}

/**
 * The namespace merged with a resource (or client) class: its own names, then each child class and its names.
 * Also returns the own names as they ended up (a name a child class takes falls back to its global name), which is
 * what the parent's namespace may reach through this one.
 */
export function namespaceView(
  className: string,
  own: LocalName[],
  children: ChildNamespace[],
  extra: ExportNameView[] = [],
): { view: NamespaceView | null; own: LocalName[] } {
  const taken = new Set<string>([...children.map((c) => c.className), ...extra.map((e) => e.alias ?? e.name)]);
  const childNames = children.flatMap((c) =>
    c.own.map((n) => ({ local: n.local, global: `${c.module}.${c.className}.${n.local}`, fallback: n.global })),
  );
  const settled = settle([...own, ...childNames.map((n) => ({ local: n.local, global: n.fallback }))], taken);
  const ownSet = new Set(own.map((n) => n.global));
  const targetOf = new Map(childNames.map((n) => [n.fallback, n.global]));
  const exports: ExportNameView[] = [
    ...extra,
    ...settled.filter((n) => ownSet.has(n.global)).map((n) => ({ name: n.global, alias: n.local, typeOnly: true })),
  ];
  const members: NamespaceMemberView[] = [
    ...children.map((c) => ({ alias: c.className, target: `${c.module}.${c.className}`, isClass: true })),
    ...settled
      .filter((n) => !ownSet.has(n.global))
      .map((n) => ({ alias: n.local, target: targetOf.get(n.global) ?? n.global, isClass: false })),
  ].map((m) => ({
    ...m,
    multiline: `  export ${m.isClass ? 'import' : 'type'} ${m.alias} = ${m.target};`.length > LINE_WIDTH,
  }));
  const finalOwn = settled.filter((n) => ownSet.has(n.global));
  if (exports.length === 0 && members.length === 0) return { view: null, own: finalOwn };
  const texts = exports.map((e) => `${e.typeOnly ? 'type ' : ''}${e.name} as ${e.alias ?? e.name}`);
  const view: NamespaceView = {
    name: className,
    exports,
    exportsMultiline: exports.length > 1 && `  export { ${texts.join(', ')} };`.length > LINE_WIDTH,
    members,
    assignments: [
      ...extra.filter((e) => !e.typeOnly).map((e) => ({ property: e.alias ?? e.name, value: e.name })),
      ...children.map((c) => ({ property: c.className, value: `${c.module}.${c.className}` })),
    ],
  };
  return { view, own: finalOwn };
}
