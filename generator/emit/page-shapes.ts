import type { Operation, Pagination } from '../model/types.js';
import { docLines } from './docs.js';
import type { FileContext } from './file-context.js';
import { propertyKey } from './literal.js';
import { layoutMember } from './type-layout.js';
import { memberView } from './type-expr.js';
import { generic, keyword, named, unionOf } from './type-views.js';
import type { MemberView, TypeDeclarationView, TypeView } from './view-model.js';

const PARAM_KEYS = ['afterParam', 'beforeParam', 'limitParam', 'cursorParam', 'offsetParam', 'pageParam'] as const;

/** `{ a: { b: T } }` members from dotted paths, in first-seen order. */
function nestedMembers(entries: Array<{ path: string[]; type: TypeView }>): MemberView[] {
  const order: string[] = [];
  const groups = new Map<string, Array<{ path: string[]; type: TypeView }>>();
  for (const e of entries) {
    const [head, ...rest] = e.path;
    if (head === undefined) continue;
    if (!groups.has(head)) order.push(head);
    groups.set(head, [...(groups.get(head) ?? []), { path: rest, type: e.type }]);
  }
  return order.map((key) => {
    const group = groups.get(key) ?? [];
    const leaf = group.find((g) => g.path.length === 0);
    const type: TypeView = leaf
      ? leaf.type
      : {
          kind: 'object',
          members: nestedMembers(group),
          indexSignature: null,
          multiline: true,
          grouped: false,
          breakBefore: false,
        };
    return { doc: { lines: [] }, key: propertyKey(key), optional: false, type };
  });
}

/**
 * `<PageName>Params` (the paging query parameters, typed and documented as the spec declares them on the first list
 * operation of that style) and `<PageName>Response<Item>` (the page body: items, cursors, flags, by their paths).
 */
export function pageShapeDeclarations(op: Operation, pageName: string, ctx: FileContext): TypeDeclarationView[] {
  const p = op.pagination as Pagination;
  const paramNames = new Set(PARAM_KEYS.map((k) => p[k]).filter((n): n is string => n !== undefined));
  const params = op.request.members
    .filter((m) => m.location === 'query' && paramNames.has(m.property.name))
    .map((m) => ({ ...memberView(m.property, ctx, 'request', '', m.docs ?? m.property.schema), optional: true }));
  for (const m of params) layoutMember(m, 2);
  const cursor = unionOf([keyword('string'), keyword('null')]);
  const body = nestedMembers([
    ...(p.items.length > 0 ? [{ path: p.items, type: generic('Array', [named('Item')]) }] : []),
    ...(p.next ? [{ path: p.next, type: cursor }] : []),
    ...(p.prev ? [{ path: p.prev, type: cursor }] : []),
    ...(p.hasMore ? [{ path: p.hasMore, type: keyword('boolean') }] : []),
    ...(p.total ? [{ path: p.total, type: keyword('number') }] : []),
  ]);
  const declarations: TypeDeclarationView[] = [
    {
      name: `${pageName}Params`,
      doc: { lines: docLines({ description: `Query parameters that select a page of a {@link ${pageName}}.` }) },
      kind: 'interface',
      members: params,
      indexSignature: null,
      type: null,
      typeParameters: [],
    },
  ];
  // A body that is the array itself (link-header, some offset APIs) has no response object to name.
  if (body.length > 0) {
    for (const m of body) layoutMember(m, 2);
    declarations.push({
      name: `${pageName}Response`,
      doc: { lines: docLines({ description: `The response body of one page of a {@link ${pageName}}.` }) },
      kind: 'interface',
      members: body,
      indexSignature: null,
      type: null,
      typeParameters: ['Item'],
    });
  }
  return declarations;
}
