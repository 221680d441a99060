/**
 * A constant computed on first use. For what is costly to build and depends on nothing but the
 * bundled catalog (the compiled validators), so that starting the server or the CLI does not pay
 * for it; never for anything that depends on a call's input (that is state, and belongs to the
 * caller: see test/unit/module-state.test.ts).
 */
export function lazy<T>(create: () => T): () => T {
  let made = false;
  let value: T | undefined;
  return () => {
    if (!made) {
      value = create();
      made = true;
    }
    return value as T;
  };
}
