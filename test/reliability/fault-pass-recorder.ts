// The vi.mock both kill test files make of src/fault-points.js, in one place:
// the run a test file makes in its own process records the points it passes
// ("name", "name#2", …) in a global instead of stopping there. This module
// imports nothing from src/: it is loaded from inside the mock's factory,
// while src/fault-points.js is still being mocked.
//   vi.mock('../../src/fault-points.js', async (original) =>
//     (await import('./fault-pass-recorder.js')).recordingFaultPoints(await original()));

/** The passes recorded so far in this process (kill-harness.ts reads and clears them). */
export const recordedFaultPasses = (): string[] => ((globalThis as { docctlFaultPasses?: string[] }).docctlFaultPasses ??= []);

/** The module src/fault-points.js with passFaultPoint recording each pass instead of stopping. */
export function recordingFaultPoints<M extends object>(original: M): M {
  const counts = new Map<string, number>();
  return {
    ...original,
    passFaultPoint: (name: string) => {
      const count = (counts.get(name) ?? 0) + 1;
      counts.set(name, count);
      recordedFaultPasses().push(count === 1 ? name : `${name}#${count}`);
    },
  };
}
