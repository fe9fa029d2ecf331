/**
 * Runs the quick structural check (struct-walk.ts) and Redocly's `lintDocument` with the same two rules on the
 * same parsed document, and gives both problem lists in one shape, for the differential tests.
 */
import { BaseResolver, Source, createConfig, lintDocument } from '@redocly/openapi-core';
import { quickStructProblems } from '../../generator/load/validate.js';
import { pureRefCycles, withoutRefCycles } from '../../generator/load/ref-cycles.js';

/** A problem as both checks report it. */
export interface Seen {
  ruleId: string;
  message: string;
  suggest: string[];
  pointer: string | undefined;
  reportOnKey: boolean;
}

const config = createConfig({ rules: { struct: 'error', 'no-unresolved-refs': 'error' } });

/** Redocly's problems, or the message of the error it throws. */
export async function redoclySees(ref: string, text: string, parsed: unknown): Promise<Seen[] | string> {
  try {
    const problems = await lintDocument({
      document: { source: new Source(ref, text), parsed: withoutRefCycles(parsed, pureRefCycles(parsed)) },
      config: (await config).styleguide,
      externalRefResolver: new BaseResolver(),
    });
    return problems.map((p) => {
      const loc = p.location[0]!;
      return {
        ruleId: p.ruleId,
        message: p.message,
        suggest: p.suggest,
        pointer: 'pointer' in loc ? loc.pointer : undefined,
        reportOnKey: loc.reportOnKey ?? false,
      };
    });
  } catch (error) {
    return `throws: ${(error as Error).message}`;
  }
}

/** The quick check's problems, or `needs Redocly` when it hands over. */
export async function quickSees(parsed: unknown): Promise<Seen[] | 'needs Redocly'> {
  return (await quickStructProblems(parsed)) ?? 'needs Redocly';
}
