import type { RewriteReport } from './rewrite.js';
import { type FailOn, failsOn, type ScannedCall, type ScanReport } from './scanner.js';
import { CODEMOD_COMMAND } from './to-shim.js';

/** `v3 command`, `v3 Chime#method`, `v2 .promise()`: how the call is written. */
function styleOf(call: ScannedCall): string {
  switch (call.style) {
    case 'command':
      return 'v3 command';
    case 'aggregated':
      return 'v3 Chime method';
    case 'paginator':
      return 'v3 paginator';
    case 'function':
      return 'shim function';
    case 'v2':
      return call.form === 'promise'
        ? 'v2 .promise()'
        : call.form === 'callback'
          ? 'v2 callback'
          : 'v2 request';
  }
}

function counterpartOf(call: ScannedCall): string {
  switch (call.status) {
    case 'kept':
      return '-';
    case 'none':
      return `${call.family}: none`;
    case 'routed-by-arn':
      return `${call.counterpart} of the resource's namespace`;
    case 'renamed':
      return `${call.family} ${call.counterpart} (renamed)`;
    case 'substitute':
      return `${call.family} ${call.counterpart} (meeting ARN)`;
    default:
      return `${call.family} ${call.counterpart}`;
  }
}

function servedOf(call: ScannedCall): string {
  if (!call.removed) return '-';
  if (call.status === 'none') return 'no (refused)';
  return call.served ? 'yes' : 'not yet';
}

/** The table `scan` prints by default: one row per call, what needs a person under it, a summary. */
export function formatScanTable(report: ScanReport, failOn: FailOn): string {
  const header = ['location', 'operation', 'call', 'removed', 'counterpart', 'served'];
  const rows = report.calls.map((call) => [
    `${call.file}:${call.line}:${call.column}`,
    call.operation,
    styleOf(call),
    call.removed ? 'removed' : 'kept',
    counterpartOf(call),
    servedOf(call),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  const out: string[] = [];
  if (rows.length > 0) {
    out.push(line(header));
    for (const [index, call] of report.calls.entries()) {
      out.push(line(rows[index]!));
      for (const need of call.needs) out.push(`    ! ${need.message}`);
    }
    out.push('');
  }
  out.push(...summaryLines(report, failOn));
  return `${out.join('\n')}\n`;
}

function summaryLines(report: ScanReport, failOn: FailOn): string[] {
  const { calls } = report;
  const files = new Set(calls.map((call) => call.file));
  const removed = calls.filter((call) => call.removed);
  const served = removed.filter((call) => call.served);
  const needing = calls.filter((call) => call.needs.length > 0);
  const v2Files = new Set(calls.filter((call) => call.sdk === 'v2').map((call) => call.file));
  const failing = calls.filter((call) => failsOn(call, failOn));
  const lines = [
    `${plural(calls.length, 'call')} of legacy Chime operations in ${plural(files.size, 'file')} (${plural(report.files, 'file')} scanned): ` +
      `${removed.length} of removed operations (${served.length} served by chime-identity-shim, ${removed.length - served.length} not), ` +
      `${calls.length - removed.length} of operations 3.757.0 kept.`,
  ];
  if (needing.length > 0) {
    lines.push(
      `${plural(needing.length, 'call')} ${needing.length === 1 ? 'needs' : 'need'} a person (marked !).`,
    );
  }
  if (v2Files.size > 0) {
    lines.push(
      `${plural(v2Files.size, 'file')} use SDK v2: run \`${CODEMOD_COMMAND} PATH\` on them before \`migrate --to shim\`.`,
    );
  }
  if (report.unparsable.length > 0) {
    lines.push(`${plural(report.unparsable.length, 'file')} could not be parsed (not scanned):`);
    for (const file of report.unparsable)
      lines.push(`  ${file.file}:${file.line}:${file.column}: ${file.message}`);
  }
  if (failOn !== 'none') {
    lines.push(
      failing.length > 0
        ? `--fail-on ${failOn}: ${plural(failing.length, 'call')} ${failOn === 'removed' ? 'of removed operations' : 'not served'} (exit 1).`
        : `--fail-on ${failOn}: no call ${failOn === 'removed' ? 'of a removed operation' : 'that is not served'}.`,
    );
  }
  return lines;
}

/** What `scan --json` prints. */
export function scanJson(report: ScanReport, failOn: FailOn) {
  const removed = report.calls.filter((call) => call.removed);
  return {
    files: report.files,
    calls: report.calls,
    unparsable: report.unparsable,
    summary: {
      calls: report.calls.length,
      removed: removed.length,
      served: removed.filter((call) => call.served).length,
      unserved: removed.filter((call) => !call.served).length,
      kept: report.calls.length - removed.length,
      needPerson: report.calls.filter((call) => call.needs.length > 0).length,
      failOn,
      failing: report.calls.filter((call) => failsOn(call, failOn)).length,
    },
  };
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * What `migrate` prints after it ran: each rewritten file with what changed and what still needs a
 * person there, the SDK v2 files to run through aws-sdk-js-codemod first, the files that did not
 * parse, and the totals.
 */
export function formatRewriteSummary(report: RewriteReport, options: { readonly dryRun: boolean }): string {
  const lines: string[] = [];
  for (const file of report.changed) {
    lines.push(`${options.dryRun ? 'would rewrite' : 'rewrote'} ${file.file}: ${file.notes.join('; ')}`);
    for (const { line, column, operation, need } of file.needs) {
      lines.push(`  ! ${file.file}:${line}:${column} ${operation}: ${need.message}`);
    }
  }
  for (const file of report.v2) {
    lines.push(`left as is ${file}: SDK v2; run \`${CODEMOD_COMMAND} ${file}\` first, then this step again`);
  }
  for (const file of report.unparsable) {
    lines.push(`could not parse ${file.file}:${file.line}:${file.column}: ${file.message} (left as is)`);
  }
  const unchanged = report.files - report.changed.length - report.unparsable.length;
  lines.push(
    `${plural(report.changed.length, 'file')} ${options.dryRun ? 'to rewrite (dry run: nothing written)' : 'rewritten'}, ` +
      `${plural(unchanged, 'file')} unchanged, ${report.v2.length} SDK v2, ${report.unparsable.length} unparsable ` +
      `(${plural(report.files, 'file')} read).`,
  );
  return `${lines.join('\n')}\n`;
}
