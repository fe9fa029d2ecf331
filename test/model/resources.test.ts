import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../generator/diagnostics.js';
import { buildModel } from '../../generator/model/build-model.js';
import type { RawOperation } from '../../generator/model/operations.js';
import { buildResourceTree, commonPrefix, inferPlacement, placeOperations } from '../../generator/model/resources.js';
import type { HttpMethod } from '../../generator/model/types.js';
import { docWithPaths, op, specFrom } from './helpers.js';

describe('commonPrefix', () => {
  it.each<[string[], string[]]>([
    [['/api/v1/customers', '/api/v1/plans'], ['api']],
    [['/api/customers', '/api/plans/{id}'], ['api']],
    // version segments are never part of the prefix: they become namespaces
    [['/v1/customers', '/v1/plans'], []],
    [['/api/v1-beta/a', '/api/v1/b'], ['api']],
    // the last static segment of a path is never dropped
    [['/api'], []],
    [['/a/b', '/a/b/c'], ['a']],
    [['/api/customers'], ['api']],
    // a parameter stops the prefix
    [['/{tenant}/customers', '/{tenant}/plans'], []],
    [['/api/{id}', '/api/x'], []],
    // nothing shared
    [['/customers', '/plans'], []],
    [[], []],
    [['/rest/api/2/issue', '/rest/api/2/project'], ['rest', 'api', '2']],
  ])('%j -> %j', (paths, expected) => {
    expect(commonPrefix(paths)).toEqual(expected);
  });
});

describe('inferPlacement', () => {
  it.each<[HttpMethod, string, string[], string]>([
    ['get', '/api/v1/customers', ['api'], 'v1.customers.list'],
    ['get', '/api/v1/customers/{id}', ['api'], 'v1.customers.retrieve'],
    ['post', '/api/v1/customers', ['api'], 'v1.customers.create'],
    ['patch', '/api/v1/customers/{id}', ['api'], 'v1.customers.update'],
    ['put', '/api/v1/customers/{id}', ['api'], 'v1.customers.update'],
    ['delete', '/api/v1/customers/{id}', ['api'], 'v1.customers.delete'],
    // POST to an item updates it (Stripe `POST /v1/accounts/{account}`, Petstore `POST /pet/{petId}`)
    ['post', '/v1/accounts/{account}', [], 'v1.accounts.update'],
    // actions: a static segment after an item, or a singular word after a collection
    ['post', '/api/v1/customers/{id}/archive', ['api'], 'v1.customers.archive'],
    ['post', '/api/v1/customers/{id}/unarchive', ['api'], 'v1.customers.unarchive'],
    ['post', '/api/v1/subscriptions/{id}/cancel', ['api'], 'v1.subscriptions.cancel'],
    ['post', '/api/v1/plans/{id}/publish', ['api'], 'v1.plans.publish'],
    ['post', '/api/v1/customers/import', ['api'], 'v1.customers.import'],
    ['post', '/api/v1/customers/{id}/payment-method', ['api'], 'v1.customers.paymentMethod'],
    // plural statics are nested resources; parameters never are
    ['get', '/api/v1/customers/{customerId}/payment-methods', ['api'], 'v1.customers.paymentMethods.list'],
    ['delete', '/api/v1/customers/{customerId}/payment-methods/{id}', ['api'], 'v1.customers.paymentMethods.delete'],
    ['get', '/repos/{owner}/{repo}/pulls/{pull_number}/comments', [], 'repos.pulls.comments.list'],
    // version segments become namespaces (camelCase)
    ['get', '/api/v1-beta/entity-types', ['api'], 'v1Beta.entityTypes.list'],
    ['get', '/v2/droplets', [], 'v2.droplets.list'],
    ['get', '/v1', [], 'v1.get'],
    // GET on a singular static is read as an action too (`/credits/usage` -> `credits.usage`)
    ['get', '/api/v1/credits/usage', ['api'], 'v1.credits.usage'],
    // dashes and underscores
    ['get', '/api/v1/custom_currencies', ['api'], 'v1.customCurrencies.list'],
    ['get', '/api/v1/credits/custom-currencies/{currencyId}', ['api'], 'v1.credits.customCurrencies.retrieve'],
    // top level
    ['get', '/pets', [], 'pets.list'],
    ['get', '/pets/{petId}', [], 'pets.retrieve'],
    ['get', '/', [], 'list'],
  ])('%s %s (prefix %j) -> %s', (method, path, prefix, expected) => {
    const p = inferPlacement(path, method, prefix);
    expect([...p.resource, p.methodName].join('.')).toBe(expected);
  });
});

function raw(method: HttpMethod, path: string, id = `${method.toUpperCase()} ${path}`): RawOperation {
  return { id, method, path, deprecated: false, tags: [], parameters: [], responses: [], pointer: `#/paths/${path.replace(/\//g, '~1')}/${method}` };
}

function place(ops: RawOperation[], overrides = {}, prefix: string[] = []) {
  const bag = new DiagnosticBag();
  const placed = placeOperations(ops, overrides, prefix, bag, 'spec.yaml');
  return { calls: Object.fromEntries(placed.map((p) => [p.id, `${p.resource.join('.')}.${p.methodName}`])), placed, warnings: bag.list() };
}

describe('placeOperations', () => {
  it('tells two verbs on one action apart by verb', () => {
    const { calls, warnings } = place([raw('post', '/plans/{id}/draft', 'create'), raw('delete', '/plans/{id}/draft', 'remove')]);
    expect(calls).toEqual({ create: 'plans.createDraft', remove: 'plans.deleteDraft' });
    expect(warnings).toEqual([]);
  });

  it('does not glue verbs onto CRUD names that meet (no `updateUpdate`)', () => {
    const { calls, warnings } = place([raw('put', '/commands', 'bulk'), raw('patch', '/commands/{id}', 'one')]);
    expect(calls).toEqual({ bulk: 'commands.update', one: 'commands.update2' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      code: 'name-collision',
      message: expect.stringMatching(/^commands\.update is taken by PUT \/commands; PATCH \/commands\/\{id\} is named update2; set operations\[".+"\]\.method to choose the name/),
      location: { file: 'spec.yaml', pointer: '#/paths/~1commands~1{id}/patch' },
    });
  });

  it('numbers collisions in canonical (path, method) order whatever the input order', () => {
    const ops = [raw('delete', '/droplets', 'bulkDelete'), raw('delete', '/droplets/{id}', 'deleteOne'), raw('get', '/droplets', 'list')];
    const forward = place(ops).calls;
    const backward = place([...ops].reverse()).calls;
    expect(forward).toEqual({ bulkDelete: 'droplets.delete', deleteOne: 'droplets.delete2', list: 'droplets.list' });
    expect(backward).toEqual(forward);
  });

  it('applies overrides: resource and method, method only, resource only', () => {
    const ops = [raw('post', '/api/v1/customers', 'provision'), raw('post', '/api/v1/coupons/{id}/archive', 'archiveCoupon'), raw('get', '/api/v1/addons/{id}/charges', 'charges')];
    const { calls, placed } = place(
      ops,
      { provision: { method: 'provision' }, archiveCoupon: { method: 'archiveCoupon' }, charges: { resource: 'v1.addons', method: 'listCharges' } },
      ['api'],
    );
    expect(calls).toEqual({ provision: 'v1.customers.provision', archiveCoupon: 'v1.coupons.archiveCoupon', charges: 'v1.addons.listCharges' });
    expect(placed.every((p) => p.placement === 'config')).toBe(true);
    const moved = place([raw('get', '/api/v1/governance/customers', 'gov')], { gov: { resource: 'v1.events.beta.customers' } }, ['api']).calls;
    expect(moved).toEqual({ gov: 'v1.events.beta.customers.list' });
  });

  it('an override can free a name and an inferred operation may then take it', () => {
    // given out of order on purpose: PUT /customers still comes before POST /customers/{id}
    const ops = [raw('post', '/customers/{id}', 'upd'), raw('post', '/customers', 'provision'), raw('put', '/customers', 'bulk')];
    expect(place(ops).calls).toEqual({ provision: 'customers.create', upd: 'customers.update2', bulk: 'customers.update' });
    expect(place(ops, { bulk: { method: 'bulkUpdate' } }).calls).toEqual({ provision: 'customers.create', upd: 'customers.update', bulk: 'customers.bulkUpdate' });
  });

  it('an override that lands on a taken name is numbered with a warning, not silently merged', () => {
    const { calls, warnings } = place([raw('get', '/a', 'a'), raw('get', '/b', 'b')], { b: { resource: 'a', method: 'list' } });
    expect(calls).toEqual({ a: 'a.list', b: 'a.list2' });
    expect(warnings.map((w) => w.code)).toEqual(['name-collision']);
  });

  it('an empty override keeps the inferred placement', () => {
    const { placed } = place([raw('get', '/a', 'a')], { a: {} });
    expect(placed[0]).toMatchObject({ resource: ['a'], methodName: 'list', placement: 'inferred' });
  });
});

describe('resource tree via buildModel', () => {
  it('drops the /api prefix, nests resources, sorts children and methods', () => {
    const model = buildModel(
      specFrom(
        docWithPaths({
          '/api/v1/customers/{id}': { get: op('getCustomer'), patch: op('updateCustomer') },
          '/api/v1/customers': { get: op('listCustomers'), post: op('createCustomer') },
          '/api/v1/customers/{id}/archive': { post: op('archiveCustomer') },
          '/api/v1/addons': { get: op('listAddons') },
          '/api/v1-beta/customers/{id}/entities': { get: op('listEntities') },
        }),
      ),
    );
    const lines: string[] = [];
    const walk = (r: typeof model.root): void => {
      for (const o of r.operations) lines.push(`${[...r.path, o.methodName].join('.')} ${o.method.toUpperCase()} ${o.path}`);
      r.children.forEach(walk);
    };
    walk(model.root);
    expect(lines).toEqual([
      'v1.addons.list GET /api/v1/addons',
      'v1.customers.archive POST /api/v1/customers/{id}/archive',
      'v1.customers.create POST /api/v1/customers',
      'v1.customers.list GET /api/v1/customers',
      'v1.customers.retrieve GET /api/v1/customers/{id}',
      'v1.customers.update PATCH /api/v1/customers/{id}',
      'v1Beta.customers.entities.list GET /api/v1-beta/customers/{id}/entities',
    ]);
    expect(buildResourceTree(model.operations)).toEqual(model.root);
  });

  it('stripPrefix overrides the inferred prefix', () => {
    const doc = docWithPaths({ '/api/v1/a': { get: op('a') }, '/api/v1/b': { get: op('b') } });
    const model = buildModel(specFrom(doc), { stripPrefix: '/api/v1' });
    expect(model.operations.map((o) => `${o.resource.join('.')}.${o.methodName}`)).toEqual(['a.list', 'b.list']);
  });
});
