/**
 * Reliability components for the availability tests: one regional unit at 99% that needs itself,
 * with no zones and no dependencies, unless the test says otherwise.
 */
import type { ReliabilityComponent } from '../../../../src/evaluate/availability/model';

export function reliabilityComponent(name: string, extra: Partial<ReliabilityComponent> = {}): ReliabilityComponent {
  return {
    name,
    placement: 'regional',
    unitAvailability: 0.99,
    units: 1,
    minHealthy: 1,
    region: 'r1',
    zones: [],
    hard: [],
    anyOf: [],
    ...extra,
  };
}
