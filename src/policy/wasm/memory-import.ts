// The page limits a module declares for its imported `env.memory`, read from the binary's import
// section: the host's memory must start at least that large and stay within the declared maximum.

export interface MemoryLimits {
  /** Pages of 64 KiB. */
  initial: number;
  maximum?: number;
}

/** The limits of the first memory import, or undefined when the bytes hold none (or are unreadable). */
export function memoryImportLimits(bytes: Uint8Array): MemoryLimits | undefined {
  let pos = 8; // magic and version
  const u32 = (): number => {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (pos >= bytes.length) throw new RangeError('truncated');
      const b = bytes[pos++]!;
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
      shift += 7;
    }
  };
  const skipName = (): void => {
    const n = u32();
    pos += n;
  };
  const limits = (): MemoryLimits => {
    const flags = bytes[pos++]!;
    const initial = u32();
    return flags & 1 ? { initial, maximum: u32() } : { initial };
  };
  try {
    while (pos < bytes.length) {
      const id = bytes[pos++]!;
      const size = u32();
      if (id !== 2) {
        pos += size;
        continue;
      }
      const count = u32();
      for (let i = 0; i < count; i++) {
        skipName();
        skipName();
        const kind = bytes[pos++]!;
        if (kind === 0) u32();
        else if (kind === 1) {
          pos++;
          limits();
        } else if (kind === 2) return limits();
        else if (kind === 3) pos += 2;
        else if (kind === 4) {
          pos++;
          u32();
        } else return undefined;
      }
      return undefined;
    }
  } catch {
    return undefined;
  }
  return undefined;
}
