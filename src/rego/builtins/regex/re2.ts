// The linear-time matcher behind every Go pattern: RE2's algorithms (re2js), so no pattern and
// input can make a match take longer than their sizes allow. Loaded on the first pattern, as the
// JSON Schema validator is: a policy without regexes does not pay for it at start-up.
import { createRequire } from 'node:module';
import type { RE2JS } from 're2js';

type Re2Module = typeof import('re2js');

let re2js: Re2Module | undefined;

function load(): Re2Module {
  if (re2js) return re2js;
  // A bundle turns the plain `require` call into its own copy (or, where re2js is left external,
  // a require of node_modules); run from source, ESM has no `require`.
  re2js = (typeof require === 'function' ? require('re2js') : createRequire(import.meta.url)('re2js')) as Re2Module;
  return re2js;
}

/** Compiles a Go (RE2) pattern; throws re2js's syntax error, worded as Go words it. */
export function compileRe2(pattern: string): RE2JS {
  return load().RE2JS.compile(pattern);
}

export function isRe2SyntaxError(e: unknown): e is Error {
  return e instanceof load().RE2JSException;
}
