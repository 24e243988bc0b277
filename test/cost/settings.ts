// The shipped cost settings and the manifests the cost tests price, read as a user's files.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { costSettingsFrom, type CostSettings } from '../../src/cost/cost-settings.ts';
import type { Manifest } from '../../src/manifest/manifest.ts';

export const DATA: unknown = parse(readFileSync(new URL('../../policies/data.yaml', import.meta.url), 'utf8'));
export const SETTINGS: CostSettings = costSettingsFrom(DATA)!;

export function fixture(name: string): Manifest {
  return parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as Manifest;
}
