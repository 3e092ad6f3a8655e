// Named points where a test can stop docctl as a crash would (kill -9), to
// prove that every write is atomic and every multi-step change is
// all-or-nothing. Inert unless DOCCTL_FALLO_EN names the point.
export function faultPoint(name: string): void {
  if (process.env.DOCCTL_FALLO_EN === name) process.kill(process.pid, 'SIGKILL');
}
