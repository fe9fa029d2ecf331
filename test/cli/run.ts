import { main, type CliDeps } from '../../generator/cli/main.js';
import { fakePipeline } from './fake-pipeline.js';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in `cwd` with the fake pipeline and captured output. */
export async function run(cwd: string, argv: string[], deps: Partial<CliDeps> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd,
    env: {},
    pipeline: fakePipeline,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    ...deps,
  });
  return { code, stdout, stderr };
}
