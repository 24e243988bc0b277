#!/usr/bin/env node
// Entry point of the `routewise` command: runs the bundled CLI built by `npm run build`.
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('routewise: the CLI is not built yet. Run `npm ci` (or `npm run build`) in the routewise folder.\n');
  process.exit(2);
}
await import(main.href);
