// `routewise init` writes manifests that pass `check`, for every strategy and data category it offers.
import { describe, expect, it } from 'vitest';
import { checkAnswer, checkAnswers, starterManifest, STARTER_CATEGORIES, STARTER_STRATEGIES } from '../../src/init/starter-manifest.ts';
import { judgeManifest } from '../../src/judge/judge-manifest.ts';
import { createRegoEngine } from '../../src/policy/rego-engine.ts';
import { readPolicyFiles } from '../../src/policy/policy-files.ts';

const files = readPolicyFiles(['policies'], { tests: false, data: true, cwd: process.cwd() });
const engine = createRegoEngine({ sources: files.modules, data: files.data });

const combos = STARTER_STRATEGIES.flatMap((strategy) => STARTER_CATEGORIES.map((category) => ({ strategy, category })));

describe('starter manifest', () => {
  it.each(combos.filter((c) => !checkAnswers({ name: 'demo', owner: 'team', ...c })))(
    '$strategy with $category data passes check without errors or warnings',
    ({ strategy, category }) => {
      if (!engine.ok) throw new Error('policies do not compile');
      const text = starterManifest({ name: 'demo-project', owner: 'platform-team', strategy, category });
      const report = judgeManifest('routewise.yaml', new TextEncoder().encode(text), { engine: engine.value, today: '2026-11-27' });
      expect(report.problems).toEqual([]);
      expect(report.findings.filter((f) => f.severity !== 'info').map((f) => `${f.id}: ${f.message}`)).toEqual([]);
    },
  );

  it.each(['health', 'financial', 'payment-card'] as const)(
    'does not tell an on-premises %s starter that cloud APIs would do (its data must stay)',
    (category) => {
      if (!engine.ok) throw new Error('policies do not compile');
      const text = starterManifest({ name: 'demo-project', owner: 'platform-team', strategy: 'on-premises', category });
      const report = judgeManifest('routewise.yaml', new TextEncoder().encode(text), { engine: engine.value, today: '2026-11-27' });
      expect(report.findings.map((f) => f.id)).not.toContain('RW-CUST-003');
    },
  );

  it('still notes an on-premises starter for public data that cloud APIs would do', () => {
    if (!engine.ok) throw new Error('policies do not compile');
    const text = starterManifest({ name: 'demo-project', owner: 'platform-team', strategy: 'on-premises', category: 'public' });
    const report = judgeManifest('routewise.yaml', new TextEncoder().encode(text), { engine: engine.value, today: '2026-11-27' });
    expect(report.findings.map((f) => f.id)).toContain('RW-CUST-003');
  });

  it('refuses regulated data on a cloud-api strategy, and says what to choose instead', () => {
    expect(checkAnswers({ name: 'demo', owner: 'team', strategy: 'cloud-api', category: 'health' })).toMatch(/hybrid/);
  });

  it('names the category a domain word means, and takes it when answers may be loose', () => {
    expect(checkAnswer('category', 'PHI')).toEqual({ ok: false, problem: 'category "PHI" must be one of health, financial, payment-card, personal, confidential, internal, public (did you mean health?)' });
    expect(checkAnswer('category', 'pii', true)).toEqual({ ok: true, value: 'personal' });
    expect(checkAnswer('category', 'astrology', true)).toMatchObject({ ok: false });
  });

  it('refuses names that are not slugs', () => {
    expect(checkAnswers({ name: 'My Project', owner: 'team', strategy: 'hybrid', category: 'public' })).toMatch(/slug/);
  });
});
