import { type ParserOptions, type ParserPlugin, parse } from '@babel/parser';
import type { File } from '@babel/types';

/** The extensions `scan` and `migrate` read when they walk a directory. */
export const SOURCE_EXTENSIONS: readonly string[] = [
  '.ts',
  '.tsx',
  '.mts',
  '.cts',
  '.js',
  '.jsx',
  '.mjs',
  '.cjs',
];

/** `x.d.ts` declares types and calls nothing. */
export function isSourceFile(path: string): boolean {
  return SOURCE_EXTENSIONS.some((extension) => path.endsWith(extension)) && !/\.d\.[cm]?ts$/.test(path);
}

/** A file the parser rejected: where, and Babel's message without the position it appends. */
export class ParseFailure extends Error {
  override readonly name = 'ParseFailure';
  constructor(
    message: string,
    /** 1-based. */
    readonly line: number,
    /** 1-based. */
    readonly column: number,
  ) {
    super(message);
  }
}

// Syntax a service's code may hold whatever its build: decorators (NestJS and friends use the
// legacy proposal with TypeScript), `using`, import attributes.
const COMMON: ParserPlugin[] = ['decorators-legacy', 'explicitResourceManagement', 'decoratorAutoAccessors'];

function optionsFor(path: string): ParserOptions {
  const typescript = /\.[cm]?tsx?$/.test(path);
  const plugins: ParserPlugin[] = [...COMMON];
  if (typescript) plugins.push('typescript');
  // `.ts` cannot hold JSX (`<T>value` is a type assertion there); every JavaScript file may.
  if (!/\.[cm]?ts$/.test(path)) plugins.push('jsx');
  return {
    // TypeScript is always a module; `.cjs` never is; plain `.js` may be either.
    sourceType:
      typescript || path.endsWith('.mjs') ? 'module' : path.endsWith('.cjs') ? 'script' : 'unambiguous',
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: true,
    allowUndeclaredExports: true,
    // Positions are all the rewrites need: no comments attached, no token list.
    attachComment: false,
    plugins,
  };
}

/**
 * Parses JavaScript or TypeScript (ESM, CommonJS, JSX, TSX) with Babel's parser, the parser
 * aws-sdk-js-codemod runs under jscodeshift. Throws a `ParseFailure`.
 */
export function parseSource(text: string, path: string): File {
  try {
    return parse(text, optionsFor(path));
  } catch (error) {
    const { loc, message } = error as { loc?: { line: number; column: number }; message: string };
    throw new ParseFailure(message.replace(/ \(\d+:\d+\)$/, ''), loc?.line ?? 1, (loc?.column ?? 0) + 1);
  }
}
