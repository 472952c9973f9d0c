import { readFile, writeFile } from 'node:fs/promises';
import type { Need } from './needs.js';
import type { Unparsable } from './scanner.js';
import { displayPath, sourceFiles } from './source/files.js';
import { ParseFailure } from './source/parse.js';

/** A call that needs a person, where it is. */
export interface LocatedNeed {
  readonly line: number;
  readonly column: number;
  readonly operation: string;
  readonly need: Need;
}

/** What a rewrite step did to one file. */
export interface FileOutcome {
  /** The new text, when the step changed the file. */
  readonly text?: string | undefined;
  /** One line each, for the summary. */
  readonly notes: readonly string[];
  /** The file calls removed operations through SDK v2. */
  readonly v2?: boolean | undefined;
  readonly needs?: readonly LocatedNeed[] | undefined;
}

export interface ChangedFile {
  readonly file: string;
  readonly before: string;
  readonly after: string;
  readonly notes: readonly string[];
  readonly needs: readonly LocatedNeed[];
}

export interface RewriteReport {
  readonly files: number;
  readonly changed: readonly ChangedFile[];
  /** Files left alone because they call removed operations through SDK v2. */
  readonly v2: readonly string[];
  readonly unparsable: readonly Unparsable[];
}

export type Transform = (text: string, path: string) => FileOutcome;

/**
 * Runs one rewrite step over every JavaScript and TypeScript file under `paths`: each file is read,
 * transformed, and written back when it changed (never with `dryRun`). A file that does not parse
 * is reported and the others go on. A missing path throws `MissingPathError` before any file is read.
 */
export async function rewrite(
  paths: readonly string[],
  transform: Transform,
  options: { readonly dryRun: boolean; readonly cwd?: string | undefined },
): Promise<RewriteReport> {
  const cwd = options.cwd ?? process.cwd();
  const files = await sourceFiles(paths, cwd);
  const changed: ChangedFile[] = [];
  const v2: string[] = [];
  const unparsable: Unparsable[] = [];
  for (const path of files) {
    const shown = displayPath(path, cwd);
    const before = await readFile(path, 'utf8');
    let outcome: FileOutcome;
    try {
      outcome = transform(before, path);
    } catch (error) {
      if (!(error instanceof ParseFailure)) throw error;
      unparsable.push({ file: shown, line: error.line, column: error.column, message: error.message });
      continue;
    }
    if (outcome.v2) v2.push(shown);
    if (outcome.text === undefined || outcome.text === before) continue;
    changed.push({
      file: shown,
      before,
      after: outcome.text,
      notes: outcome.notes,
      needs: outcome.needs ?? [],
    });
    if (!options.dryRun) await writeFile(path, outcome.text);
  }
  return { files: files.length, changed, v2, unparsable };
}
