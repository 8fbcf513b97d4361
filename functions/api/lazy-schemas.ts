// The API's request schemas are built on first use: zod builds a schema with many small objects, and
// building every route's at import costs each cold start about 12 ms, where a request needs one route's.

/** Memoises `build`: the schemas it returns are built on the first call and shared afterwards. */
export function lazySchemas<Schemas>(build: () => Schemas): () => Schemas {
  let built: Schemas | undefined;
  return () => {
    built ??= build();
    return built;
  };
}
