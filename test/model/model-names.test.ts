/** The `models` config: renames, namespaces and aliases of component schemas. */
import { describe, expect, it } from 'vitest';
import type { ModelOverride } from '../../generator/config/types.js';
import { modelOfSchemas } from './helpers.js';

const OBJ = { type: 'object', properties: { a: { type: 'string' } } };

function names(schemas: string[], models: Record<string, ModelOverride>): Record<string, string> {
  const model = modelOfSchemas(Object.fromEntries(schemas.map((k) => [k, OBJ])), '3.0.3', { models });
  return Object.fromEntries(model.schemas.map((s) => [s.key, s.typeName]));
}

describe('models config', () => {
  it.each<[string, string[], Record<string, ModelOverride>, Record<string, string>]>([
    ['no config: names from keys', ['Plan', 'PlanResponseDto'], {}, { Plan: 'Plan', PlanResponseDto: 'PlanResponseDto' }],
    [
      'a renamed schema frees its name for another (order of keys does not matter)',
      ['Plan', 'PlanResponseDto'],
      { PlanResponseDto: { name: 'Plan' }, Plan: { name: 'PlanData' } },
      { Plan: 'PlanData', PlanResponseDto: 'Plan' },
    ],
    [
      'a configured name wins over an inferred one; the inferred one is numbered',
      ['Plan', 'PlanResponseDto'],
      { PlanResponseDto: { name: 'Plan' } },
      { Plan: 'Plan2', PlanResponseDto: 'Plan' },
    ],
    ['a schema key named like an Object.prototype member', ['constructor'], {}, { constructor: 'ConstructorType' }],
  ])('%s', (_name, schemas, models, expected) => {
    expect(names(schemas, models)).toEqual(expected);
  });

  it('places names and aliases in resource namespaces', () => {
    const model = modelOfSchemas({ PackageEntitlementResponseDto: OBJ }, '3.0.3', {
      models: {
        PackageEntitlementResponseDto: {
          name: 'PlanEntitlement',
          resource: 'v1.plans.entitlements',
          aliases: [{ name: 'AddonPackageEntitlement', resource: 'v1.addons.entitlements' }],
        },
      },
    });
    expect(model.schemas[0]).toMatchObject({
      typeName: 'PlanEntitlement',
      resource: 'v1.plans.entitlements',
      aliases: [{ name: 'AddonPackageEntitlement', resource: 'v1.addons.entitlements' }],
    });
  });

  it('warns about a key no schema has and about a configured name that is taken', () => {
    const model = modelOfSchemas({ Plan: OBJ, Addon: OBJ }, '3.0.3', {
      models: { Nope: { name: 'X' }, Addon: { aliases: [{ name: 'Plan' }] } },
    });
    expect(model.warnings.map((w) => w.message).sort()).toEqual([
      'models.Addon: Plan is taken; the type is named Plan2',
      'models.Nope: no component schema has that key',
    ]);
  });
});
