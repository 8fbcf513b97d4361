// The API's request schemas are built on first use: zod builds a schema with many small objects, and
// building every route's at import costs each cold start about 12 ms, where a request needs one route's.

/** A schema, or a function giving it (built once, on the first call). */
export type SchemaSource<Schema> = Schema | (() => Schema);

/** Memoises `build`: the schemas it returns are built on the first call and shared afterwards. */
export function lazySchemas<Schemas>(build: () => Schemas): () => Schemas {
  let built: Schemas | undefined;
  return () => {
    built ??= build();
    return built;
  };
}

/** The schema a source stands for. */
export function schemaOf<Schema>(source: SchemaSource<Schema>): Schema {
  return typeof source === 'function' ? (source as () => Schema)() : source;
}
