import { describe, expect, it } from 'vitest';
import { routeMatches } from '../../src/manifest/routing.ts';

const pair = { workload: 'chat', dataClass: 'records', path: ['workloads', 0, 'dataClasses', 0] };

describe('routeMatches', () => {
  it.each([
    ['a listed data class', { dataClasses: ['docs', 'records'] }, true],
    ['an unlisted data class', { dataClasses: ['docs'] }, false],
    ['a listed workload', { workloads: ['chat'] }, true],
    ['an unlisted workload', { workloads: ['search'] }, false],
    ['both conditions holding', { workloads: ['chat'], dataClasses: ['records'] }, true],
    ['only one of two conditions holding', { workloads: ['chat'], dataClasses: ['docs'] }, false],
    ['default: true', { default: true }, true],
    ['default: true beside a condition that fails', { default: true, workloads: ['search'] }, true],
    ['default: false alone', { default: false }, false],
  ])('with %s: %s', (_name, when, expected) => {
    expect(routeMatches({ when, to: 'anywhere' }, pair)).toBe(expected);
  });
});

// Requests, burst and fallbacks: manifest-v1 "Meaning of routing".
import fc from 'fast-check';
import { resolveRouting } from '../../src/manifest/routing.ts';
import type { Manifest, Route } from '../../src/manifest/manifest.ts';

function manifestOf(deployment: Partial<Manifest['deployment']>, workloads?: Manifest['workloads']): Manifest {
  return {
    apiVersion: 'routewise/v1',
    kind: 'LLMDeployment',
    metadata: { name: 'm', owner: 'o' },
    dataClasses: [
      { id: 'faq', category: 'public' },
      { id: 'records', category: 'health' },
      { id: 'notes', category: 'internal' },
    ],
    workloads: workloads ?? [
      { id: 'support', dataClasses: ['faq', 'records'], customization: 'rag', volume: { tokensPerMonth: 1, pattern: 'steady' } },
    ],
    deployment: {
      strategy: 'hybrid',
      targets: [
        { id: 'rack', type: 'on-premises', model: 'llama' },
        { id: 'gpus', type: 'cloud-self-hosted', model: 'llama', provider: 'coreweave' },
        { id: 'api', type: 'cloud-api', model: 'gpt-4o', provider: 'openai' },
      ],
      ...deployment,
    },
  };
}

/** "class -> target via" for every reach, sorted. */
function reached(manifest: Manifest): string[] {
  return resolveRouting(manifest)
    .reaches.map((r) => `${r.dataClass} -> ${r.target} ${r.via}`)
    .sort();
}

const publicFirst: Route[] = [
  { when: { dataClasses: ['faq'] }, to: 'api' },
  { when: { dataClasses: ['records'] }, to: 'rack' },
];

describe('routing per request', () => {
  it('sends a class carried with another to the target of the first rule that takes the mixed request', () => {
    // Defect 1: patient records travelled with public text to the cloud API, and passed.
    expect(reached(manifestOf({ routing: publicFirst }))).toEqual([
      'faq -> api route',
      'records -> api route',
      'records -> rack route',
    ]);
    const { mixedLandings } = resolveRouting(manifestOf({ routing: publicFirst }));
    expect(mixedLandings).toEqual([
      expect.objectContaining({ workload: 'support', dataClass: 'records', with: ['faq'], route: 0, target: 'api', aloneTarget: 'rack' }),
    ]);
  });

  it('routes each class alone when the workload says its requests carry one class', () => {
    const workloads: Manifest['workloads'] = [
      { id: 'support', dataClasses: ['faq', 'records'], mixesDataClasses: false, customization: 'rag', volume: { tokensPerMonth: 1, pattern: 'steady' } },
    ];
    const manifest = manifestOf({ routing: publicFirst }, workloads);
    expect(reached(manifest)).toEqual(['faq -> api route', 'records -> rack route']);
    expect(resolveRouting(manifest).mixedLandings).toEqual([]);
  });

  it('keeps the sensitive class home when its rule comes first', () => {
    const routing = [...publicFirst].reverse();
    expect(reached(manifestOf({ routing }))).toEqual(['faq -> api route', 'faq -> rack route', 'records -> rack route']);
  });
});

describe('fallbacks', () => {
  const routing: Route[] = [
    { when: { dataClasses: ['records'] }, to: 'rack' },
    { when: { default: true }, to: 'gpus' },
  ];

  it('follows fallbacks transitively, as reaches of their own kind', () => {
    // Defect 5: fallbacks did not exist, so a failover chain to a cloud API was invisible.
    const manifest = manifestOf({
      routing,
      fallbacks: [
        { from: 'rack', to: 'gpus' },
        { from: 'gpus', to: 'api' },
      ],
    });
    expect(reached(manifest)).toEqual([
      'faq -> api fallback',
      'faq -> gpus default',
      'faq -> gpus fallback',
      'faq -> rack route',
      'records -> api fallback',
      'records -> gpus fallback',
      'records -> rack route',
    ]);
    const viaFallback = resolveRouting(manifest).reaches.find((r) => r.dataClass === 'records' && r.target === 'api')!;
    expect(viaFallback.path).toEqual(['deployment', 'fallbacks', 1, 'to']);
    expect(viaFallback.fallback).toBe(1);
  });

  it('stops a class at a fallback that excludes it, and any request carrying it', () => {
    const manifest = manifestOf({
      routing,
      fallbacks: [
        { from: 'rack', to: 'gpus' },
        { from: 'gpus', to: 'api', excludeDataClasses: ['records'] },
      ],
    });
    const reaches = reached(manifest);
    expect(reaches).toContain('faq -> api fallback');
    expect(reaches).not.toContain('records -> api fallback');
    expect(reaches).toContain('records -> gpus fallback');
  });

  it('lets burst traffic fall back too, unless the burst excludes the class', () => {
    const manifest = manifestOf({
      routing,
      burst: { to: 'gpus', excludeDataClasses: ['records'] },
      fallbacks: [{ from: 'gpus', to: 'api' }],
    });
    const reaches = reached(manifest);
    expect(reaches).toContain('faq -> gpus burst');
    expect(reaches).not.toContain('records -> gpus burst');
    expect(reaches).not.toContain('records -> api fallback');
  });
});

describe('reach properties', () => {
  const classes = ['faq', 'records', 'notes'];
  const targets = ['rack', 'gpus', 'api'];
  const when = fc.oneof(
    fc.record({ dataClasses: fc.subarray(classes, { minLength: 1 }) }),
    fc.record({ workloads: fc.subarray(['support', 'search'], { minLength: 1 }) }),
    fc.record({ dataClasses: fc.subarray(classes, { minLength: 1 }), workloads: fc.subarray(['support', 'search'], { minLength: 1 }) }),
  );
  const route = fc.record({ when, to: fc.constantFrom(...targets) });
  const workloads = fc.tuple(fc.subarray(classes, { minLength: 1 }), fc.subarray(classes, { minLength: 1 }), fc.boolean()).map(
    ([a, b, mixes]): Manifest['workloads'] => [
      { id: 'support', dataClasses: a, mixesDataClasses: mixes, customization: 'rag', volume: { tokensPerMonth: 1, pattern: 'steady' } },
      { id: 'search', dataClasses: b, customization: 'rag', volume: { tokensPerMonth: 1, pattern: 'steady' } },
    ],
  );

  /** workload/class -> targets reached by routing (no burst, no fallback). */
  function routedMap(manifest: Manifest): Map<string, Set<string>> {
    const map = new Map<string, Set<string>>();
    for (const r of resolveRouting(manifest).reaches) {
      const key = `${r.workload}/${r.dataClass}`;
      if (!map.has(key)) map.set(key, new Set());
      map.get(key)!.add(r.target);
    }
    return map;
  }

  it('adding a rule before the default changes reach only as first match allows', () => {
    fc.assert(
      fc.property(fc.array(route, { maxLength: 4 }), route, fc.constantFrom(...targets), workloads, (rules, added, fallbackTarget, ws) => {
        const before = manifestOf({ routing: [...rules, { when: { default: true }, to: fallbackTarget }] }, ws);
        const after = manifestOf({ routing: [...rules, added, { when: { default: true }, to: fallbackTarget }] }, ws);
        const was = routedMap(before);
        const now = routedMap(after);
        for (const [key, targetsNow] of now) {
          const [workload, dataClass] = key.split('/') as [string, string];
          for (const t of targetsNow) {
            // A new target can only come from the added rule.
            if (!was.get(key)?.has(t)) expect(t).toBe(added.to);
          }
          for (const t of was.get(key) ?? []) {
            if (targetsNow.has(t)) continue;
            // The added rule only takes requests that fell to the default, so only the default's
            // target can be lost, and only when the added rule takes the class on its own.
            expect(t).toBe(fallbackTarget);
            expect(routeMatches(added, { workload, dataClasses: [dataClass] })).toBe(true);
          }
        }
        // Every declared class still reaches somewhere: the default catches the rest.
        for (const w of ws) for (const c of w.dataClasses) expect(now.get(`${w.id}/${c}`)?.size ?? 0).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('a class reaches exactly the targets some request carrying it is routed to', () => {
    fc.assert(
      fc.property(fc.array(route, { maxLength: 4 }), workloads, (rules, ws) => {
        const manifest = manifestOf({ routing: [...rules, { when: { default: true }, to: 'rack' }] }, ws);
        const map = routedMap(manifest);
        for (const w of ws) {
          const mixes = w.mixesDataClasses !== false;
          // Brute force over every combination of the workload's classes.
          const combos: string[][] = [];
          for (let mask = 1; mask < 1 << w.dataClasses.length; mask++) {
            const combo = w.dataClasses.filter((_, i) => mask & (1 << i));
            if (mixes || combo.length === 1) combos.push(combo);
          }
          for (const c of w.dataClasses) {
            const expected = new Set(
              combos.filter((combo) => combo.includes(c)).map((combo) => manifest.deployment.routing!.find((r) => routeMatches(r, { workload: w.id, dataClasses: combo }))!.to),
            );
            expect(map.get(`${w.id}/${c}`)).toEqual(expected);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
