// fast-check as every property test uses it: a failure names the seed and path that replay it,
// and FC_SEED (with FC_PATH) reruns exactly that case, e.g.
// `FC_SEED=1234 FC_PATH=3:1 npx vitest run test/load/plain-yaml.test.ts`.
import fc from 'fast-check';

const seed = process.env.FC_SEED;
const path = process.env.FC_PATH;

fc.configureGlobal({
  ...(seed !== undefined && seed !== '' ? { seed: Number(seed) } : {}),
  ...(path !== undefined && path !== '' ? { path } : {}),
  reporter: (details) => {
    if (details.failed) throw new Error(`${fc.defaultReportMessage(details)}\n${replayHint(details)}`);
  },
});

function replayHint(details: { seed: number; counterexamplePath: string | null }): string {
  return `replay: FC_SEED=${details.seed}${details.counterexamplePath ? ` FC_PATH=${details.counterexamplePath}` : ''}`;
}

export default fc;
