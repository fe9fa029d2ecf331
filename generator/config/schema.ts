/**
 * Builds the JSON Schema for editors from the same shapes the validator
 * uses, so the two cannot drift. `schema/apiforge.config.schema.json` is
 * this function's output, committed; a test fails when it is stale
 * (rewrite it with `APIFORGE_UPDATE_SCHEMA=1 npx vitest run test/config`).
 */
import { clientShape, type Shape } from './shape.js';

type JsonSchema = Record<string, unknown>;

function toSchema(s: Shape): JsonSchema {
  const base: JsonSchema = s.description ? { description: s.description } : {};
  switch (s.kind) {
    case 'string':
      return {
        ...base,
        type: 'string',
        ...(s.enum ? { enum: [...s.enum] } : {}),
        ...(s.minLength ? { minLength: s.minLength } : {}),
      };
    case 'boolean':
      return { ...base, type: 'boolean' };
    case 'literal':
      return { ...base, const: s.value };
    case 'array':
      return { ...base, type: 'array', items: toSchema(s.items) };
    case 'record':
      return { ...base, type: 'object', additionalProperties: toSchema(s.values) };
    case 'object':
      return {
        ...base,
        type: 'object',
        properties: Object.fromEntries(Object.entries(s.props).map(([k, v]) => [k, toSchema(v)])),
        ...(s.required?.length ? { required: [...s.required] } : {}),
        additionalProperties: false,
      };
    case 'union':
      return { ...base, anyOf: s.options.map(toSchema) };
  }
}

/** The JSON Schema (draft 2020-12) of `apiforge.config.json`. */
export function configJsonSchema(): JsonSchema {
  const client = toSchema(clientShape);
  const props = client.properties as Record<string, JsonSchema>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://apiforge.dev/schema/apiforge.config.schema.json',
    title: 'apiforge configuration',
    description: 'One client inline, or several under `clients`.',
    $defs: { client: client },
    oneOf: [
      {
        type: 'object',
        properties: { $schema: { type: 'string' }, ...props },
        required: client.required,
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          $schema: { type: 'string' },
          clients: { type: 'array', minItems: 1, items: { $ref: '#/$defs/client' } },
        },
        required: ['clients'],
        additionalProperties: false,
      },
    ],
  };
}
