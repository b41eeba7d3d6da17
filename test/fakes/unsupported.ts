/**
 * A repository the in-memory fakes do not implement (the back office's stores are exercised on
 * PGlite and PostgreSQL through HTTP journeys): any call fails loudly, naming the repository.
 */
export function unsupported<T extends object>(name: string, target = {} as T): T {
  return new Proxy(target, {
    get(_target, method) {
      return () => Promise.reject(new Error(`${name}.${String(method)}: not in the memory fakes`));
    },
  });
}
