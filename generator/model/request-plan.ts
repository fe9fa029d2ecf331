/**
 * How each operation is called and what it returns, decided once in the
 * model so emitters only turn the plan into views: which path parameter is
 * positional, which members `params` holds (and where each goes on the wire),
 * whether the body is spread field by field or passed whole, and the shape of
 * the success response.
 */
import { isBinaryContentType } from '../../runtime/src/core/contract.js';
import { successResponse } from './media.js';
import { pathTemplateNames } from './operations.js';
import type {
  MediaBody,
  NamedSchema,
  Operation,
  Property,
  RequestMember,
  RequestPlan,
  ResponsePlan,
  Schema,
} from './types.js';

type Lookup = (key: string) => NamedSchema | undefined;

/** Follows refs and merges all-object intersections, to spread a body's fields into `params`. */
export function objectProperties(schema: Schema, lookup: Lookup, depth = 0): Property[] | undefined {
  if (depth > 20 || schema.nullable) return undefined;
  if (schema.kind === 'ref') {
    const named = lookup(schema.target);
    return named ? objectProperties(named.schema, lookup, depth + 1) : undefined;
  }
  if (schema.kind === 'object')
    return schema.additionalProperties === undefined || schema.properties.length > 0 ? schema.properties : undefined;
  if (schema.kind !== 'intersection') return undefined;
  const merged: Property[] = [];
  for (const part of schema.parts) {
    const props = objectProperties(part, lookup, depth + 1);
    if (!props) return undefined;
    for (const p of props) {
      const i = merged.findIndex((m) => m.name === p.name);
      if (i >= 0) merged[i] = { ...p, required: p.required || (merged[i]?.required ?? false) };
      else merged.push(p);
    }
  }
  return merged;
}

/** Parameters become members in wire order: path, query, header, cookie (first declaration of a name wins). */
function parameterMembers(op: Operation, positional: string | undefined, seen: Set<string>): RequestMember[] {
  const members: RequestMember[] = [];
  for (const location of ['path', 'query', 'header', 'cookie'] as const) {
    for (const p of op.parameters) {
      if (p.in !== location || (location === 'path' && p.name === positional) || seen.has(p.name)) continue;
      seen.add(p.name);
      const schema = {
        ...p.schema,
        ...(p.description !== undefined ? { description: p.description } : {}),
        ...(p.deprecated ? { deprecated: true } : {}),
      };
      members.push({ property: { name: p.name, required: p.required, schema }, location, docs: null });
    }
  }
  return members;
}

/** The body's part of the plan: its members, how it is sent, and the path names it repeats. */
function bodyPlan(
  op: Operation,
  lookup: Lookup,
  positional: string | undefined,
  seen: Set<string>,
): Pick<RequestPlan, 'body' | 'alsoInBody' | 'bodyUnion'> & { members: RequestMember[]; fieldsRequired: boolean } {
  const none = { body: null, alsoInBody: [], members: [], bodyUnion: null, fieldsRequired: false };
  const requestBody = op.requestBody;
  const media: MediaBody | undefined = requestBody?.content[0];
  if (!requestBody || !media) return none;
  const props =
    media.encoding === 'binary' || media.encoding === 'text' ? undefined : objectProperties(media.schema, lookup);
  const sent = { encoding: media.encoding, contentType: media.contentType };
  const variants = props || media.encoding !== 'json' ? undefined : unionVariants(media.schema, lookup);
  if (variants) {
    // Each variant's fields sit beside the parameters, as an object body's would; the discriminator stays a field.
    return {
      ...none,
      body: { ...sent, mode: 'fields' },
      bodyUnion: media.schema,
      fieldsRequired: requestBody.required,
    };
  }
  if (!props) {
    // A binary body is whatever the caller uploads, whatever schema the spec gives it.
    const schema: Schema =
      media.encoding === 'binary' ? { kind: 'string', binary: true, nullable: false } : media.schema;
    const docs = { description: requestBody.description ?? 'The request body.' };
    return {
      ...none,
      body: { ...sent, mode: 'whole' },
      members: [{ property: { name: 'body', required: requestBody.required, schema }, location: 'body', docs }],
    };
  }
  // An object body with no fields carries nothing; on GET/HEAD (Stripe declares such bodies) it must not be sent at all.
  const empty = props.length === 0 && (!requestBody.required || op.method === 'get' || op.method === 'head');
  if (empty) return none;
  // A body field named like a (non-positional) path parameter shares its value: one member, sent in both places.
  const pathNames = new Set(pathTemplateNames(op.path));
  const alsoInBody: string[] = [];
  const members: RequestMember[] = [];
  for (const p of props) {
    if (pathNames.has(p.name) && p.name !== positional) alsoInBody.push(p.name);
    if (seen.has(p.name) || p.schema.readOnly) continue;
    seen.add(p.name);
    members.push({ property: { ...p, required: p.required && requestBody.required }, location: 'body', docs: null });
  }
  // A required JSON body whose fields are all optional leaves `params` optional, as the official SDKs Stainless makes
  // do: the runtime sends `{}` when no field is given. Other encodings send no body without fields, so there a
  // required body makes `params` required.
  const fieldsRequired = requestBody.required && members.length > 0 && media.encoding !== 'json';
  return { body: { ...sent, mode: 'fields' }, alsoInBody, members, bodyUnion: null, fieldsRequired };
}

/** The variants of a oneOf/anyOf body (through refs) when every one of them is an object of fields. */
function unionVariants(schema: Schema, lookup: Lookup, depth = 0): Schema[] | undefined {
  if (depth > 20 || schema.nullable) return undefined;
  if (schema.kind === 'ref') {
    const named = lookup(schema.target);
    return named ? unionVariants(named.schema, lookup, depth + 1) : undefined;
  }
  if (schema.kind !== 'union' || schema.variants.length === 0) return undefined;
  const objects = schema.variants.every((v) => (objectProperties(v, lookup)?.length ?? 0) > 0);
  return objects ? schema.variants : undefined;
}

/** The call shape of an operation: `method(positional, params, options)`. */
export function planRequest(op: Operation, lookup: Lookup): RequestPlan {
  const names = pathTemplateNames(op.path);
  const positionalName = names[names.length - 1];
  const seen = new Set<string>();
  const members = parameterMembers(op, positionalName, seen);
  const body = bodyPlan(op, lookup, positionalName, seen);
  members.push(...body.members);
  let positional: RequestPlan['positional'] = null;
  if (positionalName !== undefined) {
    // A body or query field with the path parameter's name must not be overwritten by it.
    const key = seen.has(positionalName) ? `$path.${positionalName}` : positionalName;
    positional = { name: positionalName, key };
  }
  return {
    positional,
    pathParams: names,
    members,
    paramsRequired: members.some((m) => m.property.required) || body.fieldsRequired,
    body: body.body,
    alsoInBody: body.alsoInBody,
    bodyUnion: body.bodyUnion,
  };
}

/** What a successful call resolves to. A `$ref` schema reuses the component's type; an inline one gets a named type. */
export function planResponse(op: Operation): ResponsePlan {
  const success = successResponse(op);
  const description = success?.description ?? '';
  if (op.pagination)
    return { kind: 'page', schema: op.pagination.itemSchema, description, named: isNamed(op.pagination.itemSchema) };
  // A streaming operation's own media type is emitted as a Stream; the plan is its JSON alternative, if any.
  const media = success?.content.find((m) => m.contentType !== op.streaming?.contentType);
  if (!media) return { kind: 'void' };
  // The runtime returns a Blob for byte content types; other non-JSON, non-text types come back as text.
  if (media.encoding === 'binary') return { kind: isBinaryContentType(media.contentType) ? 'blob' : 'unknown' };
  if (media.encoding === 'text' && media.schema.kind === 'unknown') return { kind: 'text' };
  return { kind: 'schema', schema: media.schema, description, named: isNamed(media.schema) };
}

function isNamed(schema: Schema): boolean {
  return schema.kind === 'ref' && !schema.nullable;
}
