#!/usr/bin/env node
/**
 * The `chime-identity-shim` bin. Everything is in `main` (program.ts), which tests run in-process;
 * this file only connects it to the real process.
 */
import { main, processIo } from './program.js';

// No top-level await: this entry is also built as CommonJS.
main(process.argv.slice(2), processIo()).then(
  (exitCode) => {
    // Set, not `process.exit()`: stdout may still be flushing to a pipe.
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    process.stderr.write(`\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 255;
  },
);
