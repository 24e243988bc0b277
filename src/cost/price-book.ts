// The cloud API price book: finds a model's prices as @pydantic/genai-prices would (the same
// match rules, provider fall-backs and dated prices, read from the compact table extracted from
// the pinned package), and prices one request, tiers applied per request.
import type { MatchRule, PriceEntry, PriceTable, TokenPrice } from './price-table-types.ts';

export interface ModelPrices {
  /** The book's provider and model ids that matched. */
  provider: string;
  model: string;
  input: TokenPrice;
  output: TokenPrice;
  cachedInput?: TokenPrice;
}

export type PriceLookup = { ok: true; prices: ModelPrices } | { ok: false; reason: string };

/** One request's tokens: `cachedInput` is the part of `input` read from the provider's cache. */
export interface RequestTokens {
  input: number;
  cachedInput: number;
  output: number;
}

/**
 * The prices of `model` at `bookProvider` in effect on `date` (YYYY-MM-DD). Only the named
 * provider and the providers it declares as fall-backs are searched: a model is never priced by
 * guessing its provider from its name.
 */
export function findModelPrices(table: PriceTable, bookProvider: string, model: string, date: string): PriceLookup {
  // A run prices the same few models over and over (1,000 manifests, a handful of models).
  let cache = LOOKUPS.get(table);
  if (!cache) LOOKUPS.set(table, (cache = new Map()));
  const key = `${bookProvider}\u0000${model}\u0000${date}`;
  let found = cache.get(key);
  if (!found) {
    if (cache.size > 10_000) cache.clear();
    cache.set(key, (found = lookUp(table, bookProvider, model, date)));
  }
  return found;
}

const LOOKUPS = new WeakMap<PriceTable, Map<string, PriceLookup>>();
const REGEXES = new Map<string, RegExp>();

function lookUp(table: PriceTable, bookProvider: string, model: string, date: string): PriceLookup {
  const provider = table.providers[bookProvider];
  if (!provider) return { ok: false, reason: `the price book has no provider ${bookProvider}` };
  const id = model.toLowerCase().trim();
  const found = matchIn(table, bookProvider, id, true) ?? (withDashedDate(id) !== id ? matchIn(table, bookProvider, withDashedDate(id), true) : undefined);
  if (!found) return { ok: false, reason: `the price book ${table.version} does not know model ${model} at ${bookProvider}` };
  const entry = entryOn(found.prices, date);
  // As in the book, a price the model lacks costs nothing (an embedding model has no output
  // price); a model with neither input nor output prices cannot price tokens at all.
  if (!entry || (entry.input === undefined && entry.output === undefined)) {
    return { ok: false, reason: `the price book ${table.version} has no token prices for ${found.model} at ${found.provider}` };
  }
  return {
    ok: true,
    prices: {
      provider: found.provider,
      model: found.model,
      input: entry.input ?? 0,
      output: entry.output ?? 0,
      ...(entry.cachedInput !== undefined ? { cachedInput: entry.cachedInput } : {}),
    },
  };
}

/** USD for one request. Cached input is charged at the cache price where the model has one. */
export function requestPriceUsd(prices: Pick<ModelPrices, 'input' | 'output' | 'cachedInput'>, tokens: RequestTokens): number {
  const cached = prices.cachedInput === undefined ? 0 : Math.min(tokens.cachedInput, tokens.input);
  return (
    perToken(prices.input, tokens.input) * (tokens.input - cached) +
    (prices.cachedInput === undefined ? 0 : perToken(prices.cachedInput, tokens.input) * cached) +
    perToken(prices.output, tokens.input) * tokens.output
  );
}

/** USD per token; a tier applies once the request's input tokens pass its start. */
function perToken(price: TokenPrice, inputTokens: number): number {
  if (typeof price === 'number') return price / 1e6;
  let rate = price.base;
  for (const tier of price.tiers) if (inputTokens > tier.start) rate = tier.price;
  return rate / 1e6;
}

function matchIn(table: PriceTable, providerId: string, id: string, followFallbacks: boolean): { provider: string; model: string; prices: PriceEntry[] } | undefined {
  const provider = table.providers[providerId];
  if (!provider) return undefined;
  const model = provider.models.find((m) => matches(m.match, id));
  if (model) return { provider: providerId, model: model.id, prices: model.prices };
  if (!followFallbacks) return undefined;
  for (const other of provider.fallbacks) {
    const found = matchIn(table, other, id, false);
    if (found) return found;
  }
  return undefined;
}

function matches(rule: MatchRule, id: string): boolean {
  if ('or' in rule) return rule.or.some((r) => matches(r, id));
  if ('and' in rule) return rule.and.every((r) => matches(r, id));
  if ('equals' in rule) return id === rule.equals.toLowerCase();
  if ('starts_with' in rule) return id.startsWith(rule.starts_with.toLowerCase());
  if ('ends_with' in rule) return id.endsWith(rule.ends_with.toLowerCase());
  if ('contains' in rule) return id.includes(rule.contains.toLowerCase());
  let re = REGEXES.get(rule.regex);
  if (!re) REGEXES.set(rule.regex, (re = new RegExp(rule.regex)));
  return re.test(id);
}

/** The book also tries a model id with its compact date written with dashes (…-20250929 -> …-2025-09-29). */
function withDashedDate(id: string): string {
  return id.replace(/(-)(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=-|:|$)/g, (all, dash: string, y: string, m: string, d: string) => {
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    return date.getUTCMonth() === Number(m) - 1 ? `${dash}${y}-${m}-${d}` : all;
  });
}

/** The last dated entry already in effect on `date`; the first entry when none is. */
function entryOn(entries: PriceEntry[], date: string): PriceEntry | undefined {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    if (e.from === undefined || date >= e.from) return e;
  }
  return entries[0];
}
