/**
 * A failure the CLI has already put into words: `main` prints `message` on stderr and exits with
 * `exitCode`. Commands throw it; nothing else needs to know how a failure is shown.
 */
export class CommandFailure extends Error {
  override readonly name = 'CommandFailure';
  readonly exitCode: number;

  constructor(message: string, exitCode: number, options?: { readonly cause?: unknown }) {
    super(message, options);
    this.exitCode = exitCode;
  }
}
