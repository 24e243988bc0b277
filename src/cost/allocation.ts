// Which tokens land on which target: a workload's volume is split over the targets its routing
// sends requests to, by `volume.shareByTarget` or else in equal shares (then marked assumed).
// Burst and fallback targets are not charged per token.

export interface Allocation {
  /** Target id -> share of the workload's tokens. */
  shares: Record<string, number>;
  /** True when the shares were not declared and more than one target splits the volume. */
  assumed: boolean;
}

/** `charged`: the targets the workload's routing (or default route) sends its requests to. */
export function allocate(charged: readonly string[], shareByTarget: Record<string, number> | undefined): Allocation {
  if (shareByTarget) {
    const shares: Record<string, number> = {};
    for (const id of charged) shares[id] = shareByTarget[id] ?? 0;
    for (const [id, share] of Object.entries(shareByTarget)) if (!(id in shares)) shares[id] = share;
    return { shares, assumed: false };
  }
  const shares: Record<string, number> = {};
  for (const id of charged) shares[id] = 1 / charged.length;
  return { shares, assumed: charged.length > 1 };
}
