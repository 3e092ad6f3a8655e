// The tests `npm run mutacion` runs against each mutant (stryker.config.mjs).
// Only tests that call the rule code in this process can kill a mutant:
// Stryker's vitest runner switches a mutant on through a global of the test
// worker, so a CLI spawned by runCli (test/support/project.ts) runs the
// sandbox's code with no mutant active, and its tests can never fail. Those
// tests stay in `npm test`; here are the in-process ones, and nothing slow.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/validate/validation-rules.test.ts',
      'test/validate/rule-messages.test.ts',
      'test/model/**/*.test.ts',
      'test/commands/**/*.test.ts',
      'test/publish/site/site.test.ts',
      'test/publish/site/plan.test.ts',
      'test/publish/csv*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
