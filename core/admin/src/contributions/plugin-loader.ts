/** Loads an ES module by URL (the browser's `import()`, resolved through the shell's import map). */
export type ModuleImporter = (url: string) => Promise<unknown>;

const browserImport: ModuleImporter = (url) => import(/* @vite-ignore */ url);
const cache = new Map<string, Promise<unknown>>();

/**
 * Imports a plugin's admin bundle (`module` of the admin manifest) once: every boundary of the plugin
 * shares the same promise. A failed import is forgotten, and `attempt` > 0 (a retry) adds `?retry=<n>`
 * because browsers remember a module that failed to fetch.
 */
export function loadPluginModule(url: string, attempt = 0, importer: ModuleImporter = browserImport): Promise<unknown> {
  const key = attempt > 0 ? `${url}${url.includes('?') ? '&' : '?'}retry=${attempt}` : url;
  const cached = cache.get(url);
  if (cached && attempt === 0) return cached;
  const loading = importer(key);
  cache.set(url, loading);
  loading.catch(() => {
    if (cache.get(url) === loading) cache.delete(url);
  });
  return loading;
}

/** Forgets every loaded module (tests). */
export function resetPluginModules(): void {
  cache.clear();
}
