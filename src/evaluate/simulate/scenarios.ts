/** Scenarios are read by the core (they carry diagnostics); the simulator re-exports them for its callers. */
export { readScenarios, defaultScenarioDays, type Scenario } from '../../core/scenarios';
export type ScenarioProblem = import('../../core/document').ArchDiagnostic;
