/** One file produced by a generation run, before it is written. */
export interface GeneratedFile {
  /** POSIX path relative to the output folder, e.g. `src/client.ts`. */
  path: string;
  /** Final (formatted) content. */
  content: string;
}
