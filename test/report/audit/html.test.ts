import { describe, expect, it } from 'vitest';
import { createAuditReport } from '../../../src/audit/aggregate.ts';
import { htmlAuditReporter } from '../../../src/report/audit/html.ts';
import { entry, finding, monthlyCost } from '../../audit/entries.ts';

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

  it('draws monthly cost by repository, APIs and self-hosted stacked, costliest first, only when there are figures', () => {
    expect(html).not.toContain('id="chart-cost"');
    const costed = htmlAuditReporter.render(
      createAuditReport([
        entry('org/web', { cost: monthlyCost(7000, 0, 0) }),
        entry('org/<gpu>', { cost: monthlyCost(250, 17461.6, 33333.33, ['odd']) }),
        entry('org/none'),
      ]),
      { color: false },
    );
    const start = costed.indexOf('id="chart-cost"');
    const chart = costed.slice(start, costed.indexOf('</figure>', start));
    const parts = [...chart.matchAll(/<rect class="bar"[^>]*width="([\d.]+)"[^>]*data-label="([^"]*)" data-series="([^"]*)" data-value="([\d.]+)"/g)].map((m) => ({
      label: m[2],
      series: m[3],
      value: Number(m[4]),
      width: Number(m[1]),
    }));
    expect(parts.map(({ label, series, value }) => [label, series, value])).toEqual([
      ['org/&lt;gpu&gt;', 'APIs', 250],
      ['org/&lt;gpu&gt;', 'self-hosted', 17461.6],
      ['org/&lt;gpu&gt;', 'self-hosting staff', 33333.33],
      ['org/web', 'APIs', 7000],
    ]);
    // The costliest repository spans the chart; the other is drawn to the same scale (7,000 / 51,044.93).
    const gpuWidth = parts.slice(0, 3).reduce((sum, p) => sum + p.width, 0);
    expect(parts[3]!.width / gpuWidth).toBeCloseTo(7000 / 51044.93, 2);
    // 51,044.93 + 7,000 = 58,044.93 for the organisation; the repository with an unpriced target is a floor.
    expect(chart).toContain('organisation: $58,044.93 a month');
    expect(chart).toContain('>at least $51,044.93<');
    expect(chart).toContain('1 of 2 manifests have a target that could not be priced');
  });
});
