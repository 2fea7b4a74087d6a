import type { throttleFactory as NodeThrottleFactory } from './throttle-source';

let loading: ReturnType<typeof NodeThrottleFactory> | undefined;

/**
 * The browser build's throttle queue: `createThrottle` once its chunk is in, the promise of it until then
 * (the first call starts the `import()`). A failed chunk load is tried again by the next call.
 */
export function throttleFactory(): ReturnType<typeof NodeThrottleFactory> {
  if (typeof loading === 'function') return loading;
  loading ??= import('./throttle').then(
    ({ createThrottle }) => (loading = createThrottle),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
