import { describe, expect, it } from 'vitest';
import { createAuditReport } from '../../../src/audit/aggregate.ts';
import { htmlAuditReporter } from '../../../src/report/audit/html.ts';
import { entry, finding } from '../../audit/entries.ts';

describe('html audit format', () => {
  const report = createAuditReport([
    entry('org/<img src=x onerror=alert(1)>', { status: 'fail', findings: [finding('RW-DATA-001'), finding('RW-DATA-001'), finding('RW-VOL-001', 'warning')] }),
    entry('org/b', { strategy: 'hybrid' }),
  ]);
  const html = htmlAuditReporter.render(report, { color: false });

  it('is one self-contained page: no external scripts, styles, images or fonts', () => {
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).toContain("default-src 'none'");
  });

  it('escapes repository paths and messages', () => {
    expect(html).not.toContain('<img');
    expect(html).toContain('org/&lt;img src=x onerror=alert(1)&gt;');
  });

  it('draws a bar per rule, strategy and status, sized by count', () => {
    const bars = (chart: string) => {
      const svg = html.slice(html.indexOf(`id="${chart}"`), html.indexOf('</figure>', html.indexOf(`id="${chart}"`)));
      return [...svg.matchAll(/<rect class="bar"[^>]*width="(\d+)"[^>]*data-label="([^"]*)" data-value="(\d+)"/g)].map((m) => [m[2], Number(m[3]), Number(m[1])]);
    };
    const rules = bars('chart-rules');
    expect(rules.map(([label, value]) => [label, value])).toEqual([
      ['RW-DATA-001', 2],
      ['RW-VOL-001', 1],
    ]);
    expect(rules[0]![2]).toBeGreaterThan(rules[1]![2] as number);
    expect(bars('chart-strategies').map(([label, value]) => [label, value])).toEqual([
      ['cloud-api', 1],
      ['hybrid', 1],
    ]);
    expect(bars('chart-statuses').map(([label, value]) => [label, value])).toEqual([
      ['pass', 1],
      ['fail', 1],
    ]);
  });
});
