/**
 * The AWS CLI's shorthand syntax (`Key=team,Value=blue`), as `aws` parses it
 * (awscli/shorthand.py, documented in "Using shorthand syntax with the AWS CLI"):
 *
 * ```
 * parameter     = keyval *("," keyval)
 * keyval        = key "=" [values]
 * key           = 1*(ALPHA / DIGIT / "-" / "_" / "." / "#" / "/" / ":")
 * values        = csv-values / explicit-list / hash-literal
 * csv-values    = value *("," value)        ; a "," followed by `key=` starts the next keyval
 * explicit-list = "[" [(value / explicit-list / hash-literal) *("," ...)] "]"
 * hash-literal  = "{" keyval *("," keyval) "}"
 * value         = quoted-value / simple-value
 * ```
 *
 * Simple values run to the next `,` (or the closing bracket of the list or hash they are in),
 * a backslash escapes the next character, and surrounding whitespace is dropped. Quoted values
 * ('...' or "...") keep everything between the quotes; a backslash escapes the quote.
 * `Key=` gives the empty string; `Key=a,b` gives the list `['a', 'b']`.
 */
export type ShorthandValue = string | ShorthandValue[] | ShorthandObject;
export interface ShorthandObject {
  [key: string]: ShorthandValue;
}

/** A shorthand string that does not follow the grammar; the message points at the spot, as `aws` does. */
export class ShorthandSyntaxError extends Error {
  override readonly name = 'ShorthandSyntaxError';
}

const KEY_CHAR = /[A-Za-z0-9\-_.#/:]/;
/** After a `,` in csv-values: does a new `key=` start here, or does the input end? */
const NEXT_KEY_OR_END = /^\s*(?:[A-Za-z0-9\-_.#/:]+\s*=|$)/;

/**
 * Parses one shorthand value into an object (own properties only: `__proto__=x` becomes a key,
 * never a prototype). Throws `ShorthandSyntaxError` with the `aws` CLI's message.
 *
 * @example
 * ```ts
 * parseShorthand('Key=team,Value=blue'); // { Key: 'team', Value: 'blue' }
 * parseShorthand('Key=a,Value="x,y"');   // { Key: 'a', Value: 'x,y' }
 * ```
 */
export function parseShorthand(input: string): ShorthandObject {
  return new Parser(input).parameter();
}

class Parser {
  readonly #input: string;
  #index = 0;

  constructor(input: string) {
    this.#input = input;
  }

  parameter(): ShorthandObject {
    const result: ShorthandObject = {};
    this.#keyval(result, '');
    while (!this.#atEnd()) {
      this.#expect(',');
      this.#keyval(result, '');
    }
    return result;
  }

  /** `key=values` into `target`; `closers` are the brackets that end a value here. */
  #keyval(target: ShorthandObject, closers: string): void {
    this.#skipWhitespace();
    const start = this.#index;
    while (!this.#atEnd() && KEY_CHAR.test(this.#peek())) this.#index++;
    const key = this.#input.slice(start, this.#index);
    if (key === '') throw this.#syntaxError('key');
    this.#skipWhitespace();
    this.#expect('=');
    const value = this.#values(closers);
    if (Object.hasOwn(target, key)) {
      throw new ShorthandSyntaxError(
        `Second instance of key "${key}" encountered for input:\n${this.#pointer(start)}\nThis is often because there is a preceding "," instead of a space.`,
      );
    }
    // defineProperty, not assignment: `__proto__` must become a key like any other.
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  }

  #values(closers: string): ShorthandValue {
    this.#skipWhitespace();
    if (this.#peek() === '[') return this.#explicitList();
    if (this.#peek() === '{') return this.#hashLiteral();
    const values = [this.#value(`,${closers}`)];
    // A `,` then `key=` (or nothing: a trailing comma) ends the values; `parameter` takes it from there.
    while (this.#peek() === ',' && !NEXT_KEY_OR_END.test(this.#input.slice(this.#index + 1))) {
      this.#index++;
      values.push(this.#value(`,${closers}`));
    }
    return values.length === 1 ? values[0]! : values;
  }

  #explicitList(): ShorthandValue[] {
    this.#expect('[');
    const items: ShorthandValue[] = [];
    this.#skipWhitespace();
    if (this.#peek() === ']') {
      this.#index++;
      return items;
    }
    for (;;) {
      this.#skipWhitespace();
      const next = this.#peek();
      items.push(
        next === '[' ? this.#explicitList() : next === '{' ? this.#hashLiteral() : this.#value(',]'),
      );
      this.#skipWhitespace();
      if (this.#peek() !== ',') break;
      this.#index++;
    }
    this.#expect(']');
    return items;
  }

  #hashLiteral(): ShorthandObject {
    this.#expect('{');
    const result: ShorthandObject = {};
    this.#keyval(result, '}');
    this.#skipWhitespace();
    while (this.#peek() === ',') {
      this.#index++;
      this.#keyval(result, '}');
      this.#skipWhitespace();
    }
    this.#expect('}');
    return result;
  }

  /** A quoted or simple value, up to one of `terminators` (not consumed). */
  #value(terminators: string): string {
    this.#skipWhitespace();
    const quote = this.#peek();
    if (quote === '"' || quote === "'") return this.#quoted(quote);
    let value = '';
    while (!this.#atEnd() && !terminators.includes(this.#peek())) {
      const char = this.#peek();
      if (char === '\\' && this.#index + 1 < this.#input.length) {
        value += this.#input[this.#index + 1];
        this.#index += 2;
      } else {
        value += char;
        this.#index++;
      }
    }
    return value.trim();
  }

  #quoted(quote: string): string {
    const start = this.#index;
    this.#index++;
    let value = '';
    while (!this.#atEnd() && this.#peek() !== quote) {
      const char = this.#peek();
      if (char === '\\' && this.#index + 1 < this.#input.length) {
        const next = this.#input[this.#index + 1]!;
        // Inside quotes only the quote and the backslash are escapes; `\n` stays two characters.
        value += next === quote || next === '\\' ? next : `\\${next}`;
        this.#index += 2;
      } else {
        value += char;
        this.#index++;
      }
    }
    if (this.#atEnd()) {
      this.#index = start;
      throw this.#syntaxError(`closing ${quote}`, 'EOF');
    }
    this.#index++;
    this.#skipWhitespace();
    return value;
  }

  #expect(char: string): void {
    if (this.#peek() !== char) throw this.#syntaxError(char);
    this.#index++;
  }

  /** `Expected: '=', received: 'EOF' for input:` and the input with a caret, as `aws` prints it. */
  #syntaxError(expected: string, received?: string): ShorthandSyntaxError {
    const actual = received ?? (this.#atEnd() ? 'EOF' : this.#peek());
    return new ShorthandSyntaxError(
      `Expected: '${expected}', received: '${actual}' for input:\n${this.#pointer(this.#index)}`,
    );
  }

  #pointer(index: number): string {
    return `${this.#input}\n${' '.repeat(index)}^`;
  }

  #skipWhitespace(): void {
    while (!this.#atEnd() && /\s/.test(this.#peek())) this.#index++;
  }

  #peek(): string {
    return this.#input[this.#index] ?? '';
  }

  #atEnd(): boolean {
    return this.#index >= this.#input.length;
  }
}
