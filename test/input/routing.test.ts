import { describe, expect, it } from 'vitest';
import { routeMatches } from '../../src/input/routing.ts';

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
