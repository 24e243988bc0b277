#!/usr/bin/env node
// Entry point of the `routewise` command: runs the bundled CLI built by `npm run build`.
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('routewise: the CLI is not built yet. Run `npm ci` (or `npm run build`) in the routewise folder.\n');
  process.exit(2);
}
// A reader that stops early (`routewise ... | head`) closes the pipe: that is the reader's choice,
// not an error of routewise, so end quietly as other command-line tools do.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
await import(main.href);
