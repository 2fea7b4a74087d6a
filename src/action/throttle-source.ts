import { createThrottle } from './throttle';

/**
 * Where the client gets the throttle's queue. In Node `createThrottle` is part of the module graph: there
 * at once. The browser build (`throttle-source.browser.ts`) loads it with a dynamic `import()` when a client
 * with a `throttle` option is created.
 */
export function throttleFactory(): typeof createThrottle | Promise<typeof createThrottle> {
  return createThrottle;
}
