/**
 * Pagination detection over real specs: the Stigg split against the official
 * SDK surface, and per-style counts on the corpus (lower bounds; the counts are
 * printed so drift is visible). Without `../shared`, the large specs are replaced by
 * their vendored excerpts (test/corpus/specs/*-excerpt), with the counts of the excerpt.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import type { ApiModel } from '../../generator/model/types.js';
import { corpusFile, findCorpusFile } from '../helpers/corpus.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');

async function model(file: string): Promise<ApiModel> {
  return buildModel(await loadSpec(file), {});
}

function countStyles(m: ApiModel): { styles: Record<string, number>; ambiguous: number } {
  const styles: Record<string, number> = {};
  for (const op of m.operations) if (op.pagination) styles[op.pagination.style] = (styles[op.pagination.style] ?? 0) + 1;
  return { styles, ambiguous: m.warnings.filter((w) => w.code === 'pagination-ambiguous').length };
}

describe('pagination: Stigg', () => {
  const surface = corpusFile('stigg', 'official-sdk-surface.tsv');

  it('detects exactly the 21 list operations the official SDK paginates', async () => {
    const m = await model(path.join(repo, 'specs/stigg/openapi.yaml'));
    const [header, ...rows] = readFileSync(surface, 'utf8').trim().split('\n').map((l) => l.split('\t'));
    const idCol = header?.indexOf('operationId') ?? -1;
    const pagCol = header?.indexOf('paginated') ?? -1;
    const expected = new Map(rows.map((r) => [r[idCol] ?? '', r[pagCol] === 'yes']));
    expect(expected.size).toBe(122);

    const paginated = m.operations.filter((o) => o.pagination).map((o) => o.id).sort();
    const wanted = [...expected].filter(([, yes]) => yes).map(([id]) => id).sort();
    expect(wanted).toHaveLength(21);
    expect(paginated).toEqual(wanted);
    expect(m.operations.filter((o) => !o.pagination && expected.get(o.id) === false)).toHaveLength(101);

    for (const op of m.operations.filter((o) => o.pagination)) {
      expect(op.pagination).toMatchObject({
        style: 'cursor',
        items: ['data'],
        next: ['pagination', 'next'],
        prev: ['pagination', 'prev'],
        afterParam: 'after',
        beforeParam: 'before',
        limitParam: 'limit',
        source: 'inferred',
      });
    }
    // Item types are the component schemas where the spec names them.
    const byId = new Map(m.operations.map((o) => [o.id, o]));
    expect(byId.get('PlanController_getPlans')?.pagination?.itemSchema).toMatchObject({ kind: 'ref', target: 'Plan' });
    expect(byId.get('AddonController_getAddonCharges')?.pagination?.itemSchema).toMatchObject({ kind: 'ref', target: 'PackageCharge' });
  });

  it('explains the near misses as pagination-ambiguous warnings', async () => {
    const m = await model(path.join(repo, 'specs/stigg/openapi.yaml'));
    const messages = m.warnings.filter((w) => w.code === 'pagination-ambiguous').map((w) => w.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/GovernanceController_getCustomerGovernance.*forward-only cursor/),
        expect.stringMatching(/CreditController_getCreditUsage.*`data` is not an array/),
      ]),
    );
  });

  it('the config can page the forward-only governance list', async () => {
    const spec = await loadSpec(path.join(repo, 'specs/stigg/openapi.yaml'));
    const id = 'GovernanceController_getCustomerGovernance';
    const m = buildModel(spec, { operations: { [id]: { pagination: { style: 'cursor' } } } });
    expect(m.operations.find((o) => o.id === id)?.pagination).toMatchObject({ style: 'cursor', items: ['data'], next: ['pagination', 'next'], afterParam: 'after', source: 'config' });
    expect(m.warnings.filter((w) => w.code === 'config-error')).toEqual([]);
  });
});

type Counts = ReturnType<typeof countStyles>;

/**
 * Each spec: the full document from `../shared` when present, else its vendored excerpt. The operation checks hold for
 * both; the counts differ (the excerpt keeps a handful of operations).
 */
const corpus: Array<{ name: string; full: [string, string]; excerpt: string; counts: (c: Counts, full: boolean) => void; ops?: (m: ApiModel) => void }> = [
  {
    name: 'Stripe',
    full: ['stripe', 'spec3.yaml'],
    excerpt: 'stripe-excerpt',
    counts: ({ styles }, full) => {
      expect(styles['cursor-id']).toBeGreaterThanOrEqual(full ? 95 : 1);
      expect(styles['next-token']).toBeGreaterThanOrEqual(full ? 5 : 1); // /search endpoints: page + next_page
    },
    ops: (m) => {
      expect(m.operations.find((o) => o.id === 'GetCustomers')?.pagination).toMatchObject({ style: 'cursor-id', items: ['data'], hasMore: ['has_more'], afterParam: 'starting_after', beforeParam: 'ending_before' });
      expect(m.operations.find((o) => o.id === 'GetCustomersSearch')?.pagination).toMatchObject({ style: 'next-token', next: ['next_page'], cursorParam: 'page' });
    },
  },
  {
    name: 'GitHub',
    full: ['github', 'api.github.com.json'],
    excerpt: 'github-excerpt',
    counts: ({ styles }, full) => {
      expect(styles['link-header']).toBeGreaterThanOrEqual(full ? 150 : 2);
      expect((styles['link-header'] ?? 0) + (styles['page-number'] ?? 0)).toBeGreaterThanOrEqual(full ? 220 : 2);
    },
    ops: (m) => {
      expect(m.operations.find((o) => o.id === 'actions/list-workflow-runs')?.pagination).toMatchObject({ style: 'link-header', items: ['workflow_runs'] });
      expect(m.operations.find((o) => o.id === 'repos/list-for-org')?.pagination).toMatchObject({ style: 'link-header', items: [], pageParam: 'page', limitParam: 'per_page' });
    },
  },
  {
    name: 'DigitalOcean',
    full: ['digitalocean', 'specification/DigitalOcean-public.v2.yaml'],
    excerpt: 'digitalocean-excerpt',
    counts: ({ styles }, full) => expect(styles['page-number']).toBeGreaterThanOrEqual(full ? 70 : 1),
    ops: (m) => {
      expect(m.operations.find((o) => o.id === 'droplets_list')?.pagination).toMatchObject({
        style: 'page-number',
        items: ['droplets'],
        pageParam: 'page',
        limitParam: 'per_page',
        total: ['meta', 'total'],
      });
    },
  },
  {
    name: 'Ory Kratos (token in an undeclared Link header: warned, not inferred)',
    full: ['ory-kratos', 'api.json'],
    excerpt: 'ory-kratos',
    counts: ({ styles, ambiguous }) => {
      expect(styles).toEqual({});
      expect(ambiguous).toBeGreaterThanOrEqual(5);
    },
  },
  {
    name: 'Discord (before/after over bare arrays: warned, not inferred)',
    full: ['discord', 'openapi.json'],
    excerpt: 'discord-excerpt',
    counts: ({ styles, ambiguous }, full) => {
      expect(styles).toEqual({});
      expect(ambiguous).toBeGreaterThanOrEqual(full ? 15 : 4);
    },
  },
];

describe('pagination: corpus counts', () => {
  it.each(corpus.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const fullFile = findCorpusFile(...c.full);
    const file = fullFile ?? corpusFile(c.excerpt, c.excerpt === c.full[0] ? c.full[1] : 'openapi.json');
    const m = await model(file);
    const counts = countStyles(m);
    c.counts(counts, fullFile !== undefined);
    c.ops?.(m);
  }, 60_000);
});
