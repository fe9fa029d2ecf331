/** Config loading, validation and schema: the public surface of generator/config. */
export { defineConfig } from './types.js';
export type {
  ApiforgeConfig,
  ClientSettings,
  OperationFilter,
  OperationOverride,
  PaginationOverride,
  ResolvedClientSettings,
} from './types.js';
export {
  CONFIG_FILE_NAMES,
  findConfigFile,
  loadConfig,
  loadConfigFrom,
  readConfigFile,
  resolveClient,
  type LoadedConfig,
} from './load.js';
export { assertValidConfig, configClients, validateConfig, type ConfigIssue } from './validate.js';
export { configJsonSchema } from './schema.js';
