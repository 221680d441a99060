/** Runs the incremental-parsing property test with the unit tests (test/property is not in the default spec). */
import '../../property/incremental.test';
