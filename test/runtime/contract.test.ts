/**
 * The contract module (runtime/src/core/contract.ts) against the runtime it describes: the
 * reserved member names, the status -> error class map and the page classes are what the
 * classes really have, so the generator (which imports the same module) cannot drift from them.
 */
import { describe, expect, it } from 'vitest';
import { BaseClient, type ClientOptions } from '../../runtime/src/core/client.js';
import {
  BODILESS_ERROR_CLASSES,
  CLIENT_MEMBERS,
  ERROR_BASE_CLASS,
  ERROR_CLASSES,
  PAGE_CLASSES,
  RESOURCE_MEMBERS,
  STATUS_ERROR_CLASS,
  errorClassForStatus,
  isBinaryContentType,
  type PaginationSpec,
} from '../../runtime/src/core/contract.js';
import * as Errors from '../../runtime/src/core/error.js';
import { pageClassOf } from '../../runtime/src/core/pagination.js';
import { APIResource } from '../../runtime/src/core/resource.js';
import type { ClientConfig } from '../../runtime/src/core/types.js';

const config: ClientConfig = {
  clientName: 'T',
  env: { baseURL: 'T_BASE_URL', log: 'T_LOG' },
  defaultBaseURL: 'http://t.test',
  auth: [],
  apiKeyRequired: false,
  version: '1',
};

class TestClient extends BaseClient {
  constructor(options: ClientOptions = {}) {
    super(options, config);
  }
}
class TestResource extends APIResource {}

/** Own fields of an instance plus the methods and accessors of every prototype up to (not including) Object. */
function memberNames(instance: object, stopAt: object): string[] {
  const names = new Set(Object.getOwnPropertyNames(instance));
  for (let proto = Object.getPrototypeOf(instance); proto && proto !== stopAt; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) names.add(name);
  }
  return [...names].sort();
}

describe('contract: reserved member names', () => {
  it('CLIENT_MEMBERS are exactly the members of BaseClient (plus toString)', () => {
    const actual = memberNames(new TestClient(), TestClient.prototype);
    const own = Object.getOwnPropertyNames(BaseClient.prototype);
    const members = [...new Set([...actual, ...own, 'toString'])].sort();
    expect([...CLIENT_MEMBERS].sort()).toEqual(members);
  });

  it('RESOURCE_MEMBERS are exactly the members of APIResource (plus toString)', () => {
    const resource = new TestResource(new TestClient());
    const members = [
      ...new Set([
        ...memberNames(resource, TestResource.prototype),
        ...Object.getOwnPropertyNames(APIResource.prototype),
        'toString',
      ]),
    ].sort();
    expect([...RESOURCE_MEMBERS].sort()).toEqual(members);
  });
});

describe('contract: errors', () => {
  it('ERROR_CLASSES are the runtime error classes, each a subclass of the base class', () => {
    const exported = Object.entries(Errors)
      .filter(([, v]) => typeof v === 'function' && /^[A-Z]\w*Error$/.test(v.name))
      .map(([k]) => k);
    expect([...exported].sort()).toEqual([ERROR_BASE_CLASS, ...ERROR_CLASSES].sort());
    for (const name of ERROR_CLASSES) expect(Errors[name].prototype).toBeInstanceOf(Errors.ClientError);
  });

  it.each([
    ...Object.entries(STATUS_ERROR_CLASS),
    ['500', 'InternalServerError'],
    ['503', 'InternalServerError'],
    ['418', 'APIError'],
    ['302', 'APIError'],
  ])('APIError.generate(%s) is a %s, as the contract says', (status, name) => {
    expect(errorClassForStatus(Number(status))).toBe(name);
    expect(Errors.APIError.generate(Number(status), { message: 'x' }, undefined, undefined).constructor.name).toBe(
      name,
    );
  });

  it('bodiless classes are the connection and abort errors', () => {
    expect(new Errors.APIConnectionError().error).toBeUndefined();
    for (const name of BODILESS_ERROR_CLASSES) expect(Errors[name].prototype).toBeInstanceOf(Errors.APIError);
  });
});

describe('contract: pagination and content types', () => {
  it.each(Object.entries(PAGE_CLASSES))('style %s pages with %s', (style, className) => {
    const pagination = { style, items: [] } as unknown as PaginationSpec;
    expect(pageClassOf({ spec: { method: 'get', path: '/' }, pagination, params: {}, options: {} }).name).toBe(
      className,
    );
  });

  it.each([
    ['application/octet-stream', true],
    ['application/pdf', true],
    ['image/png', true],
    ['AUDIO/mpeg', true],
    ['application/json', false],
    ['text/plain', false],
    ['application/xml', false],
    [null, false],
  ])('isBinaryContentType(%s) = %s', (type, binary) => {
    expect(isBinaryContentType(type)).toBe(binary);
  });
});
