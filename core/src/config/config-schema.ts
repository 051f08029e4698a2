/**
 * The JSON Schema of `cong.config.json`. Every key has a default, so an absent file is a valid
 * configuration: SQLite under ./data, port 3000, every plugin the project depends on.
 * `x-cong-secret` marks values that logs and reports redact.
 */
export const configSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Cổng configuration (cong.config.json)',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    database: {
      description: 'sqlite:<path> (relative to the config file), sqlite::memory: or mysql://user:password@host:3306/database.',
      type: 'string',
      default: 'sqlite:./data/cong.db',
      'x-cong-secret': 'url-password',
    },
    dataDir: { description: 'Where uploads and generated files go.', type: 'string', default: './data' },
    demo: {
      description: 'Seed the demo province (units and *.localhost hosts) into an empty database. `cong start` without a config file turns it on.',
      type: 'boolean',
      default: false,
    },
    demoContent: {
      description: 'With `demo`: plugins also add sample content (articles, documents…) to the new demo province. Tests turn it off to start from empty units.',
      type: 'boolean',
      default: true,
    },
    plugins: {
      description: 'Plugins to load: npm package names or paths to plugin directories. Default: every dependency of the project package.json that has a "cong" manifest.',
      type: 'array',
      maxItems: 200,
      items: { type: 'string', minLength: 1 },
    },
    pluginConfig: {
      description: 'Configuration of each plugin, by plugin id; validated against the schema its manifest names.',
      type: 'object',
      propertyNames: { pattern: '^[a-z][a-z0-9-]{1,30}$' },
      additionalProperties: { type: 'object' },
      default: {},
    },
    http: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        host: { type: 'string', default: '127.0.0.1', description: 'Interface to listen on; 0.0.0.0 for every interface.' },
        port: { type: 'integer', minimum: 0, maximum: 65535, default: 3000 },
        publicUrl: { type: 'string', pattern: '^https?://[^\\s/]+', maxLength: 300, description: 'Base URL users reach the platform at. Default: http://localhost:<port>.' },
        bodyLimitBytes: { type: 'integer', minimum: 1024, maximum: 104857600, default: 65536 },
        trustProxy: { type: 'boolean', default: false, description: 'Believe X-Forwarded-* headers (only behind a reverse proxy you run).' },
        trustedProxies: {
          type: 'array',
          maxItems: 50,
          items: { type: 'string', minLength: 2, maxLength: 45 },
          default: ['127.0.0.1', '::1', '::ffff:127.0.0.1'],
          description: 'With trustProxy: the proxy addresses X-Forwarded-* headers are believed from; from anyone else they are dropped.',
        },
        shutdownGraceMs: { type: 'integer', minimum: 0, maximum: 600000, default: 10000, description: 'How long stop waits for in-flight requests.' },
        requestTimeoutMs: { type: 'integer', minimum: 1000, maximum: 600000, default: 30000 },
        rateLimitBypassKeys: {
          type: 'array',
          maxItems: 10,
          uniqueItems: true,
          items: { type: 'string', minLength: 32, maxLength: 256, pattern: '^[\\x21-\\x7e]+$' },
          default: [],
          description: 'Secrets (printable ASCII, no spaces) that lift the routes\' rate limits when a request sends one in X-Cong-Rate-Limit-Bypass (benchmarks, trusted imports). At least 32 characters; keep them out of logs.',
        },
      },
    },
    log: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        level: { enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], default: 'info' },
        requests: { type: 'boolean', default: true, description: 'One log line per request.' },
      },
    },
    auth: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        requireTotpForSuperAdmins: { type: 'boolean', default: false, description: 'Super-admins must enrol in two-factor sign-in.' },
        accountFailures: { type: 'integer', minimum: 1, maximum: 1000, default: 5, description: 'Failed sign-ins per account before it is throttled.' },
        accountWindowSeconds: { type: 'integer', minimum: 60, maximum: 604800, default: 21600 },
        addressFailures: { type: 'integer', minimum: 1, maximum: 100000, default: 50, description: 'Failed sign-ins per client address before it is throttled.' },
        addressWindowSeconds: { type: 'integer', minimum: 60, maximum: 604800, default: 3600 },
        sessionIdleMinutes: { type: 'integer', minimum: 1, maximum: 1440, default: 30 },
        sessionAbsoluteHours: { type: 'integer', minimum: 1, maximum: 168, default: 12 },
        secretKey: {
          type: 'string',
          pattern: '^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$',
          description: 'Key sealing the two-factor secrets at rest (AES-256-GCM): 32 bytes as 64 hex characters or base64. Set it in the environment (CONG_AUTH__SECRET_KEY), apart from the database; without it a key file is made in <dataDir>/keys/secret.key.',
        },
      },
    },
    hooks: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        timeoutMs: { type: 'integer', minimum: 100, maximum: 600000, default: 10000, description: 'Timeout of each plugin lifecycle hook.' },
      },
    },
    jobs: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        autoStart: { type: 'boolean', default: true, description: 'Run background jobs in this process.' },
        pollIntervalMs: { type: 'integer', minimum: 50, maximum: 60000, default: 1000 },
        concurrency: { type: 'integer', minimum: 1, maximum: 64, default: 2 },
      },
    },
    mail: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        from: { type: 'string', minLength: 3, default: 'Cổng <no-reply@cong.localhost>' },
        smtp: {
          description: 'Without it, messages stay in the outbox for admins to read.',
          type: 'object',
          additionalProperties: false,
          required: ['host'],
          properties: {
            host: { type: 'string', minLength: 1 },
            port: { type: 'integer', minimum: 1, maximum: 65535, default: 587 },
            secure: { type: 'boolean', default: false },
            requireTLS: { type: 'boolean', default: false },
            rejectUnauthorized: { type: 'boolean', default: true },
            user: { type: 'string' },
            password: { type: 'string', 'x-cong-secret': true },
          },
        },
      },
    },
    files: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        maxBytes: { type: 'integer', minimum: 1, maximum: 1073741824, default: 20971520 },
      },
    },
    docs: {
      description: 'The documentation site (built by the @cong/docs package) served at /docs.',
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        // No default: absent means "as demo", which a schema default cannot say.
        enabled: { type: 'boolean', description: 'Serve the documentation site at /docs. Default: on with demo, off otherwise.' },
        dir: { type: 'string', minLength: 1, description: 'The built site, relative to the config file. Default: docs-site/dist beside the core in a checkout.' },
      },
    },
  },
} as const;
