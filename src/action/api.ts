import type { Observable } from 'rxjs';
import type * as t from 'io-ts';
import type { AsyncVariants, CatalogueApi } from './catalogue-api';
import { catalogueReady } from './catalogue-source';
import { ASYNC_SUFFIXES, asyncBase } from './async-variants';
import type { ActionDef } from './define';
import type { CallAction, CallOptions } from './types';

type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];

/** The parameter list of an action method: params optional when every field is optional. */
export type ActionArgs<P> = [RequiredKeys<P>] extends [never]
  ? [params?: P, options?: CallOptions]
  : [params: P, options?: CallOptions];

/** One typed action method: a cold Observable of its decoded result. */
export type ActionMethod<D> = D extends ActionDef<infer P, infer R>
  ? (...args: ActionArgs<t.TypeOf<P>>) => Observable<t.TypeOf<R>>
  : never;

/** An `_async` / `_rate_limited` variant: same params, emits `undefined` once the server accepted it. */
export type AsyncActionMethod<D> = D extends ActionDef<infer P, t.Mixed>
  ? (...args: ActionArgs<t.TypeOf<P>>) => Observable<undefined>
  : never;

/** Any action by name, result `unknown`, no codecs applied (the escape hatch for uncatalogued actions). */
export type RawActions = Readonly<Record<string, (params?: object, options?: CallOptions) => Observable<unknown>>>;

/** An `_async` / `_rate_limited` variant of a method: same parameters, emits `undefined` once accepted. */
type AsyncVariant<F> = F extends (...args: infer A) => Observable<unknown> ? (...args: A) => Observable<undefined> : never;

/**
 * `client.api`: one method per catalogued action ({@link CatalogueApi}: named params, docs, result types),
 * plus its `_async` and `_rate_limited` variants (the server queues the call and answers at once; they emit
 * `undefined` once accepted; NapCat answers both, go-cqhttp `_async` only, Lagrange neither; the sending
 * actions' variants carry their own doc, {@link AsyncVariants}), plus `raw`.
 *
 * @example
 * client.api.send_group_msg({ group_id: 123, message: 'hi' }, { timeout: 5_000 }).subscribe(({ message_id }) => ...);
 * client.api.raw['.ocr_image']({ image: 'file:///tmp/a.png' });
 */
export type Api = CatalogueApi &
  AsyncVariants & {
    readonly [K in keyof CatalogueApi as Exclude<`${K & string}${(typeof ASYNC_SUFFIXES)[number]}`, keyof AsyncVariants>]: AsyncVariant<
      CatalogueApi[K]
    >;
  } & { readonly raw: RawActions };

/** A name that may be an action, before the browser build has the catalogue (`then` stays unset: not a thenable). */
const ACTION_NAME = /^\.?[a-z][a-z0-9_]*$/;

/** Whether `name` is a catalogued action or an `_async` / `_rate_limited` variant of one. */
function isCatalogued(catalogue: Readonly<Record<string, ActionDef>>, name: string): boolean {
  const base = asyncBase(name);
  return Object.hasOwn(catalogue, name) || (base !== undefined && Object.hasOwn(catalogue, base));
}

/**
 * Builds `client.api` from the catalogue: every method is a thin call of the one `call` primitive. In the
 * browser build before the catalogue chunk is in, methods are made on first access (and checked against
 * the catalogue once it is).
 */
export function buildApi(
  catalogue: Readonly<Record<string, ActionDef>>,
  call: CallAction,
  raw: (action: string, params: unknown, options?: CallOptions) => Observable<unknown>,
): Api {
  const api: Record<string | symbol, unknown> = {};
  const method = (action: string) => (params?: unknown, options?: CallOptions) => call(action, params, options);
  for (const name of Object.keys(catalogue)) {
    for (const action of [name, ...ASYNC_SUFFIXES.map((suffix) => `${name}${suffix}`)]) api[action] = method(action);
  }
  api.raw = new Proxy(
    {},
    {
      get: (_, action) =>
        typeof action === 'string' ? (params?: unknown, options?: CallOptions) => raw(action, params, options) : undefined,
    },
  );
  if (catalogueReady()) return api as unknown as Api;
  return new Proxy(api, {
    get: (target, key) => {
      if (typeof key !== 'string' || key in target) return target[key];
      const known = catalogueReady() ? isCatalogued(catalogue, key) : ACTION_NAME.test(key) && key !== 'then';
      return known ? (target[key] = method(key)) : undefined;
    },
  }) as unknown as Api;
}
