import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { isSourceFile, SOURCE_EXTENSIONS } from './parse.js';

/** A path given on the command line that cannot be read: a usage error for the CLI. */
export class MissingPathError extends Error {
  override readonly name = 'MissingPathError';
  constructor(readonly path: string) {
    super(`${path}: no such file or directory`);
  }
}

/** A file given on the command line that is not JavaScript or TypeScript: a usage error too. */
export class NotSourceFileError extends Error {
  override readonly name = 'NotSourceFileError';
  constructor(readonly path: string) {
    super(`${path}: not a JavaScript or TypeScript file (${SOURCE_EXTENSIONS.join(', ')})`);
  }
}

/** Folders no one migrates: installed packages, build output, coverage reports. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'coverage']);

/**
 * The JavaScript and TypeScript files under `paths` (files as given, folders walked; `node_modules`,
 * `dist`, `coverage` and dot-folders skipped), sorted, each once. A path that does
 * not exist is a `MissingPathError`; a file given by name that is not JavaScript or TypeScript, a
 * `NotSourceFileError`.
 */
export async function sourceFiles(paths: readonly string[], cwd = process.cwd()): Promise<string[]> {
  const found = new Set<string>();
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) throw new MissingPathError(path);
    if (info.isDirectory()) await walk(absolute, found);
    else if (isSourceFile(absolute)) found.add(absolute);
    else throw new NotSourceFileError(path);
  }
  return [...found].sort();
}

async function walk(folder: string, found: Set<string>): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
      await walk(path, found);
    } else if (entry.isFile() && isSourceFile(entry.name)) {
      found.add(path);
    }
  }
}

/** How a file is named in reports: relative to the working folder (absolute outside it), with `/` on every platform. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const shown = relative(cwd, path);
  // Outside the working folder, the absolute path says more than a chain of `..`.
  return (shown === '' || shown.startsWith('..') ? path : shown).split(sep).join('/');
}
