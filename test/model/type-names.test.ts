import { describe, expect, it } from 'vitest';
import { NameAllocator } from '../../generator/model/naming.js';
import { assignOperationTypeNames, assignPageName } from '../../generator/model/type-names.js';

type Placed = { id: string; resource: string[]; methodName: string };
const p = (id: string, call: string): Placed => {
  const parts = call.split('.');
  return { id, methodName: parts.pop() ?? '', resource: parts };
};

describe('assignOperationTypeNames', () => {
  it.each<[string, Placed[], Record<string, string>]>([
    ['singular resource + method', [p('a', 'v1.customers.list'), p('b', 'v1.customers.retrieve')], { a: 'CustomerListParams', b: 'CustomerRetrieveParams' }],
    ['version namespaces are not part of names', [p('a', 'v1Beta.entityTypes.upsert')], { a: 'EntityTypeUpsertParams' }],
    [
      'clashing stems are all qualified by their parent (no first-come winner)',
      [p('plan', 'v1.plans.entitlements.list'), p('addon', 'v1.addons.entitlements.list')],
      { plan: 'PlanEntitlementListParams', addon: 'AddonEntitlementListParams' },
    ],
    [
      'v1 and v1Beta with the same resource qualify up to the version and then number',
      [p('a', 'v1.customers.list'), p('b', 'v1Beta.customers.list')],
      { a: 'CustomerListParams', b: 'CustomerListParams2' },
    ],
    ['top-level method', [p('a', 'list')], { a: 'ListParams' }],
    ['names that would be globals', [p('a', 'dates.retrieve'), p('b', 'records.list')], { a: 'DateRetrieveParams', b: 'RecordListParams' }],
  ])('%s', (_name, ops, expected) => {
    const names = assignOperationTypeNames(ops, new NameAllocator());
    expect(Object.fromEntries([...names].map(([id, n]) => [id, n.params]))).toEqual(expected);
  });

  it('gives params, response and page names from one stem', () => {
    const names = assignOperationTypeNames([p('a', 'v1.customers.list')], new NameAllocator());
    expect(names.get('a')).toEqual({
      params: 'CustomerListParams',
      response: 'CustomerListResponse',
      page: '',
      stem: 'CustomerList',
      localStem: 'CustomerList',
    });
    const allocator = new NameAllocator();
    const named = assignOperationTypeNames([p('a', 'v1.plans.entitlements.list'), p('b', 'v1.addons.entitlements.list')], allocator);
    const plan = named.get('a')!;
    expect([plan.stem, plan.localStem]).toEqual(['PlanEntitlementList', 'EntitlementList']);
    assignPageName(plan, 'MyCursorIDPage', allocator);
    expect(plan.page).toBe('PlanEntitlementListResponsesMyCursorIDPage');
  });

  it('qualifies a stem that a schema already owns', () => {
    const allocator = new NameAllocator();
    allocator.claim('CustomerListResponse');
    const names = assignOperationTypeNames([p('a', 'v1.plans.customers.list')], allocator);
    expect(names.get('a')?.response).toBe('PlanCustomerListResponse');
  });

  it('does not depend on input order', () => {
    const ops = [p('x', 'v1.plans.entitlements.list'), p('y', 'v1.addons.entitlements.list'), p('z', 'v1.entitlements.list'), p('w', 'v2.entitlements.list')];
    const a = assignOperationTypeNames(ops, new NameAllocator());
    const b = assignOperationTypeNames([...ops].reverse(), new NameAllocator());
    expect(Object.fromEntries(b)).toEqual(Object.fromEntries(a));
    const all = [...a.values()].flatMap((n) => [n.params, n.response]).map((n) => n.toLowerCase());
    expect(new Set(all).size).toBe(all.length);
  });
});
