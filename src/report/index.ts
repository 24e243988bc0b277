// Every output format of `check`, by `--format` name. A new format is one file and one line here.
import { githubReporter } from './github.ts';
import { jsonReporter } from './json.ts';
import { junitReporter } from './junit.ts';
import { markdownReporter } from './markdown.ts';
import type { Reporter } from './reporter.ts';
import { sarifReporter } from './sarif.ts';
import { textReporter } from './text.ts';

export type { RenderOptions, Reporter } from './reporter.ts';

export const reporters = new Map<string, Reporter>();

function register(reporter: Reporter): void {
  reporters.set(reporter.name, reporter);
}

register(textReporter);
register(jsonReporter);
register(sarifReporter);
register(junitReporter);
register(githubReporter);
register(markdownReporter);
