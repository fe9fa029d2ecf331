/**
 * The `apiforge` command line. `bin/apiforge.js` calls {@link main} and
 * uses its result as the process exit code:
 * 0 success, 1 input or generation error, 2 usage error.
 */
import { Command, CommanderError, Option } from 'commander';
import { ApiforgeError } from '../diagnostics.js';
import { CliContext, packageVersion, type CliDeps } from './context.js';
import { describeError } from './errors.js';
import { generateCommand, type GenerateFlags } from './generate.js';
import type { InspectFlags } from './inspect.js';
import type { DiffFlags, EjectFlags } from './templates.js';

export type { CliDeps, GenerateResult, PipelineApi } from './context.js';

function addGenerateOptions(cmd: Command, withCheckAndWatch: boolean): Command {
  cmd
    .argument('[spec]', 'OpenAPI document (path or URL); without it, the config file is used')
    .option('-c, --config <file>', 'config file (default: apiforge.config.{ts,mts,mjs,js,json} in the cwd)')
    .option('--client <name>', 'only generate the client with this name')
    .option('-o, --output <dir>', 'output folder (required without a config)')
    .option('--name <name>', 'client class name')
    .option(
      '--no-package',
      'write only src/ and tsconfig.json: no package.json, README.md or api.md (config `package: false`)',
    )
    .option(
      '--package-name <name>',
      'npm name of the generated package (config `package.name`; default: from the client name)',
    )
    .option(
      '--package-version <version>',
      'version of the generated package (config `package.version`; default: the spec version)',
    )
    .option('--tests', 'also write tests/: one test per operation against a Prism mock of the spec (config `tests`)')
    .option('--base-url <url>', 'default base URL of the client (config `baseURL`)')
    .option('--templates <dir>', 'folder of template overrides (config `templates`)')
    .option(
      '--format <mode>',
      'formatting: default (the built-in printer), prettier (with your prettier config) or none',
    )
    .addOption(
      new Option('--emit <what>', 'the full client or types only (config `emit`)').choices(['client', 'types']),
    )
    .addOption(
      new Option('--pagination <mode>', 'infer pagination or not (config `pagination`)').choices(['auto', 'off']),
    )
    .option(
      '--allow-unresolved-refs',
      'type $refs that point to nothing as unknown (one warning each) instead of failing',
    )
    .option('-q, --quiet', 'print nothing on success')
    .option('-v, --verbose', 'list the template file used for each template and partial')
    .option('--debug', 'show stack traces for internal errors')
    .option('--force', 'run the whole pipeline even when no input changed since the last run');
  if (withCheckAndWatch) {
    cmd
      .option('--check', 'write nothing; exit 1 listing files that differ when the output is stale')
      .addOption(
        new Option(
          '-w, --watch',
          'regenerate when the config, spec, $ref files or override templates change',
        ).conflicts('check'),
      );
  }
  return cmd;
}

/** Builds the program; each action stores its exit code in `result.code`. */
function buildProgram(ctx: CliContext, result: { code: number }): Command {
  const program = new Command('apiforge')
    .description('Turn an OpenAPI document into a typed TypeScript API client.')
    .version(packageVersion(), '-V, --version')
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (s) => void ctx.stdout.write(s), writeErr: (s) => void ctx.stderr.write(s) })
    .exitOverride();

  addGenerateOptions(
    program.command('generate').description('generate client(s) from a spec or the config'),
    true,
  ).action(async (spec: string | undefined, opts: GenerateFlags & { watch?: boolean }) => {
    const flags = { ...opts, ...(spec !== undefined ? { spec } : {}) };
    // Other commands load on demand: a no-op `generate` must not pay for handlebars or the diff library.
    if (!opts.watch) result.code = await generateCommand(flags, ctx);
    else result.code = await (await import('./watch.js')).watchCommand(flags, ctx);
  });

  addGenerateOptions(
    program.command('check').description('like generate --check: exit 1 when the committed output is stale'),
    false,
  ).action(async (spec: string | undefined, opts: GenerateFlags) => {
    result.code = await generateCommand({ ...opts, ...(spec !== undefined ? { spec } : {}), check: true }, ctx);
  });

  program
    .command('inspect')
    .description('print the API model: version, counts, warnings and the resource tree')
    .argument('<spec>', 'OpenAPI document (path or URL)')
    .option('-c, --config <file>', 'config file with naming overrides')
    .option('--json', 'print JSON')
    .option(
      '--allow-unresolved-refs',
      'type $refs that point to nothing as unknown (one warning each) instead of failing',
    )
    .option('--debug', 'show stack traces for internal errors')
    .action(async (spec: string, opts: InspectFlags) => {
      result.code = await (await import('./inspect.js')).inspectCommand(spec, opts, ctx);
    });

  const templates = program.command('templates').description('work with template overrides');
  templates
    .command('eject')
    .description('copy built-in templates (all, or the named ones) into a folder for overriding')
    .argument('[names...]', 'template names, e.g. partials/jsdoc')
    .option('--to <dir>', 'destination folder', 'apiforge-templates')
    .option('-f, --force', 'overwrite files that already exist')
    .action(async (names: string[], opts: EjectFlags) => {
      result.code = await (await import('./templates.js')).ejectCommand(names, opts, ctx);
    });
  templates
    .command('diff')
    .description('show overrides whose built-in changed since they were ejected')
    .option('--templates <dir>', 'overrides folder (default: "templates" from the config)')
    .option('-c, --config <file>', 'config file')
    .option('--patch', 'print the diff against the built-in for every override, not only changed ones')
    .option('--exit-code', 'exit 1 when an override is stale or matches no built-in')
    .action(async (opts: DiffFlags) => {
      result.code = await (await import('./templates.js')).diffCommand(opts, ctx);
    });
  return program;
}

/** Usage errors from commander (unknown command/option, missing argument) exit 2; help and version exit 0. */
function commanderExit(e: CommanderError): number {
  if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
  return 2;
}

/** Runs the CLI with `argv` (without `node` and the script path) and returns the exit code. */
export async function main(argv: string[], deps: CliDeps = {}): Promise<number> {
  const ctx = new CliContext(deps);
  // `apiforge … | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
  for (const stream of [process.stdout, process.stderr]) {
    if (stream === ctx.stdout || stream === ctx.stderr) {
      stream.once('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        throw e;
      });
    }
  }
  const debug = argv.includes('--debug');
  const result = { code: 0 };
  const program = buildProgram(ctx, result);
  if (argv.length === 0) {
    ctx.stderr.write(program.helpInformation());
    return 2;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return result.code;
  } catch (e) {
    if (e instanceof CommanderError) return commanderExit(e);
    ctx.err(`✘ ${describeError(e, debug)}`);
    return e instanceof ApiforgeError ? e.exitCode : 1;
  }
}
