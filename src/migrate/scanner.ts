import { readFile } from 'node:fs/promises';
import { type CallSite, type CallStyle, findCalls } from './analysis/calls.js';
import { Meanings } from './analysis/meaning.js';
import { analyse } from './analysis/scope.js';
import { familyPackage } from './knowledge.js';
import { type Need, needsOf } from './needs.js';
import { displayPath, sourceFiles } from './source/files.js';
import { ParseFailure, parseSource } from './source/parse.js';

/** One call of a legacy Chime operation, as `scan` reports it. */
export interface ScannedCall {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  /** The legacy operation: `CreateChannel`. */
  readonly operation: string;
  readonly sdk: 'v3' | 'v2';
  readonly style: CallStyle;
  /** SDK v2: `.promise()`, a callback, or the request object. */
  readonly form?: 'promise' | 'callback' | 'request' | undefined;
  /** The module the client, command or function comes from. */
  readonly module: string;
  /** Removed from `@aws-sdk/client-chime` in 3.757.0. */
  readonly removed: boolean;
  /** `same-name`, `renamed`, `substitute`, `routed-by-arn`, `none` (no counterpart), `kept` (not removed). */
  readonly status: string;
  /** The family that serves it (`tagging`: the namespace that owns the resource), for a removed operation. */
  readonly family?: string | undefined;
  readonly counterpart?: string | undefined;
  /** The family's package. */
  readonly package?: string | undefined;
  /** This package serves it in this release. */
  readonly served: boolean;
  readonly needs: readonly Need[];
}

/** A file the parser rejected: its calls are not listed, and the scan goes on. */
export interface Unparsable {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface ScanReport {
  /** Files read. */
  readonly files: number;
  readonly calls: readonly ScannedCall[];
  readonly unparsable: readonly Unparsable[];
}

/** What a file holds: its call sites, ready to be reported. */
export function scanText(text: string, path: string, file = path): ScannedCall[] {
  // Every Chime binding starts at a module specifier or a member that spells "chime"; a file
  // without the word cannot call Chime, and is not parsed at all.
  if (!/chime/i.test(text)) return [];
  const analysis = analyse(parseSource(text, path));
  const meanings = new Meanings(analysis);
  return findCalls(analysis, meanings, text).map((site) => describeCall(site, file, needsOf(site, analysis)));
}

function describeCall(site: CallSite, file: string, needs: Need[]): ScannedCall {
  const { facts } = site;
  const start = site.at.loc!.start;
  const family = facts.family;
  return {
    file,
    line: start.line,
    column: start.column + 1,
    operation: facts.name,
    sdk: site.sdk,
    style: site.style,
    form: site.form,
    module: site.source,
    removed: facts.removed,
    status: facts.status,
    family,
    counterpart: facts.counterpart,
    package: family && family !== 'tagging' ? familyPackage(family).packageName : undefined,
    served: facts.served,
    needs,
  };
}

/** Scans every JavaScript and TypeScript file under `paths`. A missing path throws `MissingPathError`. */
export async function scan(paths: readonly string[], cwd = process.cwd()): Promise<ScanReport> {
  const files = await sourceFiles(paths, cwd);
  const calls: ScannedCall[] = [];
  const unparsable: Unparsable[] = [];
  for (const path of files) {
    const shown = displayPath(path, cwd);
    const text = await readFile(path, 'utf8');
    try {
      calls.push(...scanText(text, path, shown));
    } catch (error) {
      if (!(error instanceof ParseFailure)) throw error;
      unparsable.push({ file: shown, line: error.line, column: error.column, message: error.message });
    }
  }
  return { files: files.length, calls, unparsable };
}

/** `--fail-on`: which calls make the scan exit 1. */
export type FailOn = 'unserved' | 'removed' | 'none';

export function failsOn(call: ScannedCall, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  if (failOn === 'removed') return call.removed;
  return call.removed && !call.served;
}
