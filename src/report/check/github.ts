// GitHub Actions workflow commands: one annotation per finding and per problem, shown on the
// file and line in the pull request. Waived findings become notices, since they never fail.
import type { Severity } from '../../policy/finding.ts';
import { findingLocation, formatLocation, problemLocation, type Location } from '../location.ts';
import type { Reporter } from '../reporter.ts';
import type { RunReport } from '../run-report.ts';
import { waiverNote } from '../waiver-note.ts';

type Command = 'error' | 'warning' | 'notice';

const COMMAND: Record<Severity, Command> = { error: 'error', warning: 'warning', info: 'notice' };

/** The message part: the runner reads '%', CR and LF specially. */
export function escapeCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: additionally ':' and ',' , which delimit the properties. */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: Command, location: Location, title: string, message: string): string {
  const properties: [string, string | number | undefined][] = [
    ['file', location.file],
    ['line', location.line],
    ['col', location.line === undefined ? undefined : location.column],
    ['title', title],
  ];
  const list = properties
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeCommandProperty(String(value))}`)
    .join(',');
  return `::${name} ${list}::${escapeCommandData(message)}`;
}

export const githubReporter: Reporter = {
  name: 'github',
  render(report: RunReport): string {
    const lines: string[] = [];
    for (const manifest of report.manifests) {
      for (const problem of manifest.problems) {
        const message = problem.hint ? `${problem.message}\nhint: ${problem.hint}` : problem.message;
        lines.push(command('error', problemLocation(manifest, problem), problem.code, message));
      }
      for (const finding of manifest.findings) {
        const location = findingLocation(manifest, finding);
        if (finding.waived) {
          lines.push(command('notice', location, `${finding.id} (waived)`, `${finding.message}\n${waiverNote(finding.waived)}`));
        } else {
          const related = (finding.related ?? []).map((r) => `\nrelated: ${formatLocation(r)} ${r.message}`).join('');
          lines.push(command(COMMAND[finding.severity], location, finding.id, finding.message + related));
        }
      }
    }
    return lines.map((line) => `${line}\n`).join('');
  },
};
