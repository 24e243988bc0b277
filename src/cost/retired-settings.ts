// Settings no rule reads any more since the cost rules replaced the token thresholds. They stay
// accepted in --data files for one minor version, with a warning naming what replaced them.

export const RETIRED_SETTINGS: Readonly<Record<string, string>> = {
  highSteadyTokensPerMonth: 'RW-COST-001 compares the API cost with the self-hosted option (routewise.config.cost.selfHostSavingsRatio)',
  lowVolumeTokensPerMonth: 'RW-COST-002 compares own targets with what the API would cost for the same tokens',
};

/** One warning per retired setting an organisation's data sets under `routewise.config`. */
export function retiredSettingWarnings(override: unknown, file: string): string[] {
  const config = (override as { routewise?: { config?: unknown } } | null)?.routewise?.config;
  if (typeof config !== 'object' || config === null) return [];
  return Object.keys(config)
    .filter((key) => key in RETIRED_SETTINGS)
    .map((key) => `${file}: routewise.config.${key} is read by no rule any more and will become an unknown setting in the next minor version; ${RETIRED_SETTINGS[key]}`);
}
