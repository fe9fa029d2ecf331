import { describe, expect, it } from 'vitest';
import { GLOBAL_TYPE_NAMES, isValidIdentifier, NameAllocator, singular, toMemberName, toTypeName } from '../../generator/model/naming.js';

describe('toTypeName', () => {
  it.each([
    ['payment-method', 'PaymentMethod'],
    ['payment_method', 'PaymentMethod'],
    ['customer list response', 'CustomerListResponse'],
    ['foo.bar', 'FooBar'],
    ['x-rate-limit', 'XRateLimit'],
    ['snake_case_name', 'SnakeCaseName'],
    ['v1-beta', 'V1Beta'],
    // digits first
    ['123abc', '_123abc'],
    ['3d-secure', '_3dSecure'],
    // unicode: accents folded, other scripts dropped
    ['Café crème', 'CafeCreme'],
    ['naïve_résumé', 'NaiveResume'],
    // reserved words and keywords
    ['class', 'ClassType'],
    ['enum', 'EnumType'],
    ['null', 'NullType'],
    ['default', 'DefaultType'],
    // globals a generated type must not shadow
    ['Date', 'DateType'],
    ['Record', 'RecordType'],
    ['Promise', 'PromiseType'],
    ['string', 'StringType'],
    ['Partial', 'PartialType'],
    ['Response', 'ResponseType'],
    ['Error', 'ErrorType'],
    // prototype-polluting names never survive as-is
    ['__proto__', 'Proto'],
    ['$ref', 'Ref'],
  ])('%j -> %s', (input, expected) => {
    expect(toTypeName(input)).toBe(expected);
  });

  it.each(['', '   ', '日本語', '---', '__', '💥'])('%j falls back to a valid identifier', (input) => {
    const name = toTypeName(input, 'Schema');
    expect(name).toBe('Schema');
    expect(isValidIdentifier(name)).toBe(true);
  });

  it.each(['class', 'Date', 'Record', '123', 'constructor', '__proto__', 'Object', 'Array', 'Symbol', 'undefined', 'unknown', 'never', 'a b c', 'Ümlaut'])(
    '%j is always a valid, non-global type name',
    (input) => {
      const name = toTypeName(input);
      expect(isValidIdentifier(name)).toBe(true);
      expect(GLOBAL_TYPE_NAMES.has(name)).toBe(false);
      expect(name).toMatch(/^[A-Z_]/);
    },
  );
});

describe('toMemberName', () => {
  it.each([
    ['payment-methods', 'paymentMethods'],
    ['entity-types', 'entityTypes'],
    ['v1-beta', 'v1Beta'],
    ['v1_beta', 'v1Beta'],
    ['custom_currencies', 'customCurrencies'],
    ['CustomerPortal', 'customerPortal'],
    ['HTTPServer', 'httpServer'],
    ['2fa', '_2fa'],
    ['Café', 'cafe'],
    ['日本語', 'value'],
    ['', 'value'],
    // property names that would reach Object.prototype
    ['__proto__', 'proto'],
    ['constructor', 'constructor_'],
    ['prototype', 'prototype_'],
    // keywords are fine as member names (`client.v1.customers.delete()`)
    ['delete', 'delete'],
    ['default', 'default'],
  ])('%j -> %s', (input, expected) => {
    expect(toMemberName(input)).toBe(expected);
  });
});

describe('singular', () => {
  it.each([
    ['customers', 'customer'],
    ['entities', 'entity'],
    ['addresses', 'address'],
    ['status', 'status'],
    ['customer', 'customer'],
  ])('%s -> %s', (input, expected) => {
    expect(singular(input)).toBe(expected);
  });
});

describe('NameAllocator', () => {
  it.each<[string[], string[], string[]]>([
    [[], ['Pet', 'Pet', 'Pet'], ['Pet', 'Pet2', 'Pet3']],
    // case-insensitive: files never collide on macOS/Windows
    [[], ['Pet', 'pet', 'PET'], ['Pet', 'pet2', 'PET3']],
    // reserved names are skipped
    [['Client', 'ClientError'], ['Client', 'ClientError', 'Other'], ['Client2', 'ClientError2', 'Other']],
    // a suffixed name that is itself taken moves on
    [[], ['Pet2', 'Pet', 'Pet'], ['Pet2', 'Pet', 'Pet3']],
  ])('reserved %j, claims %j -> %j', (reserved, claims, expected) => {
    const allocator = new NameAllocator(reserved);
    expect(claims.map((c) => allocator.claim(c))).toEqual(expected);
  });

  it('has() is case-insensitive and sees reserved names', () => {
    const allocator = new NameAllocator(['Date']);
    expect(allocator.has('date')).toBe(true);
    allocator.claim('Customer');
    expect(allocator.has('CUSTOMER')).toBe(true);
    expect(allocator.has('Customers')).toBe(false);
  });
});
