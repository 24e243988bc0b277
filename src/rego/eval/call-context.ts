// What a builtin sees of the evaluation it runs in: the fixed clock, the call's location,
// a per-evaluation cache, print output and the metadata of the rule being evaluated.
import type { Location } from '../ast.ts';
import type { BuiltinContext } from '../builtins/builtin.ts';
import type { Value } from '../value.ts';
import type { Limits } from './limits.ts';

export interface MetadataSource {
  metadataRule(): Value;
  metadataChain(): Value;
}

export class CallContext implements BuiltinContext {
  location: Location = { file: '', row: 0, col: 0 };
  readonly cache = new Map<string, unknown>();
  constructor(
    readonly nowNs: bigint,
    readonly seed: string,
    private readonly ev: MetadataSource,
    private readonly printer: (line: string) => void,
    private readonly limits: Limits,
  ) {}
  work(units: number): void {
    this.limits.charge(units, this.location);
  }
  print(line: string): void {
    this.printer(line);
  }
  metadataRule(): Value {
    return this.ev.metadataRule();
  }
  metadataChain(): Value {
    return this.ev.metadataChain();
  }
}
