// Break-even: the smallest monthly volume at which the API costs at least as much as the
// self-hosted option sized for that volume. The option's cost is a step function of volume (one
// step per replica), the API's a straight line, so each step is solved exactly in turn.
import type { CostSettings } from './cost-settings.ts';
import { optionCostWithReplicas, optionModel, optionVolumeLimit, type OptionShape } from './self-hosted-option.ts';

/** No break-even is reported beyond this multiple of the declared volume. */
export const BREAK_EVEN_SEARCH_FACTOR = 100;

/**
 * `apiCostAt(V)`: the API's monthly cost of V tokens (linear in V). Null when no volume up to
 * 100 x `declaredTokens` qualifies, or when the option cannot be sized.
 */
export function breakEvenTokensPerMonth(settings: CostSettings, apiCostAt: (tokens: number) => number, declaredTokens: number, shape: OptionShape): number | null {
  const model = optionModel(settings, shape);
  const perToken = apiCostAt(1e9) / 1e9;
  if (!model || !(perToken > 0)) return null;
  const limit = BREAK_EVEN_SEARCH_FACTOR * declaredTokens;
  // The option never costs less than with one replica, and the API's cost grows with volume: when
  // even the largest volume searched costs less on the API than one replica, no step can qualify,
  // so the step-by-step search (hundreds of steps for a small model) is skipped.
  if (model.perReplica >= 0 && model.gpuHourlyUsd >= 0 && settings.hoursPerMonth >= 0 && apiCostAt(limit) < optionCostWithReplicas(settings, model, 1)) return null;
  let lowest = 0;
  for (let replicas = 1; lowest <= limit; replicas++) {
    const highest = optionVolumeLimit(settings, model, replicas, shape);
    const cost = optionCostWithReplicas(settings, model, replicas);
    let v = Math.max(lowest, Math.ceil(cost / perToken));
    // The division may land one token off either way: settle on the exact smallest volume.
    while (apiCostAt(v) < cost) v++;
    while (v - 1 >= lowest && apiCostAt(v - 1) >= cost) v--;
    if (v <= highest) return v <= limit ? v : null;
    lowest = Math.floor(highest) + 1;
  }
  return null;
}
