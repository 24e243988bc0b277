// A finding: what a rule says about one manifest, located in the manifest's source, or in another
// file (a gateway or cluster config) when that is where the change is needed.
import type { SourcePosition } from '../problems/problem.ts';
import type { Waiver } from '../manifest/manifest.ts';

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** What a policy produces for one violation (the object in `deny contains finding if ...`). */
export interface RawFinding {
  id: string;
  message: string;
  /** Keys and indices into the manifest, e.g. ['deployment', 'targets', 1]. */
  path?: (string | number)[];
  /** Overrides the severity from the rule's metadata or from its rule set (deny/warn/info). */
  severity?: Severity;
  remediation?: string;
  /** Ids the finding concerns; waivers with a `target` match any of them. */
  subject?: { target?: string; dataClass?: string; workload?: string };
  /** The primary place when it lies outside the manifest (a gateway line); `path` is then ignored for locating. */
  location?: SourcePosition;
  /** Other places the finding concerns: in another file, or a manifest `path`. */
  related?: RawRelated[];
}

export type RawRelated = (SourcePosition | { path: (string | number)[] }) & { message: string };

/** Another place a finding concerns (the manifest's declaration for a gateway finding, and the reverse). */
export interface RelatedLocation extends SourcePosition {
  message: string;
}

/** A manifest waiver, as the manifest declares it (checked against the schema there). */
export type { Waiver } from '../manifest/manifest.ts';

export interface Finding {
  id: string;
  severity: Severity;
  message: string;
  path: (string | number)[];
  /** Where `path` points in the manifest file (the nearest existing node). */
  position?: SourcePosition;
  /** The primary place when it lies in another file than the manifest (a gateway or cluster config). */
  location?: SourcePosition;
  /** Other places the finding concerns, each with a short message. */
  related?: RelatedLocation[];
  remediation?: string;
  title?: string;
  subject?: RawFinding['subject'];
  /** The waiver that accepted this finding, if any: shown and counted, never failing. */
  waived?: Waiver;
}
