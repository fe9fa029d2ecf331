/** Writing generated output: the public surface of generator/write. */
export type { GeneratedFile } from './types.js';
export { writeOutput, type WriteOptions, type WriteResult, type WriterFs } from './write-output.js';
export {
  OUTPUT_MANIFEST,
  PROTECTED_DIRS,
  hashContent,
  readOutputManifest,
  type InputsRecord,
  type OutputManifest,
} from './manifest.js';
