// The job summary: the markdown report, appended to the file the runner shows on the run's page.
import * as core from '@actions/core';
import type { Problem } from '../problems/problem.ts';
import { markdownReporter } from '../report/check/markdown.ts';
import { formatLocation } from '../report/location.ts';
import { markdownText } from '../report/markdown-text.ts';
import type { RunReport } from '../report/run-report.ts';

/** GitHub refuses a step summary over 1 MiB; stay well below it, note included. */
export const MAX_SUMMARY_BYTES = 1_000_000;

/**
 * The markdown cut at a line boundary to fit in `maxBytes`, with a last line saying how many
 * lines were left out and where the full report is (`where`).
 */
export function capSummary(markdown: string, where: string, maxBytes = MAX_SUMMARY_BYTES): { text: string; linesLeftOut: number } {
  if (Buffer.byteLength(markdown, 'utf8') <= maxBytes) return { text: markdown, linesLeftOut: 0 };
  const lines = markdown.split('\n');
  const noteRoom = 400;
  let used = 0;
  let kept = 0;
  while (kept < lines.length) {
    const size = Buffer.byteLength(lines[kept]!, 'utf8') + 1;
    if (used + size > maxBytes - noteRoom) break;
    used += size;
    kept += 1;
  }
  const leftOut = lines.length - kept;
  const note = `\n\n**${leftOut} more lines of this report were left out** (GitHub limits a job summary to 1 MiB). The full report is in ${where}.\n`;
  return { text: lines.slice(0, kept).join('\n') + note, linesLeftOut: leftOut };
}

/** Undefined when the runner gave no summary file (an old runner, or a run outside Actions). */
export async function writeJobSummary(report: RunReport, env: NodeJS.ProcessEnv, where: string): Promise<{ linesLeftOut: number } | undefined> {
  if (!env.GITHUB_STEP_SUMMARY) return undefined;
  const capped = capSummary(markdownReporter.render(report, { color: false }), where);
  await core.summary.addRaw(capped.text, true).write();
  return { linesLeftOut: capped.linesLeftOut };
}

/**
 * The job summary of a run that judged nothing (policies or settings that did not load): the
 * reason and every problem at its place, so the run's page says why, not only the log.
 */
export async function writeProblemSummary(lead: string, problems: readonly Problem[], env: NodeJS.ProcessEnv): Promise<boolean> {
  if (!env.GITHUB_STEP_SUMMARY) return false;
  const lines = [`## routewise could not judge the manifests`, '', markdownText(lead), ''];
  for (const p of problems) {
    const at = p.position ? `${markdownText(formatLocation({ file: p.position.file, line: p.position.line, column: p.position.column }))}: ` : '';
    lines.push(`- ${at}**${markdownText(p.code)}**: ${markdownText(p.message)}${p.hint ? `<br>hint: ${markdownText(p.hint)}` : ''}`);
  }
  await core.summary.addRaw(capSummary(`${lines.join('\n')}\n`, 'the log of this step').text, true).write();
  return true;
}
