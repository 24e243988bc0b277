// The shape of the compact price table extracted from the pinned price book at build time
// (scripts/extract-price-table.mjs): what routewise reads of it, nothing more.

/** The book's model-name match rules, as it writes them. */
export type MatchRule =
  | { and: MatchRule[] }
  | { or: MatchRule[] }
  | { equals: string }
  | { starts_with: string }
  | { ends_with: string }
  | { contains: string }
  | { regex: string };

/** A price in USD per million tokens; tiers switch on a request's input tokens. */
export type TokenPrice = number | { base: number; tiers: { start: number; price: number }[] };

/** One price list of a model; `from` (YYYY-MM-DD) when it applies from that day on. */
export interface PriceEntry {
  from?: string;
  input?: TokenPrice;
  output?: TokenPrice;
  cachedInput?: TokenPrice;
}

export interface PriceTable {
  package: string;
  version: string;
  providers: Record<string, { fallbacks: string[]; models: { id: string; match: MatchRule; prices: PriceEntry[] }[] }>;
}
