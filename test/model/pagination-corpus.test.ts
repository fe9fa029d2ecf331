/**
 * Pagination detection over real specs: the Stigg split against the official
 * SDK surface, and per-style counts on the shared corpus (lower bounds; the
 * counts are printed so drift is visible).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import type { ApiModel } from '../../generator/model/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const shared = path.resolve(repo, '../shared/specs');

async function model(file: string): Promise<ApiModel> {
  return buildModel(await loadSpec(file), {});
}

function countStyles(m: ApiModel): { styles: Record<string, number>; ambiguous: number } {
  const styles: Record<string, number> = {};
  for (const op of m.operations) if (op.pagination) styles[op.pagination.style] = (styles[op.pagination.style] ?? 0) + 1;
  return { styles, ambiguous: m.warnings.filter((w) => w.code === 'pagination-ambiguous').length };
}

describe('pagination: Stigg', () => {
  const surface = path.join(shared, 'stigg/official-sdk-surface.tsv');

  it.skipIf(!existsSync(surface))('detects exactly the 21 list operations the official SDK paginates', async () => {
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

const corpus: Array<{ name: string; file: string; check: (c: ReturnType<typeof countStyles>, m: ApiModel) => void }> = [
  {
    name: 'Stripe',
    file: 'stripe/spec3.yaml',
    check: ({ styles }, m) => {
      expect(styles['cursor-id']).toBeGreaterThanOrEqual(95);
      expect(styles['next-token']).toBeGreaterThanOrEqual(5); // /search endpoints: page + next_page
      expect(m.operations.find((o) => o.id === 'GetCustomers')?.pagination).toMatchObject({ style: 'cursor-id', items: ['data'], hasMore: ['has_more'], afterParam: 'starting_after', beforeParam: 'ending_before' });
      expect(m.operations.find((o) => o.id === 'GetCustomersSearch')?.pagination).toMatchObject({ style: 'next-token', next: ['next_page'], cursorParam: 'page' });
    },
  },
  {
    name: 'GitHub',
    file: 'github/api.github.com.json',
    check: ({ styles }, m) => {
      expect(styles['link-header']).toBeGreaterThanOrEqual(150);
      expect((styles['link-header'] ?? 0) + (styles['page-number'] ?? 0)).toBeGreaterThanOrEqual(220);
      expect(m.operations.find((o) => o.id === 'actions/list-workflow-runs')?.pagination).toMatchObject({ style: 'link-header', items: ['workflow_runs'] });
      expect(m.operations.find((o) => o.id === 'repos/list-for-org')?.pagination).toMatchObject({ style: 'link-header', items: [], pageParam: 'page', limitParam: 'per_page' });
    },
  },
  {
    name: 'DigitalOcean',
    file: 'digitalocean/specification/DigitalOcean-public.v2.yaml',
    check: ({ styles }, m) => {
      expect(styles['page-number']).toBeGreaterThanOrEqual(70);
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
    file: 'ory-kratos/api.json',
    check: ({ styles, ambiguous }) => {
      expect(styles).toEqual({});
      expect(ambiguous).toBeGreaterThanOrEqual(5);
    },
  },
  {
    name: 'Discord (before/after over bare arrays: warned, not inferred)',
    file: 'discord/openapi.json',
    check: ({ styles, ambiguous }) => {
      expect(styles).toEqual({});
      expect(ambiguous).toBeGreaterThanOrEqual(15);
    },
  },
];

describe('pagination: corpus counts', () => {
  it.each(corpus.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const file = path.join(shared, c.file);
    if (!existsSync(file)) return;
    const m = await model(file);
    const counts = countStyles(m);
    console.log(`[pagination] ${c.name}: ${JSON.stringify(counts.styles)}, ambiguous ${counts.ambiguous}, GET ${m.operations.filter((o) => o.method === 'get').length}`);
    c.check(counts, m);
  }, 60_000);
});
