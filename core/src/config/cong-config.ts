/** The validated, frozen configuration. Paths are absolute. */
export interface CongConfig {
  readonly database: string;
  readonly dataDir: string;
  readonly demo: boolean;
  /** With `demo`, plugins add sample content to the new demo province (`seedDemo`). */
  readonly demoContent: boolean;
  /** Absent: discover plugins from the project's dependencies. */
  readonly plugins?: readonly string[];
  readonly pluginConfig: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly http: {
    readonly host: string;
    readonly port: number;
    readonly publicUrl?: string;
    readonly bodyLimitBytes: number;
    readonly trustProxy: boolean;
    readonly trustedProxies: readonly string[];
    readonly shutdownGraceMs: number;
    readonly requestTimeoutMs: number;
    /** Keys that lift routes' rate limits when sent in `X-Cong-Rate-Limit-Bypass` (benchmarks, trusted imports). */
    readonly rateLimitBypassKeys: readonly string[];
  };
  readonly log: { readonly level: string; readonly requests: boolean };
  readonly auth: {
    readonly requireTotpForSuperAdmins: boolean;
    readonly accountFailures: number;
    readonly accountWindowSeconds: number;
    readonly addressFailures: number;
    readonly addressWindowSeconds: number;
    readonly sessionIdleMinutes: number;
    readonly sessionAbsoluteHours: number;
    /** 32 bytes (hex or base64) sealing secrets at rest; default: `<dataDir>/keys/secret.key`. */
    readonly secretKey?: string;
  };
  readonly hooks: { readonly timeoutMs: number };
  readonly jobs: { readonly autoStart: boolean; readonly pollIntervalMs: number; readonly concurrency: number };
  readonly mail: {
    readonly from: string;
    readonly smtp?: {
      readonly host: string;
      readonly port: number;
      readonly secure: boolean;
      readonly requireTLS: boolean;
      readonly rejectUnauthorized: boolean;
      readonly user?: string;
      readonly password?: string;
    };
  };
  readonly files: { readonly maxBytes: number };
  /** The documentation site at `/docs`: `enabled` absent follows `demo`; `dir` absent is the checkout's `docs-site/dist`. */
  readonly docs: { readonly enabled?: boolean; readonly dir?: string };
  /** Directory the config file is in (or the working directory); relative paths resolve from it. */
  readonly baseDir: string;
}
