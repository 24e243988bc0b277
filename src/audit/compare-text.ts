// Code-unit order for paths and ids: the same on every machine and locale, so reports from
// different shards and runs line up.
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
