import { NameAllocator, singular, toTypeName, toTypeNamePart } from './naming.js';
import type { OperationTypeNames } from './types.js';
import { pushTo } from '../util/multimap.js';

interface Placed {
  id: string;
  resource: string[];
  methodName: string;
}

/** `['v1','customers','paymentMethod']` + `attach` -> `PaymentMethodAttach`, qualified by `depth` more parents. */
function stem(op: Placed, depth: number): string {
  const resources = op.resource.filter((r) => !/^v\d+/i.test(r));
  const parts = resources.slice(Math.max(0, resources.length - 1 - depth)).map((r) => toTypeNamePart(singular(r)));
  return toTypeName(`${parts.join('')}${toTypeNamePart(op.methodName)}`);
}

/**
 * Names each operation's Params/Response/Page types after its resource and
 * method (`CustomerListParams`). Where two operations would share a name, all
 * of them are qualified by their parent resources (`AddonEntitlementCreateParams`),
 * so no operation "wins" by being seen first.
 */
export function assignOperationTypeNames(ops: Placed[], allocator: NameAllocator): Map<string, OperationTypeNames> {
  const depth = new Map<string, number>(ops.map((op) => [op.id, 0]));
  for (let round = 0; round < 4; round++) {
    const groups = new Map<string, Placed[]>();
    for (const op of ops) {
      const key = stem(op, depth.get(op.id) ?? 0).toLowerCase();
      pushTo(groups, key, op);
    }
    let changed = false;
    for (const [key, group] of groups) {
      const clash = group.length > 1 || allocator.has(`${key}params`) || allocator.has(`${key}response`);
      if (!clash) continue;
      for (const op of group) {
        const d = depth.get(op.id) ?? 0;
        if (d < op.resource.length - 1) {
          depth.set(op.id, d + 1);
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  const out = new Map<string, OperationTypeNames>();
  const sorted = [...ops].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const op of sorted) {
    const s = stem(op, depth.get(op.id) ?? 0);
    // The page name needs the pagination style, known later (see `assignPageName`).
    out.set(op.id, {
      params: allocator.claim(`${s}Params`),
      response: allocator.claim(`${s}Response`),
      page: '',
      stem: s,
      localStem: stem(op, 0),
    });
  }
  return out;
}

/** `<stem>Responses<PageName>`, e.g. `CustomerListResponsesMyCursorIDPage`, claimed once the style is known. */
export function assignPageName(names: OperationTypeNames, pageName: string, allocator: NameAllocator): void {
  names.page = allocator.claim(`${names.stem}Responses${pageName}`);
}
