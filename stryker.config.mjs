// npm run mutacion: mutation testing of the modules that hold the
// document-control rules (issue 23). Not part of `npm test`: a run takes
// minutes. Every mutant that survives is killed by a new test or listed as
// equivalent, with the reason, in docs/mutation.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  // By glob, so the modules keep being mutated when they move (the archive is
  // moving to its own folder, `anular` is being added) and the CSV writer
  // gains its neutralisation; a glob that matches nothing is harmless.
  mutate: [
    'src/validate/rules.ts',
    'src/validate/draft-review.ts',
    'src/model/versions.ts',
    'src/commands/{approve,approve-confirm,version,verify,annul,discard}.ts',
    'src/edit/open-version.ts',
    'src/edit/draft-undo.ts',
    'src/archive/**/*.ts',
    'src/publish/site/plan.ts',
    'src/publish/publish-site.ts',
    'src/publish/publication-inputs.ts',
    'src/publish/csv.ts',
  ],
  testRunner: 'vitest',
  // The in-process tests only (vitest.mutation.config.ts says why).
  // related: the dry run runs only the test files that import the mutated modules, so a run over one
  // group of modules (--mutate) does not pay for every other group's tests.
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  checkers: ['typescript'],
  // src only: each mutant is type-checked against the program, and the
  // tests' types add time, not safety.
  tsconfigFile: 'tsconfig.mutation.json',
  // Each mutant runs only the tests that reached its code in the dry run.
  coverageAnalysis: 'perTest',
  // A mutant reached only while test files load (a module-level constant) has
  // no per-test coverage and would run every test: left out of the score
  // (reported as Ignored). Mutants reached both then and inside a test still
  // run, against the tests that reached them.
  ignoreStatic: true,
  // Two cores: two test runners, one type checker.
  concurrency: 2,
  // Results of the last run are reused for mutants whose code and tests did
  // not change. The file is generated and churns with every run: it stays
  // out of git (reports/ is ignored), so a fresh clone runs everything once.
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  // A mutant that loops (e.g. `i++` turned into `i--`) is cut off at the dry
  // run's time × 1.5 + 10 s rather than waiting forever on a busy machine.
  timeoutMS: 10_000,
  timeoutFactor: 1.5,
  dryRunTimeoutMinutes: 10,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
  // Two groups may run at once, each with its own --tempDirName: neither
  // copies the other's sandbox (nor old reports) into its own.
  ignorePatterns: ['/.stryker-tmp*', '/reports'],
  cleanTempDir: 'always',
};
