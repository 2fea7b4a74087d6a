/** Catalogue row builders by action name: each builds its row (and the row's io-ts codecs) when called. */
export type RowBuilders = Readonly<Record<string, () => unknown>>;

/** The table {@link lazyRows} makes of `B`: each name to what its builder returns. */
export type BuiltRows<B extends RowBuilders> = { readonly [K in keyof B]: ReturnType<B[K]> };

/** `A & B & …` of the tables `T` (what {@link joinRows} makes; their keys are disjoint). */
export type JoinedRows<T extends readonly object[]> = (T[number] extends infer U ? (U extends unknown ? (u: U) => void : never) : never) extends (
  u: infer I,
) => void
  ? I
  : never;

/**
 * A plain object whose properties V8 keeps in a hash table: it is made with a null prototype, then given
 * `Object.prototype`, so turning one of ~200 accessors into a data property does not copy a hidden class
 * (measured: 0.55 MB of shapes once every row of a fast-mode table was built).
 */
function rowTable(): Record<string, unknown> {
  return Object.setPrototypeOf(Object.create(null), Object.prototype) as Record<string, unknown>;
}

/**
 * A table of catalogue rows built on first read: its keys are there at once (`Object.keys`, `in` and
 * `Object.hasOwn` build nothing); reading a row runs its builder once and leaves a plain data property in
 * the table read. A bot builds the codecs of the actions it calls, not the ~400 of the whole catalogue. A
 * builder that throws is run again by the next read.
 *
 * @example
 * const rows = lazyRows({ send_like: () => action({ params: struct({ user_id: IdParam }, 'SendLikeParams'), ... }) });
 * Object.keys(rows); // ['send_like'], nothing built yet
 * rows.send_like.params.is({ user_id: 1 }); // builds the row once
 */
export function lazyRows<B extends RowBuilders>(builders: B): BuiltRows<B> {
  const rows = rowTable();
  for (const name of Object.keys(builders)) {
    const build = builders[name] as () => unknown;
    let built: { readonly row: unknown } | undefined;
    Object.defineProperty(rows, name, {
      get(this: object) {
        built ??= { row: build() };
        Object.defineProperty(this, name, { value: built.row, writable: true, enumerable: true, configurable: true });
        return built.row;
      },
      enumerable: true,
      configurable: true,
    });
  }
  return rows as BuiltRows<B>;
}

/**
 * The tables `tables` as one, in order (like an object spread), without building a row: a row not yet built
 * stays lazy in both tables and is built once, whichever table is read first.
 *
 * @example
 * const STANDARD_ACTIONS = joinRows(MESSAGE_ACTIONS, FRIEND_ACTIONS);
 */
export function joinRows<T extends readonly object[]>(...tables: T): JoinedRows<T> {
  const rows = rowTable();
  for (const table of tables) Object.defineProperties(rows, Object.getOwnPropertyDescriptors(table));
  return rows as JoinedRows<T>;
}
