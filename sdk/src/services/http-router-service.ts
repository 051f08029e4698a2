/**
 * Facts about the plugin's HTTP surface. Routes themselves are declared in `register` with
 * `reg.routes`; this service is for building links at run time.
 */
export interface HttpRouterService {
  /** `/api/<pluginId>` */
  readonly basePath: string;
  /** An absolute URL under the platform's public base URL. */
  url(path: string): string;
}
