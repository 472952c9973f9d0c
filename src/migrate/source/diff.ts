import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

/** A unified diff of one file (`--- a/path`, `+++ b/path`, 3 lines of context), as `git diff` prints it. */
export function unifiedDiff(path: string, before: string, after: string): string {
  const name = path.replace(/^\/+/, '');
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
  });
}
