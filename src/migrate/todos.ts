import type * as t from '@babel/types';
import type { Edits } from './source/edits.js';
import { indentAt, lineStart } from './source/layout.js';

/** The marker every comment `migrate --to native` writes starts with, so a person can find them all. */
export const TODO_MARKER = 'TODO(chime-migrate):';

/**
 * `// TODO(chime-migrate): ...` comments, one line each, above the statement they are about, at
 * its indentation. A comment already there (from an earlier run) is not written again, so the
 * step stays idempotent.
 */
export class Todos {
  private readonly pending = new Map<number, { indent: string; messages: string[] }>();
  count = 0;

  constructor(
    private readonly text: string,
    private readonly lineBreak: string,
  ) {}

  add(statement: t.Node, message: string): void {
    const at = statement.start ?? 0;
    const line = `// ${TODO_MARKER} ${message}`;
    if (this.commentsAbove(at).includes(line)) return;
    let entry = this.pending.get(at);
    if (!entry) {
      entry = { indent: indentAt(this.text, at), messages: [] };
      this.pending.set(at, entry);
    }
    if (!entry.messages.includes(message)) entry.messages.push(message);
  }

  /** Writes the comments into `edits`. */
  flush(edits: Edits): void {
    for (const [at, { indent, messages }] of this.pending) {
      this.count += messages.length;
      edits.insert(
        at,
        messages.map((message) => `// ${TODO_MARKER} ${message}${this.lineBreak}${indent}`).join(''),
      );
    }
    this.pending.clear();
  }

  /** The `//` comment lines right above the line of `offset`. */
  private commentsAbove(offset: number): string[] {
    const lines: string[] = [];
    let end = lineStart(this.text, offset);
    while (end > 0) {
      const start = lineStart(this.text, end - 1);
      const line = this.text.slice(start, end).trim();
      if (!line.startsWith('//')) break;
      lines.push(line);
      end = start;
    }
    return lines;
  }
}
