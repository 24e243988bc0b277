// The hospital whose gateway falls back to OpenAI, through the Action bundle run as a runner
// would: the manifest's sources are read with no extra input, and the annotation sits on the
// gateway's fallback line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActionCheckout, makeWorkspace, removeScratch, runAction, type ActionRun } from './run-action.ts';

let run: ActionRun;

beforeAll(() => {
  const bundle = buildActionCheckout();
  const workspace = makeWorkspace({
    'routewise.yaml': 'test/fixtures/drift/hospital/routewise.yaml',
    'deploy/litellm/config.yaml': 'test/fixtures/drift/hospital/deploy/litellm/config.yaml',
  });
  run = runAction(bundle, workspace, { now: '2026-11-27' });
}, 120_000);

afterAll(removeScratch);

describe('the Action on the hospital whose gateway falls back to OpenAI', () => {
  it('fails with RW-DRIFT-002 annotated on the gateway fallback line, the manifest named as related', () => {
    expect(run.code).toBe(1);
    const drift = run.annotations.filter((a) => a.properties.title === 'RW-DRIFT-002');
    expect(drift.map((a) => [a.level, a.properties.file, a.properties.line, a.properties.col])).toEqual([
      ['error', 'deploy/litellm/config.yaml', '16', '24'],
      ['error', 'deploy/litellm/config.yaml', '18', '24'],
    ]);
    expect(drift[0]!.message).toContain('related: routewise.yaml:11:5 data class patient-records is declared here');
  });
});
