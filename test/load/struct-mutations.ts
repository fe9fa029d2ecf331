/**
 * Small valid documents (Swagger 2.0, OpenAPI 3.0, 3.1) and a table of ways to break them, for the
 * differential test of the quick structural check against Redocly.
 */
export type Family = '2.0' | '3.0' | '3.1';
type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Mutation {
  name: string;
  families: Family[];
  apply: (doc: Doc) => void;
  /** Written as JSON rather than YAML. */
  json?: boolean;
  /** The quick check hands the document to Redocly (another file, an anchor, a cycle). */
  handedOver?: boolean;
}

const pet = (family: Family): Doc => ({
  type: 'object',
  required: ['id'],
  properties: {
    id: { type: family === '3.1' ? ['string', 'null'] : 'string' },
    kind: { $ref: family === '2.0' ? '#/definitions/Kind' : '#/components/schemas/Kind' },
    tags: { type: 'array', items: { type: 'string' } },
  },
  ...(family === '2.0' ? { discriminator: 'kind' } : {}),
});

/** A valid document of the family, fresh each time. */
export function baseDocument(family: Family): Doc {
  if (family === '2.0') {
    return {
      swagger: '2.0',
      info: { title: 'Pets', version: '1' },
      host: 'example.com',
      paths: {
        '/pets/{id}': {
          get: {
            operationId: 'getPet',
            parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }, { $ref: '#/parameters/Limit' }],
            responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/Pet' } } },
          },
        },
      },
      definitions: { Pet: pet(family), Kind: { type: 'string', enum: ['cat'] } },
      parameters: { Limit: { name: 'limit', in: 'query', type: 'integer' } },
      securityDefinitions: { key: { type: 'apiKey', name: 'k', in: 'header' } },
    };
  }
  return {
    openapi: family === '3.0' ? '3.0.3' : '3.1.0',
    info: { title: 'Pets', version: '1' },
    servers: [{ url: 'https://example.com' }],
    paths: {
      '/pets/{id}': {
        get: {
          operationId: 'getPet',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            { $ref: '#/components/parameters/Limit' },
          ],
          responses: {
            '200': {
              description: 'ok',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        Pet: { ...pet(family), discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat' } } },
        Cat: { allOf: [{ $ref: '#/components/schemas/Pet' }] },
        Kind: { type: 'string', enum: ['cat'] },
      },
      parameters: { Limit: { name: 'limit', in: 'query', schema: { type: 'integer' } } },
      securitySchemes: { key: { type: 'apiKey', name: 'k', in: 'header' } },
    },
  };
}

const ALL: Family[] = ['2.0', '3.0', '3.1'];
const V3: Family[] = ['3.0', '3.1'];
const op = (doc: Doc): Doc => doc.paths['/pets/{id}'].get;
const schemas = (doc: Doc): Doc => doc.components?.schemas ?? doc.definitions;
const prefix = (doc: Doc): string => (doc.swagger ? '#/definitions/' : '#/components/schemas/');

export const MUTATIONS: Mutation[] = [
  { name: 'paths is a list', families: ALL, apply: (d) => void (d.paths = [d.paths]) },
  { name: 'info is a string', families: ALL, apply: (d) => void (d.info = 'pets'), json: true },
  { name: 'servers is a mapping', families: V3, apply: (d) => void (d.servers = { url: 'https://x' }) },
  { name: 'a server is a string', families: V3, apply: (d) => void (d.servers = ['https://x']) },
  { name: 'a server has no url', families: V3, apply: (d) => void (d.servers = [{ description: 'x' }]) },
  { name: 'info has no title nor version', families: ALL, apply: (d) => void (d.info = { titel: 'x' }) },
  { name: 'an unknown field with a suggestion', families: ALL, apply: (d) => void (op(d).summry = 'x') },
  { name: 'an unknown field without one', families: ALL, apply: (d) => void (op(d).zzzzzzzz = 1) },
  {
    name: 'extensions of every kind',
    families: ALL,
    apply: (d) => {
      op(d)['x-a'] = 'text';
      op(d)['x-b'] = { $ref: '#/nowhere' };
      op(d)['x-c'] = [1, { $ref: '#/info' }];
      d['x-tagGroups'] = 'not a list';
    },
  },
  {
    name: 'x-webhooks is walked twice',
    families: ['3.0'],
    apply: (d) => {
      d['x-webhooks'] = { ping: { post: { responses: { '200': { $ref: '#/components/responses/Nope' } } } } };
    },
  },
  {
    name: 'a parameter without name or in',
    families: ALL,
    apply: (d) => void (op(d).parameters[0] = { required: true }),
  },
  { name: 'a parameter in the body (3.x)', families: V3, apply: (d) => void (op(d).parameters[0].in = 'body') },
  {
    name: 'a parameter of many wrong kinds',
    families: ALL,
    apply: (d) => {
      Object.assign(op(d).parameters[0], { required: 'yes', style: 'weird', deprecated: null, allowEmptyValue: 3 });
    },
  },
  {
    name: 'a response without description',
    families: ALL,
    apply: (d) => void delete op(d).responses['200'].description,
  },
  { name: 'responses is a list', families: ALL, apply: (d) => void (op(d).responses = []) },
  { name: 'a schema type outside the enum', families: ALL, apply: (d) => void (schemas(d).Pet.type = 'obj') },
  { name: 'a schema type of the wrong kind', families: ALL, apply: (d) => void (schemas(d).Pet.type = 5) },
  {
    name: 'a 3.1 type list with a bad item',
    families: ['3.1'],
    apply: (d) => {
      schemas(d).Pet.properties.id.type = ['string', 'nul', 7];
    },
  },
  {
    name: 'schema keywords of the wrong kind',
    families: ALL,
    apply: (d) => {
      Object.assign(schemas(d).Pet, { required: 'id', minLength: -1, multipleOf: -2, enum: 'x', properties: [] });
    },
  },
  {
    name: 'tags items of the wrong kind',
    families: ALL,
    apply: (d) => void (d.tags = ['a', { name: 'b', extra: 1 }, 3]),
  },
  { name: 'nullable without type', families: ['3.0'], apply: (d) => void (schemas(d).Kind = { nullable: true }) },
  {
    name: 'a $ref to nothing, used twice',
    families: ALL,
    apply: (d) => {
      const ref = `${prefix(d)}Pett`;
      schemas(d).Pet.properties.a = { $ref: ref };
      schemas(d).Pet.properties.b = { $ref: ref };
    },
  },
  {
    name: 'a $ref through a $ref',
    families: ALL,
    apply: (d) => {
      schemas(d).Alias = { $ref: `${prefix(d)}Pet` };
      schemas(d).Pet.properties.c = { $ref: `${prefix(d)}Alias/properties/tags` };
      schemas(d).Pet.properties.e = { $ref: `${prefix(d)}Alias/properties/nope` };
      schemas(d).Pet.properties.f = { $ref: `${prefix(d)}Kind/enum/0/x` };
    },
  },
  {
    name: 'escaped and encoded pointers',
    families: ALL,
    apply: (d) => {
      schemas(d)['a/b~c d'] = { type: 'strin' };
      schemas(d).Pet.properties.g = { $ref: `${prefix(d)}a~1b~0c%20d` };
      schemas(d).Pet.properties.h = { $ref: '#' };
    },
  },
  {
    name: 'fields beside a $ref',
    families: ALL,
    apply: (d) => {
      const kind = { $ref: `${prefix(d)}Kind`, description: 'k', title: 5, foo: 1, 'x-y': 2 };
      schemas(d).Pet.properties.kind = { ...kind, properties: 'x', items: { type: 'bad' }, allOf: [{ $ref: '#/no' }] };
      op(d).parameters[1] = { $ref: op(d).parameters[1].$ref, description: 'limit', zzz: true };
    },
  },
  {
    name: 'a node used with two types',
    families: ALL,
    apply: (d) => {
      op(d).parameters.push({ $ref: `${prefix(d)}Pet` });
      schemas(d).Odd = { $ref: '#/info' };
      schemas(d).Pet.properties.i = { $ref: '#/info/title' };
    },
  },
  {
    name: 'a $ref to a scalar of the wrong kind',
    families: ALL,
    apply: (d) => {
      schemas(d).Pet.properties.j = { $ref: '#/info/version' };
      op(d).responses['201'] = { $ref: '#/info/version' };
      op(d).responses['202'] = { $ref: '#/info/version' };
    },
  },
  {
    name: 'discriminator mappings',
    families: V3,
    apply: (d) => {
      schemas(d).Pet.discriminator.mapping = {
        dog: '#/components/schemas/Dog',
        cat: '#/components/schemas/Cat',
        b: 'Bird',
      };
      schemas(d).Other = {
        discriminator: { propertyName: 'k', mapping: { x: '#/components/schemas/Cat', y: '#/no' } },
      };
      schemas(d).Third = { discriminator: { propertyName: 'k', mapping: 'nope' } };
    },
  },
  {
    name: 'security schemes with fields not allowed',
    families: V3,
    apply: (d) => {
      d.components.securitySchemes.key.scheme = 'bearer';
      d.components.securitySchemes.other = { type: 'oauth3' };
      d.components.securitySchemes.http = { type: 'http', name: 'n' };
    },
  },
  {
    name: 'a parameter with neither schema nor content',
    families: V3,
    apply: (d) => void delete op(d).parameters[0].schema,
  },
  {
    name: 'a 3.1 document with no paths',
    families: ['3.1'],
    apply: (d) => {
      delete d.paths;
      delete d.components;
    },
  },
  {
    name: 'a YAML alias shared by two places',
    families: ALL,
    apply: (d) => {
      const shared = { type: 5, zz: 1 };
      schemas(d).Pet.properties.k = shared;
      schemas(d).Kind = shared;
    },
  },
  {
    name: 'a 2.0 parameter of the wrong kinds',
    families: ['2.0'],
    apply: (d) => {
      Object.assign(op(d).parameters[0], { in: 'cookie', collectionFormat: 'bad', maximum: 'x', items: 3 });
    },
  },
  {
    name: 'a $ref to another file',
    families: ALL,
    handedOver: true,
    apply: (d) => {
      schemas(d).Pet.properties.l = { $ref: './missing.yaml#/Pet' };
    },
  },
  {
    name: 'a $ref to an anchor',
    families: ['3.1'],
    handedOver: true,
    apply: (d) => {
      schemas(d).Pet.properties.m = { $ref: '#pet' };
    },
  },
  {
    name: 'a $ref cycle',
    families: ALL,
    handedOver: true,
    apply: (d) => {
      schemas(d).A = { $ref: `${prefix(d)}B` };
      schemas(d).B = { $ref: `${prefix(d)}A` };
      schemas(d).Pet.properties.n = { $ref: `${prefix(d)}A` };
    },
  },
];
