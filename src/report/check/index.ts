// Every output format of `check`, by `--format` name. A new format is one file and one line here.
import { githubReporter } from './github.ts';
import { jsonReporter } from './json.ts';
import { junitReporter } from './junit.ts';
import { markdownReporter } from './markdown.ts';
import { registry } from '../reporter.ts';
import { sarifReporter } from './sarif.ts';
import { textReporter } from './text.ts';

export const reporters = registry(textReporter, jsonReporter, sarifReporter, junitReporter, githubReporter, markdownReporter);
