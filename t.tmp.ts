import { analyzeReliability } from './src/evaluate/availability/engine';
import * as est from './src/evaluate/availability/estimate';
const orig = est.conditionalEstimate;
