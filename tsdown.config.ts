import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    function: 'src/function.ts',
    emulator: 'src/emulator/index.ts',
    cli: 'src/cli/index.ts',
    // Not a public subpath (package.json exports leave it out): the route-decision bench loads it.
    routing: 'src/routing/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  clean: true,
  // Timings of the dts plugins on a 2-core machine are not a problem worth a warning per build.
  inputOptions: { checks: { pluginTimings: false } },
  // Doc comments stay in the .d.ts files, where editors read them; in the JavaScript every
  // process would scan them at load (the function entry's were a fifth of its bytes). The
  // `@__PURE__` annotations stay: bundlers need them to drop the functions a program never calls.
  outputOptions: { comments: { jsdoc: false, annotation: true, legal: true } },
});
