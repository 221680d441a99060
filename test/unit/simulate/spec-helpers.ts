/** Helpers the simulator's tests share: events written as the CLI's `--event` text. */
import { isSpecError, parseSimulationSpec, type SimulationSpec } from '../../../src/core/simulation-spec';

/** Each text parsed as a simulation event; a text that does not parse fails the test that wrote it. */
export function specs(...texts: string[]): SimulationSpec[] {
  return texts.map((text) => {
    const spec = parseSimulationSpec(text);
    if (isSpecError(spec)) throw new Error(spec.message);
    return spec;
  });
}
