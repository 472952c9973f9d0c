/**
 * Text edits at the parser's offsets, applied at once: every byte outside them stays as it was,
 * which a printer that reprints the tree cannot promise (recast reprints every node it touches,
 * with its own quotes, commas and line breaks). ESLint's fixers and Biome's work the same way.
 */
export class Edits {
  private readonly list: { start: number; end: number; text: string; order: number }[] = [];

  get size(): number {
    return this.list.length;
  }

  replace(start: number, end: number, text: string): this {
    this.list.push({ start, end, text, order: this.list.length });
    return this;
  }

  insert(at: number, text: string): this {
    return this.replace(at, at, text);
  }

  /** The text with every edit applied. Inserts at one offset keep the order they were made in. */
  apply(text: string): string {
    return this.applyWithin(text, 0, text.length);
  }

  /** `text.slice(start, end)` with the edits inside that range applied (the others must lie outside it). */
  applyWithin(text: string, start: number, end: number): string {
    const sorted = this.list
      .filter((edit) => edit.start >= start && edit.end <= end)
      .sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
    let out = '';
    let at = start;
    for (const edit of sorted) {
      if (edit.start < at) {
        throw new Error(`overlapping edits at offset ${edit.start} (the previous one ends at ${at})`);
      }
      out += text.slice(at, edit.start) + edit.text;
      at = edit.end;
    }
    return out + text.slice(at, end);
  }
}
