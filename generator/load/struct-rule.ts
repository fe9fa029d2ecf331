/**
 * Redocly's `struct` rule on one node, message for message: the checks of `lib/rules/common/struct.js`
 * over a node type of Redocly's OpenAPI type tree, reporting through the walk (see struct-walk.ts).
 */
import { editDistance } from '../util/closest.js';
import { isRef } from './struct-place.js';

/** A node type of Redocly's normalized type tree (the fields the rule reads). */
export interface NodeType {
  name: string;
  properties: Record<string, unknown>;
  items?: unknown;
  additionalProperties?: unknown;
  required?: string[] | ((value: unknown, key: string | number) => string[]);
  requiredOneOf?: string[];
  allowed?: (value: unknown) => string[] | undefined;
  extensionsPrefix?: string;
}

/** A schema of a scalar field (`{ type: 'string', enum: [...] }`). */
interface FieldSchema {
  type?: string;
  enum?: unknown[];
  items?: { type?: string; enum?: unknown[] };
  minimum?: number;
  resolvable?: boolean;
}

/** A node's place in the walk; its pointer is built only when a problem is reported. */
export interface Where {
  child(key: string | number): Where;
}

/** What the rule is given about the node it checks: the walk, with the node's type, key and place. */
export interface NodeContext {
  type: NodeType;
  key: string | number;
  place: Where;
  /** Reports a problem at `where` (the node itself when undefined), on its key or its value. */
  report(message: string, where: Where | undefined, reportOnKey: boolean, suggest?: string[]): void;
  /** Stops later rules on this node (Redocly's `ignoreNextVisitorsOnNode`). */
  ignore(): void;
  /** The target of a `$ref` value (undefined when it points to nothing), or the value itself. */
  resolve(value: unknown): unknown;
}

/** The `struct` rule on a resolved node of the given type. */
export function checkNode(node: unknown, ctx: NodeContext): void {
  const { type } = ctx;
  const nodeType = oasTypeOf(node);
  if (type.items) {
    if (nodeType !== 'array') {
      ctx.report(`Expected type \`${type.name}\` (array) but got \`${nodeType}\``, undefined, false);
      ctx.ignore();
    }
    return;
  }
  if (nodeType !== 'object') {
    // Unknown extensions are not checked.
    if (type.name !== 'SpecExtension') {
      ctx.report(`Expected type \`${type.name}\` (object) but got \`${nodeType}\``, undefined, false);
    }
    ctx.ignore();
    return;
  }
  checkPresence(node as Record<string, unknown>, ctx);
  for (const name of Object.keys(node as object)) checkField(node as Record<string, unknown>, name, ctx);
}

function checkPresence(node: Record<string, unknown>, ctx: NodeContext): void {
  const { type, key, place } = ctx;
  const has = (name: string): boolean => (node as { hasOwnProperty(k: string): boolean }).hasOwnProperty(name);
  const required = typeof type.required === 'function' ? type.required(node, key) : type.required;
  for (const name of required ?? []) {
    if (!has(name)) ctx.report(`The field \`${name}\` must be present on this level.`, undefined, true);
  }
  const allowed = type.allowed?.(node);
  if (allowed) {
    const known = Object.keys(type.properties);
    for (const name in node) {
      if (allowed.includes(name) || (type.extensionsPrefix && name.startsWith(type.extensionsPrefix))) continue;
      if (!known.includes(name)) continue;
      ctx.report(`The field \`${name}\` is not allowed here.`, place.child(name), true);
    }
  }
  const oneOf = type.requiredOneOf;
  if (oneOf && !oneOf.some(has)) {
    ctx.report(`Must contain at least one of the following fields: ${oneOf.join(', ')}.`, undefined, true);
  }
}

function checkField(node: Record<string, unknown>, name: string, ctx: NodeContext): void {
  const { type, place } = ctx;
  let value = node[name];
  let fieldType = type.properties[name];
  if (fieldType === undefined) fieldType = type.additionalProperties;
  if (typeof fieldType === 'function') fieldType = fieldType(value, name);
  // A named type is checked when the walk reaches the value.
  if (typeof (fieldType as { name?: unknown } | undefined)?.name === 'string') return;
  if (fieldType === undefined) {
    if (name.startsWith('x-')) return;
    const suggest = getSuggest(name, Object.keys(type.properties));
    ctx.report(`Property \`${name}\` is not expected here.`, place.child(name), true, suggest);
    return;
  }
  if (fieldType === null) return;
  const schema = fieldType as FieldSchema;
  // Redocly names the type of the value as written: a `$ref` object, before it is resolved.
  const valueType = oasTypeOf(value);
  if (schema.resolvable !== false && isRef(value)) value = ctx.resolve(value);
  const itemEnum = schema.items?.enum;
  if (itemEnum && Array.isArray(value)) {
    value.forEach((item, i) => checkEnum(itemEnum, item, name, place.child(name).child(i), ctx));
  }
  if (schema.enum) {
    checkEnum(schema.enum, value, name, place.child(name), ctx);
  } else if (schema.type && !matchesType(value, schema.type)) {
    ctx.report(`Expected type \`${schema.type}\` but got \`${valueType}\`.`, place.child(name), false);
    ctx.ignore();
  } else if (valueType === 'array' && schema.items?.type) {
    const itemsType = schema.items.type;
    (value as unknown[]).forEach((item, i) => {
      if (!matchesType(item, itemsType)) {
        ctx.report(`Expected type \`${itemsType}\` but got \`${oasTypeOf(item)}\`.`, place.child(name).child(i), false);
      }
    });
  }
  if (typeof schema.minimum === 'number' && schema.minimum > (node[name] as number)) {
    ctx.report(
      `The value of the ${name} field must be greater than or equal to ${schema.minimum}`,
      place.child(name),
      false,
    );
  }
  if (name === 'nullable' && !node.type) {
    ctx.report('The `type` field must be defined when the `nullable` field is used.', place.child(name), false);
  }
}

function checkEnum(choices: unknown[], value: unknown, name: string, where: Where, ctx: NodeContext): void {
  if (choices.includes(value)) return;
  const list = choices.map((c) => `"${String(c)}"`).join(', ');
  ctx.report(`\`${name}\` can be one of the following only: ${list}.`, where, false, getSuggest(value, choices));
}

function oasTypeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  switch (type) {
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'null':
      return value === null;
    case 'integer':
      return Number.isInteger(value);
    default:
      return typeof value === type;
  }
}

/** Redocly's suggestions: the choices within an edit distance of 3, closest first. */
function getSuggest(given: unknown, variants: unknown[]): string[] {
  if (given === null) return variants as string[];
  if (typeof given !== 'string' || variants.length === 0) return [];
  return variants
    .map((variant) => ({ variant: variant as string, distance: editDistance(given, variant as string) }))
    .filter((d) => d.distance < 4)
    .sort((a, b) => a.distance - b.distance)
    .map((d) => d.variant);
}
