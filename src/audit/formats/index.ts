// Every output format of `audit`, by `--format` name. A new format is one file and one line here.
import type { AuditReporter } from './audit-reporter.ts';
import { csvAuditReporter } from './csv.ts';
import { htmlAuditReporter } from './html.ts';
import { jsonAuditReporter } from './json.ts';
import { markdownAuditReporter } from './markdown.ts';
import { textAuditReporter } from './text.ts';

export type { AuditReporter } from './audit-reporter.ts';

export const auditReporters = new Map<string, AuditReporter>();

function register(reporter: AuditReporter): void {
  auditReporters.set(reporter.name, reporter);
}

register(textAuditReporter);
register(jsonAuditReporter);
register(csvAuditReporter);
register(markdownAuditReporter);
register(htmlAuditReporter);
