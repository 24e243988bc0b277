// How `print` shows its operands: strings as they are, other values as Rego terms, and an
// operand without a value as <undefined> (print never makes its expression undefined).
import { toRegoText, type Value } from '../value.ts';

export function printLine(operands: (Value | undefined)[]): string {
  return operands.map((v) => (v === undefined ? '<undefined>' : typeof v === 'string' ? v : toRegoText(v))).join(' ');
}
