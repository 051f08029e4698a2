/**
 * Paths of the platform itself, not of a unit's public site: the API, the admin shell, the probes and
 * the API document. They are never resolved to a unit, and their errors are always problem+json.
 */
export const PLATFORM_PATH = /^\/(api|admin)(\/|$)|^\/(healthz|readyz|openapi\.json)$/;
