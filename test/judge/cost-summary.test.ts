// The judgement carries the manifest's cost figures from the cost facts the rules saw, for the
// reports (check's markdown, the audit's totals), without pricing anything again.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { judgeManifest } from '../../src/judge/judge-manifest.ts';
import { readPolicyFiles } from '../../src/policy/policy-files.ts';
import { createRegoEngine } from '../../src/policy/rego-engine.ts';

const files = readPolicyFiles(['policies'], { tests: false, data: true, cwd: process.cwd() });
const engine = createRegoEngine({ sources: files.modules, data: files.data });
if (!engine.ok) throw new Error(JSON.stringify(engine.problems));
const WORKED = readFileSync('test/cost/fixtures/worked-example.yaml', 'utf8');
const judge = (text: string) => judgeManifest('routewise.yaml', new TextEncoder().encode(text), { engine: engine.ok ? engine.value : (undefined as never), today: '2026-11-27' });

describe('cost summary of a judgement', () => {
  it('is the totals of the worked example of spec/cost.md, equal to the policy input figures', () => {
    const judged = judge(WORKED);
    // APIs 500,000 requests x $0.014 = $7,000; GPUs 8 x $2.99 x 730 = $17,461.60; staff 2 x $200,000 / 12.
    expect(judged.cost).toMatchObject({ apiMonthlyUsd: 7000, budgetMonthlyUsd: null, unpriced: [] });
    expect(judged.cost!.selfHostedMonthlyUsd).toBeCloseTo(17461.6, 6);
    expect(judged.cost!.staffMonthlyUsd).toBeCloseTo(33333.33, 2);
    expect(judged.cost!.monthlyUsd).toBeCloseTo(57794.93, 2);
    expect(judged.cost!.monthlyUsd).toBe(judged.input!.cost!.totals.monthlyUsd);
  });

  it('names the targets that could not be priced and leaves them out of the figures', () => {
    const unpriced = WORKED.replace('provider: azure-openai', 'provider: acme-llm').replace(/ {6}pricing:\n.*\n.*\n/, '');
    const judged = judge(unpriced);
    expect(judged.cost).toMatchObject({ apiMonthlyUsd: 0, unpriced: ['azure-gpt'] });
    expect(judged.cost!.monthlyUsd).toBeCloseTo(17461.6 + 33333.33, 2);
  });

  it('is absent when the rules have no cost settings, or the manifest is invalid', () => {
    const rule = 'package org.bare\n\ndeny contains "no" if input.nothing\n';
    const bare = createRegoEngine({ sources: [{ file: 'bare.rego', text: rule }], data: {} });
    if (!bare.ok) throw new Error(JSON.stringify(bare.problems));
    expect(judgeManifest('routewise.yaml', new TextEncoder().encode(WORKED), { engine: bare.value, today: '2026-11-27' }).cost).toBeUndefined();
    expect(judge('apiVersion: routewise/v1\n').cost).toBeUndefined();
  });
});
