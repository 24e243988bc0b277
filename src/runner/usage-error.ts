// Bad usage of a run (a flag or an input that cannot be right): printed as one line, exit code 2.
export class UsageError extends Error {}
