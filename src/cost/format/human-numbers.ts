// Numbers for people: money to the cent with thousands grouped, token volumes in words
// ("2.0 billion"), shares as percentages.

export function usd(n: number): string {
  return `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export function tokensInWords(n: number): string {
  const scales: [number, string][] = [
    [1e12, 'trillion'],
    [1e9, 'billion'],
    [1e6, 'million'],
    [1e3, 'thousand'],
  ];
  for (const [size, word] of scales) if (n >= size) return `${(n / size).toFixed(1)} ${word}`;
  return String(Math.round(n));
}

export function percent(share: number): string {
  return `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;
}
