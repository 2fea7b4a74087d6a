import type { Observable } from 'rxjs';
import { describe, expectTypeOf, it } from 'vitest';
import type { ActionName, Catalogue } from '../../src/action/catalogue';
import type { CatalogueApi, SeedMethods } from '../../src/action/catalogue-api';
import type { ResultOf } from '../../src/action/define';
import type { ParamsFor, SeedBindings, SeedMethodsOfTable } from '../../src/action/methods';

/** Mutually assignable: the generated type says exactly what the codecs say. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

type ParamsMismatch = {
  [A in ActionName]: Same<NonNullable<Parameters<CatalogueApi[A]>[0]>, ParamsFor<A>> extends true ? never : A;
}[ActionName];
type ResultMismatch = {
  [A in ActionName]: Same<ReturnType<CatalogueApi[A]>, Observable<ResultOf<Catalogue[A]>>> extends true ? never : A;
}[ActionName];
type SeedMismatch = {
  [M in keyof SeedBindings]: Same<Parameters<SeedMethods[M]>, Parameters<SeedMethodsOfTable[M]>> extends true
    ? Same<ReturnType<SeedMethods[M]>, ReturnType<SeedMethodsOfTable[M]>> extends true
      ? never
      : M
    : M;
}[keyof SeedBindings];

describe('the generated method types', () => {
  it('has one method per catalogued action and per seed method', () => {
    expectTypeOf<Exclude<ActionName, keyof CatalogueApi>>().toBeNever();
    expectTypeOf<Exclude<keyof CatalogueApi, ActionName>>().toBeNever();
    expectTypeOf<Exclude<keyof SeedBindings, keyof SeedMethods>>().toBeNever();
    expectTypeOf<Exclude<keyof SeedMethods, keyof SeedBindings>>().toBeNever();
  });

  it('types every action exactly as its params and result codecs do', () => {
    expectTypeOf<ParamsMismatch>().toBeNever();
    expectTypeOf<ResultMismatch>().toBeNever();
  });

  it('types every seed method exactly as the binding table does', () => {
    expectTypeOf<SeedMismatch>().toBeNever();
  });
});
