// Bad usage of a run (a flag or an input that cannot be right): printed as one line, exit code 2.
// A run the user interrupted (Ctrl-C) ends the same way with exit code 130.
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode: 2 | 130 = 2,
  ) {
    super(message);
  }
}
