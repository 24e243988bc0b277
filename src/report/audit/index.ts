// Every output format of `audit`, by `--format` name. A new format is one file and one line here.
import { csvAuditReporter } from './csv.ts';
import { htmlAuditReporter } from './html.ts';
import { jsonAuditReporter } from './json.ts';
import { markdownAuditReporter } from './markdown.ts';
import { registry } from '../reporter.ts';
import { textAuditReporter } from './text.ts';

export const auditReporters = registry(textAuditReporter, jsonAuditReporter, csvAuditReporter, markdownAuditReporter, htmlAuditReporter);
