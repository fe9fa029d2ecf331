/**
 * A declarative description of the config file, used three ways: to
 * validate configs with precise messages, to generate the JSON Schema
 * (`schema/apiforge.config.schema.json`), and, through the mapped types
 * below, to make tsc fail when `ClientSettings` gains a key this file lacks.
 */
import type {
  ClientSettings,
  ModelName,
  ModelOverride,
  OperationFilter,
  OperationOverride,
  PaginationOverride,
  StreamOverride,
} from './types.js';

export type Shape =
  | { kind: 'string'; description?: string; enum?: readonly string[]; minLength?: number }
  | { kind: 'boolean'; description?: string }
  | { kind: 'literal'; value: string | boolean; description?: string }
  | { kind: 'array'; items: Shape; description?: string }
  | { kind: 'object'; props: Record<string, Shape>; required?: readonly string[]; description?: string }
  | { kind: 'record'; values: Shape; description?: string }
  | { kind: 'union'; options: readonly Shape[]; description?: string };

type ObjectShape<T> = {
  kind: 'object';
  props: { [K in keyof Required<T>]: Shape };
  required?: ReadonlyArray<keyof T & string>;
  description?: string;
};

const str = (description?: string): Shape => ({ kind: 'string', ...(description ? { description } : {}) });
const strs = (description: string): Shape => ({ kind: 'array', items: { kind: 'string' }, description });

const paginationShape: ObjectShape<PaginationOverride> = {
  kind: 'object',
  description: 'Declares how an operation paginates.',
  required: ['style'],
  props: {
    style: { kind: 'string', enum: ['cursor', 'cursor-id', 'next-token', 'offset', 'page-number', 'link-header'] },
    items: str('Dotted path of the items array in the response body; omit when the body is the array.'),
    next: str('Dotted path of the next cursor/token/url in the response body.'),
    prev: str('Dotted path of the previous cursor in the response body.'),
    hasMore: str('Dotted path of a `has_more` style boolean.'),
    total: str('Dotted path of a total count.'),
    afterParam: str('Query parameter carrying the "after" cursor.'),
    beforeParam: str('Query parameter carrying the "before" cursor.'),
    limitParam: str('Query parameter carrying the page size.'),
    cursorParam: str('Query parameter carrying the cursor or token.'),
    offsetParam: str('Query parameter carrying the offset.'),
    pageParam: str('Query parameter carrying the page number.'),
  },
};

const streamShape: ObjectShape<StreamOverride> = {
  kind: 'object',
  description: 'The parameter that selects the streaming response.',
  required: ['in', 'name'],
  props: {
    in: { kind: 'string', enum: ['body', 'query', 'header'], description: 'Where the selector is.' },
    name: str('Its wire name, e.g. `stream`, `format` or `Accept`.'),
    value: {
      kind: 'union',
      description: 'The value that selects the stream; default `true` (a header: the streaming media type).',
      options: [{ kind: 'string' }, { kind: 'boolean' }],
    },
  },
};

const operationShape: ObjectShape<OperationOverride> = {
  kind: 'object',
  description: 'Where an operation appears in the client, overriding inference.',
  props: {
    resource: str('Dotted resource path, e.g. `v1.customers.paymentMethod`.'),
    method: str('Method name on that resource, e.g. `attach`.'),
    pagination: {
      kind: 'union',
      description: 'Pagination for this operation: a style descriptor, or `false` to turn it off.',
      options: [paginationShape, { kind: 'literal', value: false }],
    },
    stream: {
      kind: 'union',
      description:
        'Selector of the streaming response for an operation that returns JSON or a stream, or `false` for JSON only.',
      options: [streamShape, { kind: 'literal', value: false }],
    },
  },
};

const identifier: Shape = { kind: 'string', minLength: 1, description: 'A TypeScript identifier.' };

const modelNameShape: ObjectShape<ModelName> = {
  kind: 'object',
  description: 'A name given to a component schema.',
  required: ['name'],
  props: {
    name: { ...identifier, description: 'TypeScript name, e.g. `CustomerResponse`.' },
    resource: str('Dotted resource path whose namespace re-exports the name, e.g. `v1.customers`.'),
  },
};

const modelShape: ObjectShape<ModelOverride> = {
  kind: 'object',
  description: 'Renames a component schema and gives it extra names.',
  props: {
    name: { ...identifier, description: "The schema's TypeScript name instead of the one inferred from its key." },
    resource: str("Dotted resource path whose namespace re-exports the schema's type."),
    aliases: {
      kind: 'array',
      items: modelNameShape,
      description: 'More names for the same type, each optionally placed in a resource namespace.',
    },
  },
};

const PAGE_STYLES = ['cursor', 'cursor-id', 'next-token', 'offset', 'page-number', 'link-header'] as const;

const filterShape = (description: string): ObjectShape<OperationFilter> => ({
  kind: 'object',
  description,
  props: {
    tags: strs('Operation tags.'),
    paths: strs('Paths, exact or glob with `*`.'),
    operationIds: strs('operationIds.'),
  },
});

/** The settings of one client; keys must match `ClientSettings` exactly (checked by tsc). */
export const clientShape: ObjectShape<ClientSettings> = {
  kind: 'object',
  description: 'Settings for one generated client.',
  required: ['input', 'output'],
  props: {
    name: {
      kind: 'string',
      minLength: 1,
      description: 'Client class name, e.g. `Stigg`. Default: derived from `info.title`.',
    },
    input: { kind: 'string', minLength: 1, description: 'Spec path (relative to the config file) or http(s) URL.' },
    output: { kind: 'string', minLength: 1, description: 'Output folder (relative to the config file).' },
    env: {
      kind: 'object',
      description:
        'Environment variable names; default `<NAME>_API_KEY`, `<NAME>_BASE_URL`, `<NAME>_LOG`, `<NAME>_CUSTOM_HEADERS`.',
      props: {
        apiKey: str(),
        baseURL: str(),
        log: str(),
        customHeaders: str('Newline-separated `Name: value` lines sent as headers on every request.'),
      },
    },
    retryCountHeader: str('Header carrying the attempt number (0 on the first attempt); default `x-retry-count`.'),
    baseURL: str("Default base URL; default: the spec's first server."),
    stripPrefix: str(
      'Path prefix dropped before inferring resources; default: the longest common static prefix like `/api`.',
    ),
    operations: {
      kind: 'record',
      values: operationShape,
      description: 'Per-operationId placement and pagination overrides.',
    },
    include: filterShape('Only generate these operations.'),
    exclude: filterShape('Skip these operations.'),
    models: {
      kind: 'record',
      values: modelShape,
      description: 'Component schemas by key: new names, resource namespaces and aliases.',
    },
    pageClassNames: {
      kind: 'object',
      description:
        'Page type names per pagination style, e.g. `{ "cursor": "MyCursorIDPage" }`; default: the runtime class name.',
      props: Object.fromEntries(PAGE_STYLES.map((style) => [style, identifier])) as Record<
        (typeof PAGE_STYLES)[number],
        Shape
      >,
    },
    pagination: {
      kind: 'string',
      enum: ['auto', 'off'],
      description: 'Global pagination switch: `auto` (default) infers styles; `off` disables inference.',
    },
    idempotency: {
      kind: 'union',
      description: 'Idempotency keys: `auto` (default), `false`, or explicit settings.',
      options: [
        { kind: 'literal', value: 'auto' },
        { kind: 'literal', value: false },
        {
          kind: 'object',
          props: {
            header: str('Header name, default `Idempotency-Key`.'),
            methods: { kind: 'array', items: { kind: 'string', enum: ['post', 'put', 'patch', 'delete'] } },
          },
        },
      ],
    },
    templates: str('Folder of template overrides (relative to the config file).'),
    format: {
      kind: 'union',
      description:
        "Formatting: `true` (default) the printer's own layout, `'prettier'` prettier with your config, `false` the printer's output as is.",
      options: [{ kind: 'boolean' }, { kind: 'literal', value: 'prettier' }],
    },
    prettier: {
      kind: 'boolean',
      description: "Deprecated: use `format` (`true` is `format: 'prettier'`, `false` is `format: false`).",
    },
    emit: {
      kind: 'string',
      enum: ['client', 'types'],
      description: 'What to emit: the full client (default) or types only.',
    },
    package: {
      kind: 'union',
      description:
        'The output as a package (default true): package.json (dual ESM + CommonJS build), README.md, api.md. `false` writes only src/ and tsconfig.json.',
      options: [{ kind: 'boolean' }, { kind: 'object', props: { name: str(), version: str() } }],
    },
    tests: {
      kind: 'boolean',
      description:
        'Also write tests/: one test per operation (required params, then all params) against a Prism mock of the spec; `npm test` runs them (default false).',
    },
    allowUnresolvedRefs: {
      kind: 'boolean',
      description:
        'Type `$ref`s that point to nothing as `unknown` with one warning per target, instead of failing (default false).',
    },
  },
};

/** Keys allowed at the top level besides the client settings or `clients`. */
export const TOP_LEVEL_EXTRA = ['$schema'] as const;
