import { describe, expect, it } from 'vitest';
import { assertValidConfig, validateConfig } from '../../generator/config/validate.js';

const ok = { input: 'openapi.yaml', output: 'out' };

describe('config validation', () => {
  it.each([
    ['single client', ok],
    ['several clients', { clients: [{ ...ok, name: 'A' }, { ...ok, name: 'B' }] }],
    ['$schema at the top', { $schema: './schema.json', ...ok }],
    ['every option', {
      ...ok, name: 'Stigg', env: { apiKey: 'K', baseURL: 'U', log: 'L' }, baseURL: 'https://x', stripPrefix: '/api',
      operations: { 'get-customer': { resource: 'v1.customers', method: 'retrieve', pagination: false }, list: { pagination: { style: 'cursor', items: 'data' } } },
      include: { tags: ['a'], paths: ['/v1/*'], operationIds: ['x'] }, exclude: { tags: [] }, pagination: 'off',
      idempotency: { header: 'Idempotency-Key', methods: ['post'] }, templates: 'tpl', prettier: false, emit: 'types', package: { name: '@a/b', version: '1.0.0' },
    }],
    ['idempotency false, package true', { ...ok, idempotency: false, package: true }],
    ['tests', { ...ok, tests: true }],
  ])('accepts %s', (_, config) => {
    expect(validateConfig(config)).toEqual([]);
  });

  it.each<[string, unknown, string[]]>([
    ['not an object', 42, ['(root): expected an object (one client, or { clients: [...] }), got a number (42)']],
    ['missing input', { output: 'o' }, ['input: required key is missing']],
    ['missing input and output in clients', { clients: [{ name: 'A' }] }, ['clients[0].input: required key is missing', 'clients[0].output: required key is missing']],
    ['wrong type', { clients: [{ input: 'a', output: 3 }] }, ['clients[0].output: expected a string, got a number (3)']],
    ['empty string', { input: '', output: 'o' }, ['input: must not be empty']],
    ['unknown key with suggestion', { ...ok, ouptut: 'x' }, ['ouptut: unknown key (did you mean "output"?)']],
    ['unknown key without suggestion', { ...ok, zzzzzzzz: 1 }, ['zzzzzzzz: unknown key']],
    ['nested unknown key', { ...ok, env: { apikey: 'X' } }, ['env.apikey: unknown key (did you mean "apiKey"?)']],
    ['enum value', { ...ok, emit: 'type' }, ['emit: expected one of "client", "types", got "type" (did you mean "types"?)']],
    ['array item', { ...ok, include: { tags: ['a', 1] } }, ['include.tags[1]: expected a string, got a number (1)']],
    ['operation key with dashes', { ...ok, operations: { 'get-x': { methd: 'a' } } }, ['operations["get-x"].methd: unknown key (did you mean "method"?)']],
    ['union: bad literal', { ...ok, idempotency: 'on' }, ['idempotency: expected "auto" or false or an object, got the string "on"']],
    ['union: nested object error', { ...ok, idempotency: { methods: ['get'] } }, ['idempotency.methods[0]: expected one of "post", "put", "patch", "delete", got "get" (did you mean "put"?)']],
    ['pagination override missing style', { ...ok, operations: { list: { pagination: { items: 'data' } } } }, ['operations.list.pagination.style: required key is missing']],
    ['pagination true is not allowed', { ...ok, operations: { list: { pagination: true } } }, ['operations.list.pagination: expected an object or false, got a boolean (true)']],
    ['clients not an array', { clients: {} }, ['clients: expected an array of clients, got an object']],
    ['no clients', { clients: [] }, ['clients: expected at least one client']],
    ['tests without the package', { ...ok, tests: true, package: false }, ['tests: tests need the package (remove `package: false`)']],
    ['tests of types only', { clients: [{ ...ok, tests: true, emit: 'types' }] }, ["clients[0].tests: tests need the full client (remove `emit: 'types'`)"]],
    ['tests not a boolean', { ...ok, tests: 'yes' }, ['tests: expected a boolean, got the string "yes"']],
    ['client settings beside clients', { clients: [ok], prettier: false }, ['prettier: unknown key (with "clients", put client settings inside each client)']],
    ['duplicate names', { clients: [{ ...ok, name: 'A' }, { ...ok, name: 'A' }] }, ['clients[1].name: duplicate client name "A" (also clients[0])']],
  ])('rejects %s', (_, config, expected) => {
    expect(validateConfig(config).map((i) => `${i.path}: ${i.message}`)).toEqual(expected);
  });

  it('throws one config-error listing every issue, with the file', () => {
    try {
      assertValidConfig({ clients: [{ input: 1 }] }, '/p/apiforge.config.json');
      expect.unreachable();
    } catch (e) {
      const err = e as { code: string; exitCode: number; message: string };
      expect(err.code).toBe('config-error');
      expect(err.exitCode).toBe(1);
      expect(err.message).toBe(
        '/p/apiforge.config.json: config has 2 errors:\n  clients[0].input: expected a string, got a number (1)\n  clients[0].output: required key is missing',
      );
    }
  });
});
