#!/usr/bin/env node
// Build step (after tsc): records where the runtime's renamed identifiers are, so generate needs no parser.
import { writeRuntimeSpans } from '../dist/generator/emit/runtime-spans.js';

await writeRuntimeSpans();
