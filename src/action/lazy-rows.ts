/**
 * A table whose keys are there at once and whose values `load` builds on the first read of any of them:
 * `Object.keys`, `in` and `Object.hasOwn` answer without loading; the first value read runs `load` once and
 * turns every entry into a plain data property, so later reads cost what a plain object's do. A `load` that
 * throws leaves the table as it was, to be tried again by the next read.
 *
 * @example
 * const rows = lazyRows(['send_like'], () => ({ send_like: { doc: 'Sends profile likes' } }));
 * Object.keys(rows); // ['send_like'], nothing built yet
 * rows.send_like?.doc; // runs load once
 */
export function lazyRows<V>(names: readonly string[], load: () => Readonly<Record<string, V>>): Readonly<Record<string, V>> {
  // A plain object, but made as a null-prototype one: V8 then keeps its properties in a hash table, so turning
  // ~200 accessors into data properties does not copy a hidden class per property (0.55 MB of shapes).
  const rows = Object.setPrototypeOf(Object.create(null), Object.prototype) as Record<string, V>;
  const fill = (): void => {
    const loaded = load();
    for (const name of Object.keys(loaded)) {
      Object.defineProperty(rows, name, { value: loaded[name], writable: true, enumerable: true, configurable: true });
    }
  };
  for (const name of names) {
    Object.defineProperty(rows, name, {
      get: () => {
        fill();
        return rows[name];
      },
      enumerable: true,
      configurable: true,
    });
  }
  return rows;
}
