import type { PaginationStyle as ContractPaginationStyle } from '../../runtime/src/core/contract.js';
/**
 * The canonical API model: a version-independent description of an API that
 * every emitter reads. Built by `buildModel` from a loaded spec. Maps whose
 * order carries no meaning in the spec are sorted here; order that means
 * something (properties, parameters, enum values) is kept.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { SpecVersion } from '../load/version.js';
import type { StreamFormat } from '../../runtime/src/core/media-contract.js';

export * from './schema-types.js';
import type { JsonValue, NamedSchema, Property, Schema, SchemaDocs } from './schema-types.js';

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export interface Parameter extends SchemaDocs {
  name: string;
  in: ParameterLocation;
  required: boolean;
  schema: Schema;
  style?: string;
  explode?: boolean;
}

export interface MediaBody {
  /** e.g. `application/json`. */
  contentType: string;
  encoding: 'json' | 'form' | 'multipart' | 'binary' | 'text';
  schema: Schema;
  /**
   * OpenAPI 3.2 `itemSchema`: the schema of each item of a sequential media type. For
   * `text/event-stream` it is the schema of the parsed `data` (an event schema's
   * `data.contentSchema` when it declares one).
   */
  itemSchema?: Schema;
  /** The `encoding` object of a form or multipart body: per field, the part's content type and style. */
  fields?: Record<string, { contentType?: string; style?: string; explode?: boolean }>;
}

export interface RequestBody {
  required: boolean;
  description?: string;
  /** The media type the client sends (JSON preferred), then the others. */
  content: MediaBody[];
}

export interface ResponseHeader {
  name: string;
  schema: Schema;
  description?: string;
}

export interface Response {
  /** `200`, `4XX`, `default`... */
  status: string;
  description?: string;
  content: MediaBody[];
  headers: ResponseHeader[];
}

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

/** The pagination styles the runtime implements (the contract's `PAGE_CLASSES` keys). */
export type PaginationStyle = ContractPaginationStyle;

/** How a list operation pages, detected from its shape or declared in config. */
export interface Pagination {
  style: PaginationStyle;
  /** Item array path in the body; empty when the body is the array. */
  items: string[];
  next?: string[];
  prev?: string[];
  hasMore?: string[];
  /** Total number of items (not pages). */
  total?: string[];
  /** Total number of pages (`total_pages`); page-number only. */
  totalPages?: string[];
  afterParam?: string;
  beforeParam?: string;
  limitParam?: string;
  cursorParam?: string;
  offsetParam?: string;
  pageParam?: string;
  /** Schema of one item. */
  itemSchema: Schema;
  /** `config` when declared, `inferred` when detected. */
  source: 'config' | 'inferred';
}

/** How an operation streams: SSE, JSONL / NDJSON or JSON text sequences (detected or declared in config). */
export interface Streaming {
  format: StreamFormat;
  /** The streaming media type, e.g. `text/event-stream`. */
  contentType: string;
  /** Schema of one item: the media type's `itemSchema`, else its `schema`. */
  itemSchema: Schema;
  /**
   * When the success response also offers JSON: the parameter whose value asks for the stream
   * (a boolean body field `stream` by default). Absent: the operation always streams.
   */
  selector?: StreamSelector;
  source: 'config' | 'inferred';
}

/** The parameter that switches an operation between its JSON and its streaming response. */
export interface StreamSelector {
  in: 'body' | 'query' | 'header';
  /** Wire name of the body field, query parameter or header. */
  name: string;
  /** The value that selects the stream. */
  value: string | boolean;
}

export interface SecurityRequirement {
  /** Scheme names; all must be satisfied together. */
  schemes: Array<{ name: string; scopes: string[] }>;
}

export interface SecurityScheme {
  name: string;
  type: 'apiKey' | 'http' | 'oauth2' | 'openIdConnect' | 'mutualTLS';
  /** apiKey: header/query/cookie. */
  in?: 'header' | 'query' | 'cookie';
  /** apiKey: the header/query/cookie name. */
  paramName?: string;
  /** http: `bearer`, `basic`... */
  scheme?: string;
  /** oauth2: the client-credentials flow's token URL and scopes, when the scheme has that flow. */
  clientCredentials?: { tokenUrl: string; scopes: string[] };
  description?: string;
}

export interface Server {
  url: string;
  description?: string;
  variables: Array<{ name: string; default: string; enum?: string[]; description?: string }>;
}

export interface Operation {
  /** Stable id: the spec's operationId, or `<method> <path>` when absent. */
  id: string;
  operationId?: string;
  method: HttpMethod;
  path: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  tags: string[];
  /** Parameters in spec order (path-item level first, operation level overriding). */
  parameters: Parameter[];
  requestBody?: RequestBody;
  /** Sorted by status. */
  responses: Response[];
  /** Undefined: the API-wide default applies. */
  security?: SecurityRequirement[];
  /** Dotted resource path in the client, e.g. `['v1', 'customers', 'paymentMethod']`. */
  resource: string[];
  /** Method name on the resource, e.g. `attach`. */
  methodName: string;
  /** Whether placement came from config or inference. */
  placement: 'config' | 'inferred';
  pagination?: Pagination;
  /** Set when the success response is (or can be) a stream of items. */
  streaming?: Streaming;
  /** Names of the per-operation types, unique across the client. */
  typeNames: OperationTypeNames;
  /** JSON pointer of the operation. */
  pointer: string;
  /** How the generated method is called and what `params` holds. */
  request: RequestPlan;
  /** What a successful call resolves to. */
  response: ResponsePlan;
}

/** Where a `params` member travels on the wire. */
export type MemberLocation = ParameterLocation | 'body';

/** One member of an operation's `params` object. */
export interface RequestMember {
  /** Name, requiredness and schema as the member appears in `params`. */
  property: Property;
  location: MemberLocation;
  /** Documentation to use instead of the schema's own (the whole-body member), or null. */
  docs: SchemaDocs | null;
}

/** The call shape of an operation, decided by the model: `method(positional, params, options)`. */
export interface RequestPlan {
  /** The last path parameter, passed positionally; `key` is its key in the params sent (`$path.<name>` when a field shares its name). */
  positional: { name: string; key: string } | null;
  /** Every `{name}` of the path template, in order. */
  pathParams: string[];
  /** Members of `params`, in wire order (path, query, header, cookie, body). */
  members: RequestMember[];
  /** Whether some member is required, or the spec requires a body of fields (then `params` is required too). */
  paramsRequired: boolean;
  /**
   * A union (oneOf/anyOf) of object bodies sent field by field: `params` is the members intersected with this
   * union (discriminator pinned), and the runtime sends every key that is not a path/query/header/cookie one.
   */
  bodyUnion: Schema | null;
  /** How the body is sent, or null when nothing is (an empty optional object body is dropped). */
  body: { encoding: MediaBody['encoding']; contentType: string; mode: 'fields' | 'whole' } | null;
  /** Path parameters that are also body fields: one member, sent in both places. */
  alsoInBody: string[];
}

/** What a successful call resolves to. */
export type ResponsePlan =
  | { kind: 'void' | 'blob' | 'unknown' | 'text' }
  /** A JSON (or typed text) body, or a page of items; `named` when the schema is a component reused by name. */
  | { kind: 'schema' | 'page'; schema: Schema; description: string; named: boolean };

/** Per-operation type names, e.g. `CustomerListParams`, `CustomerListResponse`. */
export interface OperationTypeNames {
  /** `<Resource><Method>Params`. */
  params: string;
  /** `<Resource><Method>Response`; used when the response schema is inline (a `$ref` reuses the component's name). */
  response: string;
  /** Page alias for paginated lists, `<stem>Responses<PageName>`, e.g. `CustomerListResponsesCursorPage`. */
  page: string;
  /** The qualified stem the names start with, e.g. `PlanEntitlementCreate`. */
  stem: string;
  /** The unqualified stem (`EntitlementCreate`): names inside the resource's namespace start with it. */
  localStem: string;
}

export interface Resource {
  /** Property name on the parent, e.g. `paymentMethod`. */
  name: string;
  /** Full path from the client root. */
  path: string[];
  /** Operations placed on this resource, sorted by method name. */
  operations: Operation[];
  /** Sorted by name. */
  children: Resource[];
}

export interface ApiModel {
  title: string;
  version: string;
  description?: string;
  sourceVersion: SpecVersion;
  declaredVersion: string;
  servers: Server[];
  securitySchemes: SecurityScheme[];
  security: SecurityRequirement[];
  /** Sorted by key. */
  schemas: NamedSchema[];
  /** Sorted by path then method. */
  operations: Operation[];
  /** Root of the resource tree (name '', path []). */
  root: Resource;
  warnings: Diagnostic[];
}
