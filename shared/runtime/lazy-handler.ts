// A Lambda handler whose dependencies are built on its first invocation, not when its module loads:
// importing the bundle then costs only its code, and a test or the local stack that never calls the
// default handler never reads the environment.

// biome-ignore lint/suspicious/noExplicitAny: a handler's parameters are whatever Lambda passes.
type AnyHandler = (event: any, ...rest: any[]) => Promise<unknown>;

/**
 * Wraps `build` so it runs once, on the first call; a build that fails is tried again on the next
 * call, so a fixed configuration needs no new cold start.
 */
export function lazyHandler<Handler extends AnyHandler>(
  build: () => Promise<Handler> | Handler,
): (event: Parameters<Handler>[0], context?: unknown) => ReturnType<Handler> {
  let building: Promise<Handler> | undefined;
  const lazy = async (event: Parameters<Handler>[0], ...rest: unknown[]) => {
    building ??= Promise.resolve()
      .then(build)
      .catch((error: unknown) => {
        building = undefined;
        throw error;
      });
    const handler = await building;
    return handler(event, ...rest);
  };
  return lazy as (event: Parameters<Handler>[0], context?: unknown) => ReturnType<Handler>;
}
