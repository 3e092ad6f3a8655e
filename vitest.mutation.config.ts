// The tests `npm run mutacion` runs against each mutant (stryker.config.mjs).
// Only tests that call the rule code in this process can kill a mutant:
// Stryker's vitest runner switches a mutant on through a global of the test
// worker, so a CLI spawned by runCli (test/support/project.ts) runs the
// sandbox's code with no mutant active, and its tests can never fail. Those
// tests stay in `npm test`; here are the in-process ones, and nothing slow.
// A test file that runs rule code while it loads (site.test.ts prepares the
// seeds at describe level) makes that code "static" for Stryker: every
// mutant in it would need a fresh test environment. Such files stay out;
// plan.test.ts covers what the site may publish in-process instead.
// MUTATION_TESTS (comma-separated files or globs) narrows the run to one
// group's own tests, e.g. for src/validate/rules.ts the validate tests only:
// `related` would otherwise also run every command test that validates data
// on its way (approve, annul…), seconds each, for every mutant that survives.
// A score measured so is a lower bound: the tests left out can only kill more.
import { defineConfig } from 'vitest/config';

const only = process.env.MUTATION_TESTS?.split(',').map((glob) => glob.trim()).filter(Boolean);

export default defineConfig({
  test: {
    include: only?.length ? only : [
      'test/validate/validation-rules.test.ts',
      'test/validate/rule-messages.test.ts',
      'test/validate/draft-review.test.ts',
      'test/model/**/*.test.ts',
      'test/commands/approve.test.ts',
      'test/commands/approve-confirm.test.ts',
      'test/commands/version.test.ts',
      'test/commands/verify.test.ts',
      'test/commands/impact.test.ts',
      'test/commands/annul.test.ts',
      'test/commands/discard.test.ts',
      'test/archive/**/*.test.ts',
      'test/validate/approval-rules.test.ts',
      'test/publish/site/plan.test.ts',
      'test/publish/csv*.test.ts',
    ],
    // Modules load once per run, not once per test file: a mutant is
    // switched on through a global, so cached modules see it.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
