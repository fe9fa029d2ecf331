/**
 * apiforge's programmatic API. The pipeline reads left to right:
 * `loadSpec` (load) -> `buildModel` (model) -> `generateClient` (emit) -> `writeOutput` (write).
 */
export { loadSpec, type LoadedSpec, type LoadOptions, type SpecVersion } from './load/load-spec.js';
export { buildModel, type ModelOptions } from './model/build-model.js';
export type * from './model/types.js';
export { generateClient, BUILTIN_TEMPLATES, type GenerateResult } from './pipeline.js';
export { inspectClient, inspectModel, formatInspect, type InspectReport, type InspectMethod } from './inspect.js';
export { writeOutput, type WriteResult, type GeneratedFile } from './write/index.js';
export {
  defineConfig,
  loadConfig,
  type ApiforgeConfig,
  type ClientSettings,
  type ResolvedClientSettings,
} from './config/index.js';
export { ApiforgeError, DiagnosticBag, formatDiagnostic, type Diagnostic, type SourceLocation } from './diagnostics.js';
export { VIEW_MODEL_VERSION } from './emit/view-model.js';
export type * from './emit/view-model.js';
