/**
 * A command line the CLI cannot run: a missing or unknown argument, a bad value, a shorthand or
 * JSON parameter that does not parse. Exit 252, as `aws` does.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** Print the usage block first, as `aws` does for argument errors (not for a parameter that fails to parse). */
  readonly showUsage: boolean;

  constructor(message: string, options: { readonly showUsage?: boolean } = {}) {
    super(message);
    this.showUsage = options.showUsage ?? false;
  }
}

/** `Error parsing parameter '--tags': ...`, the `aws` CLI's message for a value it cannot read. */
export function parameterError(flag: string, problem: string): UsageError {
  return new UsageError(`Error parsing parameter '${flag}': ${problem}`);
}
