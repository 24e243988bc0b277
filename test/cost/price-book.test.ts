// The compact price table against the pinned @pydantic/genai-prices it was extracted from, the
// pin against data.yaml, and the promise that the book is never fetched from the network.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { calcPrice } from '@pydantic/genai-prices';
import { PRICE_TABLE } from '../../src/cost/generated/price-table.ts';
import { findModelPrices, requestPriceUsd } from '../../src/cost/price-book.ts';
import { runCli } from '../cli/run-cli.ts';
import { SETTINGS } from './settings.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const DAY = '2026-11-27';
// Noon UTC: outside every time-of-day discount window the book knows.
const NOON = new Date(`${DAY}T12:00:00Z`);

const USAGES = [
  { input: 3000, cachedInput: 0, output: 1000 },
  { input: 300_000, cachedInput: 100_000, output: 2000 },
  { input: 128_000, cachedInput: 64_000, output: 500 },
];

describe('the compact price table', () => {
  it('prices every model of every mapped provider as the pinned package does', () => {
    let compared = 0;
    for (const [provider, entry] of Object.entries(PRICE_TABLE.providers)) {
      for (const model of entry.models) {
        for (const u of USAGES) {
          const book = calcPrice({ input_tokens: u.input, cache_read_tokens: u.cachedInput, output_tokens: u.output }, model.id, { providerId: provider, timestamp: NOON });
          const ours = findModelPrices(PRICE_TABLE, provider, model.id, DAY);
          if (book === null || (book.model_price.input_mtok === undefined && book.model_price.output_mtok === undefined)) {
            expect(ours.ok, `${provider}/${model.id}`).toBe(false);
            continue;
          }
          if (!ours.ok) throw new Error(`${provider}/${model.id}: the book prices it, the table does not (${ours.reason})`);
          expect(ours.prices.model, `${provider}/${model.id}`).toBe(book.model.id);
          expect(requestPriceUsd(ours.prices, u), `${provider}/${model.id} ${JSON.stringify(u)}`).toBeCloseTo(book.total_price, 12);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('is up to date with the pinned package and priceBookProviders', () => {
    expect(() => execFileSync(process.execPath, [`${root}scripts/extract-price-table.mjs`, '--check'], { cwd: root, stdio: 'pipe' })).not.toThrow();
  });

  it('comes from the version data.yaml names, which is the installed one', () => {
    const installed = JSON.parse(readFileSync(`${root}node_modules/@pydantic/genai-prices/package.json`, 'utf8')).version;
    const pinned = JSON.parse(readFileSync(`${root}package.json`, 'utf8')).dependencies['@pydantic/genai-prices'];
    expect(pinned).toBe(installed);
    expect(SETTINGS.priceBook.version).toBe(installed);
    expect(PRICE_TABLE.version).toBe(installed);
  });

  it('never prices an unmapped provider as OpenAI', () => {
    expect(findModelPrices(PRICE_TABLE, 'coreweave', 'gpt-4o', DAY).ok).toBe(false);
    expect(SETTINGS.priceBookProviders).not.toHaveProperty('coreweave');
  });
});

describe('the price book offline', () => {
  it('prices every example without touching the network', () => {
    const run = runCli(['cost', '--now', DAY, '--format', 'json', 'examples/startup-cloud-api/routewise.yaml', 'examples/bank-hybrid/routewise.yaml'], {
      cwd: root,
      env: { NODE_OPTIONS: `--import ${fileURLToPath(new URL('./fixtures/no-network.mjs', import.meta.url))}` },
    });
    expect(run.stderr).not.toContain('NETWORK ATTEMPT');
    expect(run.code).toBe(0);
    const startup = JSON.parse(run.stdout).manifests.find((m: { file: string }) => m.file.startsWith('examples/startup'));
    expect(startup.workloads[0].api[0].priced).toBe(true);
  });

  it('leaves the book update call and its address out of routewise', () => {
    const sources = [...walk(`${root}src`), ...readdirSync(`${root}dist/cli`).map((f) => `${root}dist/cli/${f}`)].filter((f) => /\.(ts|js)$/.test(f));
    for (const file of sources) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/updatePrices|raw\.githubusercontent\.com\/pydantic/);
    }
  });
});

function* walk(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) yield* walk(`${dir}/${e.name}`);
    else yield `${dir}/${e.name}`;
  }
}
