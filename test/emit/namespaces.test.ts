/** The namespaces merged with resource classes: local names, children, and how collisions settle. */
import { describe, expect, it } from 'vitest';
import { namespaceView, type ChildNamespace, type LocalName } from '../../generator/emit/namespaces.js';

const own = (...pairs: Array<[string, string]>): LocalName[] => pairs.map(([local, global]) => ({ local, global }));

describe('namespaceView', () => {
  it('re-exports own types under local names and reaches children through their namespaces', () => {
    const children: ChildNamespace[] = [
      { module: '_entitlements', className: 'Entitlements', own: own(['EntitlementListParams', 'PlanEntitlementListParams']) },
    ];
    const { view } = namespaceView('Plans', own(['PlanListParams', 'PlanListParams']), children);
    expect(view).toMatchObject({
      name: 'Plans',
      exports: [{ name: 'PlanListParams', alias: 'PlanListParams', typeOnly: true }],
      members: [
        { alias: 'Entitlements', target: '_entitlements.Entitlements', isClass: true },
        { alias: 'EntitlementListParams', target: '_entitlements.Entitlements.EntitlementListParams', isClass: false },
      ],
      assignments: [{ property: 'Entitlements', value: '_entitlements.Entitlements' }],
    });
  });

  it.each<[string, LocalName[], ChildNamespace[], string[]]>([
    [
      'two children offering the same local name: both fall back to their global names',
      [],
      [
        { module: '_a', className: 'A', own: own(['ItemListParams', 'AItemListParams']) },
        { module: '_b', className: 'B', own: own(['ItemListParams', 'BItemListParams']) },
      ],
      ['A', 'B', 'AItemListParams', 'BItemListParams'],
    ],
    [
      'a type named like a child class keeps its global name',
      own(['Usage', 'SubscriptionUsage']),
      [{ module: '_usage', className: 'Usage', own: [] }],
      ['SubscriptionUsage', 'Usage'],
    ],
  ])('%s', (_name, ownNames, children, expected) => {
    const { view } = namespaceView('Parent', ownNames, children);
    const all = [...(view?.exports.map((e) => e.alias ?? e.name) ?? []), ...(view?.members.map((m) => m.alias) ?? [])];
    expect(all.sort()).toEqual([...expected].sort());
  });

  it('returns no namespace when there is nothing to put in it', () => {
    expect(namespaceView('Empty', [], []).view).toBeNull();
  });
});
