// Trimming runs of given characters from the ends of a string in one pass. A regexp such as
// /"+$/ restarts at every quote of a long run, which makes hostile input cost quadratic time.

export function trimEndOf(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1]!)) end--;
  return s.slice(0, end);
}

export function trimBoth(s: string, chars: string): string {
  let start = 0;
  while (start < s.length && chars.includes(s[start]!)) start++;
  return trimEndOf(s.slice(start), chars);
}
