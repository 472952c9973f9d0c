import { defineConfig } from 'vitest/config';
import { experimental_getRunnerTask, type Reporter } from 'vitest/node';
import { PINNED_CHIME } from './vitest.config.js';

/**
 * A test file that cannot even be imported counts as one failed test. Stryker's vitest runner
 * (9.6.1) builds each mutant's verdict from the tests vitest collected, and a file whose import
 * throws collects none: a mutant that breaks a module at load (`DEFAULT_ROUTE = ''` makes
 * `src/settings.ts` throw) was reported as survived while every test importing it failed
 * (stryker-js#6150). The synthetic test carries the file's load error as its failure message.
 */
const unloadableFileAsFailedTest: Reporter = {
  onTestRunEnd(testModules) {
    for (const testModule of testModules) {
      const file = experimental_getRunnerTask(testModule);
      if (file.result?.state !== 'fail' || file.tasks.length > 0) continue;
      const test = {
        type: 'test',
        id: `${file.id}_load`,
        name: 'the test file loads',
        fullName: `${file.name} the test file loads`,
        fullTestName: 'the test file loads',
        mode: 'run',
        file,
        suite: file,
        meta: {},
        timeout: 0,
        annotations: [],
        artifacts: [],
        result: { state: 'fail', errors: file.result.errors ?? [] },
      };
      // The runner's Test type also wants the context vitest builds for a test it runs; nothing
      // reads it once the run is over.
      file.tasks.push(test as unknown as (typeof file.tasks)[number]);
    }
  },
};

/** The `current` project's files: the modules' own tests, and the suites over every operation. */
const CURRENT = [
  'test/core/validation.test.ts',
  'test/core/validation-*.test.ts',
  'test/core/errors.test.ts',
  'test/core/errors-*.test.ts',
  'test/core/routes.test.ts',
  'test/core/client-config.test.ts',
  'test/core/settings-*.test.ts',
  'test/routing/**/*.test.ts',
  'test/reliability/properties.test.ts',
  // Not properties.test.ts: 1,000 inputs per operation per mutant would take hours; the
  // reliability properties above replay 1,000 inputs of the reference operation instead.
  'test/operations/{wire,validation,secrets,regions}.test.ts',
  'test/core/*-operations.test.ts',
  'test/table/table.test.ts',
  // The one path's events, tokens, surfaces and rollout; the model module and the optional
  // peers' loading on their own; the secret canaries and the ARN corpus.
  'test/core/{events,token,surfaces,rollout,model,namespaces,translations}.test.ts',
  'test/reliability/{secrets,arn-corpus}.test.ts',
];

/**
 * The tests `npm run mutate` (stryker.config.json) replays against each mutant of the one path
 * (pipeline, model module, translations, namespace clients, error translation), routing and
 * settings: the tests of those modules, the table-driven suites over every served operation, the
 * families' operation tests, and the plugin on the real 3.699 client. Left out: the suites of
 * the built package (a mutant never reaches dist/); the emulator, CLI, fault, race and
 * abort/timeout suites, which reach these modules through the same paths as the files below but
 * start servers and take seconds per run (with them, retesting 174 mutants was estimated at over
 * 3 hours); the migration assistant (nothing it runs is mutated).
 */
export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    env: {
      // 1,000 generated inputs per property instead of 10,000: each mutant replays them.
      RELIABILITY_NUM_RUNS: '1000',
      // Fixed seeds, so that two mutation runs (and an incremental one) judge mutants on the same inputs.
      RELIABILITY_SEED: '20260101',
      FC_SEED: '20260101',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    reporters: ['default', unloadableFileAsFailedTest],
    projects: [
      {
        extends: true,
        test: { name: 'current', include: CURRENT },
      },
      {
        // The plugin on the real 3.699 client: the one caller whose legacy route is its own
        // command path (the pipeline's `nativeLegacy`). As in vitest.config.ts.
        extends: true,
        resolve: { alias: [PINNED_CHIME] },
        test: { name: 'sdk-3.699', include: ['test/sdk-3.699/plugin*.test.ts'] },
      },
    ],
  },
});
