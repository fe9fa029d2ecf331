import { describe, expect, it } from 'vitest';
import type { Pagination } from '../../generator/model/types.js';
import { detect, NSTR, OP_ID, OP_POINTER, type Shape, STR, THING, THINGS } from './pagination-helpers.js';

const obj = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ type: 'object', properties, ...extra });
const STIGG_BODY = obj({ data: THINGS, pagination: obj({ next: NSTR, prev: NSTR }) }, { required: ['data', 'pagination'] });
const STRIPE_BODY = obj({ object: { type: 'string', enum: ['list'] }, data: THINGS, has_more: { type: 'boolean' }, url: STR });
const DO_LINKS = obj({
  pages: {
    anyOf: [
      { allOf: [obj({ last: STR }), obj({ next: STR })] },
      { allOf: [obj({ first: STR }), obj({ prev: STR })] },
      {},
    ],
  },
});

type Expected = Partial<Omit<Pagination, 'itemSchema'>> & { style: Pagination['style'] };
interface Row {
  name: string;
  shape: Shape;
  /** Expected pagination (checked with toMatchObject), or null for none. */
  expect: Expected | null;
  /** Expected pagination-ambiguous warning; absent means no warning. */
  warn?: RegExp;
}

const positive: Row[] = [
  {
    name: 'cursor: Stigg after/before/limit + data + pagination.next/prev',
    shape: { params: ['after', 'before', 'limit', 'email'], body: STIGG_BODY },
    expect: { style: 'cursor', items: ['data'], next: ['pagination', 'next'], prev: ['pagination', 'prev'], afterParam: 'after', beforeParam: 'before', limitParam: 'limit', source: 'inferred' },
  },
  {
    name: 'cursor: through $ref and allOf (envelope + list)',
    shape: {
      params: ['after', 'before', 'limit'],
      body: { $ref: '#/components/schemas/ThingList' },
      components: {
        Paged: obj({ pagination: { $ref: '#/components/schemas/Cursors' } }),
        Cursors: obj({ next: NSTR, prev: NSTR }),
        ThingList: { allOf: [{ $ref: '#/components/schemas/Paged' }, obj({ data: { $ref: '#/components/schemas/Things' } })] },
        Things: THINGS,
      },
    },
    expect: { style: 'cursor', items: ['data'], next: ['pagination', 'next'], prev: ['pagination', 'prev'] },
  },
  {
    name: 'cursor: the single array property when there is no `data`',
    shape: { params: ['after', 'before'], body: obj({ customers: THINGS, paging: obj({ next: STR, previous: STR }) }) },
    expect: { style: 'cursor', items: ['customers'], next: ['paging', 'next'], prev: ['paging', 'previous'] },
  },
  {
    name: 'cursor-id: Stripe starting_after/ending_before + has_more + items with id',
    shape: { params: ['created', 'ending_before', 'expand', 'limit', 'starting_after'], body: STRIPE_BODY },
    expect: { style: 'cursor-id', items: ['data'], hasMore: ['has_more'], afterParam: 'starting_after', beforeParam: 'ending_before', limitParam: 'limit' },
  },
  {
    name: 'cursor-id: items are a union whose variants all have an id',
    shape: {
      params: ['starting_after', 'limit'],
      body: obj({ data: { type: 'array', items: { oneOf: [THING, { $ref: '#/components/schemas/Card' }] } }, has_more: { type: 'boolean' } }),
      components: { Card: obj({ id: STR, last4: STR }) },
    },
    expect: { style: 'cursor-id', items: ['data'], afterParam: 'starting_after' },
  },
  {
    name: 'next-token: response_metadata.next_cursor + cursor (Slack)',
    shape: { params: ['cursor', 'limit'], body: obj({ ok: { type: 'boolean' }, channels: THINGS, response_metadata: obj({ next_cursor: STR }) }) },
    expect: { style: 'next-token', items: ['channels'], next: ['response_metadata', 'next_cursor'], cursorParam: 'cursor', limitParam: 'limit' },
  },
  {
    name: 'next-token: next_page_token + page_token/page_size',
    shape: { params: ['page_token', 'page_size'], body: obj({ things: THINGS, next_page_token: STR }) },
    expect: { style: 'next-token', items: ['things'], next: ['next_page_token'], cursorParam: 'page_token', limitParam: 'page_size' },
  },
  {
    name: 'next-token: nextPageToken + pageToken (Google)',
    shape: { params: ['pageToken', 'pageSize'], body: obj({ results: THINGS, nextPageToken: STR }) },
    expect: { style: 'next-token', items: ['results'], next: ['nextPageToken'], cursorParam: 'pageToken', limitParam: 'pageSize' },
  },
  {
    name: 'next-token: Stripe search, `page` typed as a string + next_page',
    shape: { params: ['query', 'limit', ['page', STR]], body: obj({ data: THINGS, has_more: { type: 'boolean' }, next_page: NSTR, total_count: { type: 'integer' } }) },
    expect: { style: 'next-token', items: ['data'], next: ['next_page'], cursorParam: 'page', hasMore: ['has_more'] },
  },
  {
    name: 'next-token: `after` + last_id without a cursor object (OpenAI / DigitalOcean batches)',
    shape: { params: ['after', 'limit'], body: obj({ data: THINGS, first_id: STR, last_id: STR, has_more: { type: 'boolean' } }) },
    expect: { style: 'next-token', items: ['data'], next: ['last_id'], cursorParam: 'after', hasMore: ['has_more'] },
  },
  {
    name: 'offset: offset + limit + total_count',
    shape: { params: ['offset', 'limit'], body: obj({ results: THINGS, total_count: { type: 'integer' } }) },
    expect: { style: 'offset', items: ['results'], offsetParam: 'offset', limitParam: 'limit', total: ['total_count'] },
  },
  {
    name: 'offset: bare array body',
    shape: { params: ['offset', 'limit'], body: THINGS },
    expect: { style: 'offset', items: [], offsetParam: 'offset', limitParam: 'limit' },
  },
  {
    name: 'page-number: DigitalOcean resource key + links.pages.next (anyOf) + meta.total',
    shape: { params: ['per_page', 'page'], body: { allOf: [obj({ droplets: THINGS }), obj({ links: DO_LINKS }), obj({ meta: obj({ total: { type: 'integer' } }) })] } },
    expect: { style: 'page-number', items: ['droplets'], pageParam: 'page', limitParam: 'per_page', next: ['links', 'pages', 'next'], total: ['meta', 'total'] },
  },
  {
    name: 'page-number: total_pages is recorded as totalPages',
    shape: { params: ['page', 'page_size'], body: obj({ items: THINGS, total_pages: { type: 'integer' }, total_items: { type: 'integer' } }) },
    expect: { style: 'page-number', items: ['items'], pageParam: 'page', limitParam: 'page_size', totalPages: ['total_pages'], total: ['total_items'] },
  },
  {
    name: 'link-header: GitHub page/per_page + Link + bare array',
    shape: { params: ['per_page', 'page'], body: THINGS, headers: ['Link'] },
    expect: { style: 'link-header', items: [], pageParam: 'page', limitParam: 'per_page' },
  },
  {
    name: 'link-header: the single array property (workflow_runs), lower-case header',
    shape: { params: ['per_page', 'page', 'status'], body: obj({ total_count: { type: 'integer' }, workflow_runs: THINGS }), headers: ['link'] },
    expect: { style: 'link-header', items: ['workflow_runs'] },
  },
  {
    name: 'link-header: wins over before/after when the body has no cursor',
    shape: { params: ['before', 'after', 'per_page'], body: THINGS, headers: ['Link'] },
    expect: { style: 'link-header', items: [], afterParam: 'after', beforeParam: 'before' },
  },
  {
    name: 'link-header: a union of arrays is still an array body',
    shape: { params: ['page', 'per_page'], body: { oneOf: [THINGS, { type: 'array', items: { $ref: '#/components/schemas/Card' } }] }, headers: ['Link'], components: { Card: obj({ id: STR }) } },
    expect: { style: 'link-header', items: [] },
  },
];

const negative: Row[] = [
  { name: 'plain list without paging params', shape: { params: ['status'], body: obj({ data: THINGS }) }, expect: null },
  { name: 'single object', shape: { body: obj({ data: THING }) }, expect: null },
  { name: 'non-GET is never inferred', shape: { method: 'post', params: ['after', 'before', 'limit'], body: STIGG_BODY }, expect: null },
  { name: 'Link header on a single-object GET without params: not a list, no warning', shape: { body: THING, headers: ['Link'] }, expect: null },
  {
    name: 'deprecated page/per_page are ignored (flag, or a description starting with "Deprecated")',
    shape: { params: [['page', { type: 'integer' }, { deprecated: true }], ['per_page', { type: 'integer' }, { description: 'Deprecated Items per Page' }]], body: THINGS },
    expect: null,
  },
];

const ambiguous: Row[] = [
  { name: 'limit alone', shape: { params: ['limit'], body: obj({ data: THINGS }) }, expect: null, warn: /limit alone/ },
  { name: 'page + per_page but no items array', shape: { params: ['page', 'per_page'], body: obj({ total: { type: 'integer' }, summary: obj({}) }) }, expect: null, warn: /no top-level items array/ },
  { name: 'page without a size parameter', shape: { params: ['page'], body: obj({ data: THINGS }) }, expect: null, warn: /page without a page-size parameter/ },
  { name: 'offset without limit', shape: { params: ['offset'], body: THINGS }, expect: null, warn: /offset without a size parameter/ },
  {
    name: 'Discord: before/after/limit returning a bare array',
    shape: { params: ['before', 'after', 'limit'], body: THINGS },
    expect: null,
    warn: /bare array, so there is no cursor/,
  },
  {
    name: 'forward-only cursor (Stigg governance: after + pagination.next)',
    shape: { params: ['after', 'limit'], body: obj({ data: THINGS, pagination: obj({ next: NSTR }) }) },
    expect: null,
    warn: /forward-only cursor is not inferred/,
  },
  {
    name: 'cursor params but data is an object (Stigg credit usage)',
    shape: { params: ['after', 'before', 'limit'], body: obj({ data: obj({ series: THINGS, pagination: obj({ next: NSTR, prev: NSTR }) }) }) },
    expect: null,
    warn: /`data` is not an array/,
  },
  {
    name: 'cursor object without cursor params',
    shape: { body: STIGG_BODY },
    expect: null,
    warn: /no paging query parameter/,
  },
  {
    name: 'starting_after but items have no id',
    shape: { params: ['starting_after', 'limit'], body: obj({ data: { type: 'array', items: obj({ name: STR }) }, has_more: { type: 'boolean' } }) },
    expect: null,
    warn: /no `id`/,
  },
  { name: 'starting_after without has_more', shape: { params: ['starting_after', 'limit'], body: obj({ data: THINGS }) }, expect: null, warn: /no has_more flag/ },
  {
    name: 'Kratos: page_token + page_size, bare array, no declared Link header',
    shape: { params: ['page_size', 'page_token'], body: THINGS },
    expect: null,
    warn: /no next token for page_token and declares no Link header/,
  },
  {
    name: 'several arrays: which one is the list is unclear',
    shape: { params: ['page', 'per_page'], body: obj({ commits: THINGS, files: THINGS }) },
    expect: null,
    warn: /several arrays \(commits, files\)/,
  },
  {
    name: 'a URL is not an opaque token',
    shape: { params: ['cursor', 'limit'], body: obj({ data: THINGS, next: { type: 'string', format: 'uri' } }) },
    expect: null,
    warn: /no next token for cursor/,
  },
  {
    name: 'no JSON success body',
    shape: { params: ['page', 'per_page'], body: { type: 'string' }, contentType: 'text/csv' },
    expect: null,
    warn: /no JSON body/,
  },
];

function check(row: Row): void {
  const { op, diagnostics } = detect(row.shape);
  if (row.expect) {
    expect(op.pagination).toMatchObject(row.expect);
    expect(op.pagination?.itemSchema).toBeDefined();
  } else {
    expect(op.pagination).toBeUndefined();
  }
  const warnings = diagnostics.filter((d) => d.code === 'pagination-ambiguous');
  if (row.warn) {
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toMatch(row.warn);
    expect(warnings[0]?.location).toEqual({ file: 'inline.yaml', pointer: OP_POINTER });
  } else {
    expect(warnings).toEqual([]);
  }
}

describe('pagination detection: positive shapes', () => {
  it.each(positive.map((r) => [r.name, r] as const))('%s', (_name, row) => check(row));
});

describe('pagination detection: negative shapes', () => {
  it.each(negative.map((r) => [r.name, r] as const))('%s', (_name, row) => check(row));

  it('Kratos: deprecated page/per_page do not turn a token list into page-number', () => {
    const deprecated = { description: 'Deprecated Pagination Page\n\nDEPRECATED: Please use `page_token` instead.' };
    const params: Shape['params'] = [['per_page', { type: 'integer' }, deprecated], ['page', { type: 'integer' }, deprecated], 'page_size', 'page_token'];
    const { op, diagnostics } = detect({ params, body: THINGS });
    expect(op.pagination).toBeUndefined();
    expect(diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/saw query page_token, page_size, but the response carries no next token/)]);
    // The same parameters without the deprecation notes would be page-number.
    expect(detect({ params: ['per_page', 'page', 'page_size', 'page_token'], body: THINGS }).op.pagination?.style).toBe('page-number');
  });
});

describe('pagination detection: ambiguous shapes warn and do not paginate', () => {
  it.each(ambiguous.map((r) => [r.name, r] as const))('%s', (_name, row) => check(row));
});

describe('pagination detection: item schema', () => {
  it('is the items array item schema, not resolved (keeps the $ref for naming)', () => {
    const { op } = detect({ params: ['after', 'before', 'limit'], body: STIGG_BODY });
    expect(op.pagination?.itemSchema).toEqual({ kind: 'ref', target: 'Thing', nullable: false });
  });
  it('is inline when the items are inline', () => {
    const { op } = detect({ params: ['offset', 'limit'], body: { type: 'array', items: obj({ id: { type: 'integer' } }) } });
    expect(op.pagination?.itemSchema).toMatchObject({ kind: 'object', properties: [{ name: 'id' }] });
  });
});

describe('pagination: options and config overrides', () => {
  const stigg: Shape = { params: ['after', 'before', 'limit'], body: STIGG_BODY };

  it('pagination: off disables inference and its warnings', () => {
    expect(detect(stigg, { pagination: 'off' }).op.pagination).toBeUndefined();
    const { op, diagnostics } = detect({ params: ['limit'], body: THINGS }, { pagination: 'off' });
    expect(op.pagination).toBeUndefined();
    expect(diagnostics).toEqual([]);
  });

  it('an override of false turns a detected operation off, silently', () => {
    const { op, diagnostics } = detect(stigg, { operations: { [OP_ID]: { pagination: false } } });
    expect(op.pagination).toBeUndefined();
    expect(diagnostics).toEqual([]);
    expect(detect({ params: ['limit'], body: THINGS }, { operations: { [OP_ID]: { pagination: false } } }).diagnostics).toEqual([]);
  });

  it('a bare style fills the rest from the spec and is marked config', () => {
    const inferred = detect(stigg).op.pagination;
    const { op, diagnostics } = detect(stigg, { operations: { [OP_ID]: { pagination: { style: 'cursor' } } } });
    expect(diagnostics).toEqual([]);
    expect(op.pagination).toEqual({ ...inferred, source: 'config' });
  });

  it('declares a forward-only cursor that inference leaves alone', () => {
    const shape: Shape = { params: ['after', 'limit'], body: obj({ data: THINGS, pagination: obj({ next: NSTR }) }) };
    const { op, diagnostics } = detect(shape, {
      operations: { [OP_ID]: { pagination: { style: 'cursor', items: 'data', next: 'pagination.next', afterParam: 'after', limitParam: 'limit' } } },
    });
    expect(diagnostics).toEqual([]);
    expect(op.pagination).toMatchObject({ style: 'cursor', items: ['data'], next: ['pagination', 'next'], afterParam: 'after', limitParam: 'limit', source: 'config' });
    expect(op.pagination?.beforeParam).toBeUndefined();
  });

  it('declares link-header for Kratos (token in an undeclared Link header)', () => {
    const { op, diagnostics } = detect({ params: ['page_size', 'page_token'], body: THINGS }, { operations: { [OP_ID]: { pagination: { style: 'link-header' } } } });
    expect(diagnostics).toEqual([]);
    expect(op.pagination).toMatchObject({ style: 'link-header', items: [], limitParam: 'page_size', source: 'config' });
  });

  it('overrides win over a different inferred style', () => {
    const shape: Shape = { params: ['page', 'per_page'], body: THINGS, headers: ['Link'] };
    expect(detect(shape).op.pagination?.style).toBe('link-header');
    const { op } = detect(shape, { operations: { [OP_ID]: { pagination: { style: 'page-number' } } } });
    expect(op.pagination).toMatchObject({ style: 'page-number', pageParam: 'page', limitParam: 'per_page', items: [] });
  });

  it('applies to non-GET operations and with pagination: off', () => {
    const { op } = detect({ ...stigg, method: 'post' }, { pagination: 'off', operations: { [OP_ID]: { pagination: { style: 'cursor' } } } });
    expect(op.pagination).toMatchObject({ style: 'cursor', source: 'config' });
  });

  it('an items path that does not exist is an error at the operation', () => {
    const { op, diagnostics } = detect(stigg, { operations: { [OP_ID]: { pagination: { style: 'cursor', items: 'results' } } } });
    expect(op.pagination).toBeUndefined();
    expect(diagnostics).toEqual([
      {
        code: 'config-error',
        severity: 'error',
        message: `${OP_ID}: pagination items path "results" does not exist in the success response`,
        location: { file: 'inline.yaml', pointer: OP_POINTER },
      },
    ]);
  });

  it('an items path that is not an array is an error', () => {
    const { op, diagnostics } = detect(stigg, { operations: { [OP_ID]: { pagination: { style: 'cursor', items: 'pagination' } } } });
    expect(op.pagination).toBeUndefined();
    expect(diagnostics.map((d) => [d.severity, d.message])).toEqual([['error', `${OP_ID}: pagination items path "pagination" is not an array in the success response`]]);
  });

  it('nested items paths are followed', () => {
    const { op, diagnostics } = detect(
      { params: ['cursor'], body: obj({ result: obj({ entries: THINGS }), meta: obj({ next_cursor: STR }) }) },
      { operations: { [OP_ID]: { pagination: { style: 'next-token', items: 'result.entries' } } } },
    );
    expect(diagnostics).toEqual([]);
    expect(op.pagination).toMatchObject({ style: 'next-token', items: ['result', 'entries'], next: ['meta', 'next_cursor'], cursorParam: 'cursor' });
  });

  it('a style whose required fields the spec cannot supply is an error', () => {
    const { op, diagnostics } = detect({ params: ['limit'], body: obj({ data: THINGS }) }, { operations: { [OP_ID]: { pagination: { style: 'next-token' } } } });
    expect(op.pagination).toBeUndefined();
    expect(diagnostics.map((d) => [d.severity, d.message])).toEqual([['error', `${OP_ID}: pagination style next-token needs "next", "cursorParam", which the spec does not show; declare them`]]);
  });

  it('declared fields the spec does not show are kept, with warnings', () => {
    const { op, diagnostics } = detect(
      { params: ['limit'], body: obj({ data: THINGS }) },
      { operations: { [OP_ID]: { pagination: { style: 'next-token', next: 'meta.cursor', cursorParam: 'cursor' } } } },
    );
    expect(op.pagination).toMatchObject({ style: 'next-token', items: ['data'], next: ['meta', 'cursor'], cursorParam: 'cursor', limitParam: 'limit', source: 'config' });
    expect(diagnostics.map((d) => [d.severity, d.message])).toEqual([
      ['warning', `${OP_ID}: pagination cursorParam "cursor" is not a query parameter of this operation`],
      ['warning', `${OP_ID}: pagination next path "meta.cursor" does not exist in the success response`],
    ]);
  });

  it('overrides for other operations do not affect this one', () => {
    expect(detect(stigg, { operations: { otherOp: { pagination: false } } }).op.pagination?.style).toBe('cursor');
  });
});
