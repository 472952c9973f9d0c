/**
 * The migration assistant: `scan`, `migrate --to shim`, `migrate --to native`. The CLI loads this
 * module (and with it the parser) with `import()` when one of those commands runs; the runtime
 * entries (`chime-identity-shim`, `/function`, `/emulator`) never import it
 * (test/migrate/isolation.test.ts).
 */
export { formatRewriteSummary, formatScanTable, scanJson } from './report.js';
export { type RewriteReport, rewrite } from './rewrite.js';
export { type FailOn, failsOn, type ScannedCall, type ScanReport, scan, scanText } from './scanner.js';
export { unifiedDiff } from './source/diff.js';
export { MissingPathError, NotSourceFileError } from './source/files.js';
export { migrateToNative } from './to-native.js';
export { CODEMOD_COMMAND, migrateToShim } from './to-shim.js';
