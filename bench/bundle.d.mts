// Types for bench/bundle.mjs, so that test/bundle-size.test.ts can share its programs and options.

export declare const BUNDLE_GOAL: number;
export declare const PROGRAMS: {
  readonly direct: string;
  readonly directLegacyCatch: string;
  readonly function: string;
  readonly functionSubpath: string;
  readonly dropIn: string;
};
export declare const BUILD_OPTIONS: Readonly<Record<string, unknown>>;
export interface BundledProgram {
  /** Size of the minified bundle, in bytes. */
  readonly bytes: number;
  readonly gzipBytes: number;
  /** Output bytes per package (`chime-identity-shim` for this package's dist, `(the program)` for the program). */
  readonly packages: Readonly<Record<string, number>>;
}
export declare function bundleProgram(name: keyof typeof PROGRAMS): Promise<BundledProgram>;
export declare function runBundleBench(): Promise<unknown>;
