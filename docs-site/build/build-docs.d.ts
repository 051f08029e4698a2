// Types of the docs builder (plain ESM JavaScript) for the tests that import it.

/** A link that leads nowhere: `where` is `file:line` (a Markdown source, or an HTML file of the site). */
export interface BrokenLink {
  readonly where: string;
  readonly href: string;
  readonly reason: string;
}

export interface BuiltPage {
  readonly source: string;
  readonly output: string;
  readonly title: string;
  readonly lang: string;
  readonly section: string;
}

export interface GeneratedReference {
  readonly output: string;
  /** What the page documents: command names, error codes, event names, zones, manifest paths, `import#export`. */
  readonly items: readonly string[];
  /** CLI only: `<command> --<option>` for every option of every command. */
  readonly options?: readonly string[];
}

export interface BuildResult {
  readonly outDir: string;
  readonly pages: readonly BuiltPage[];
  readonly generated: Readonly<Record<'cli' | 'errors' | 'events' | 'zones' | 'manifest' | 'sdk', GeneratedReference>>;
  readonly brokenLinks: readonly BrokenLink[];
  readonly brokenSiteLinks: readonly BrokenLink[];
  readonly milliseconds: number;
}

export declare const DEFAULT_REPO_ROOT: string;
export declare const DEFAULT_OUT_DIR: string;

/** Builds the site into `outDir` (default `docs-site/dist`), replacing what was there. */
export declare function buildDocs(options?: { readonly repoRoot?: string; readonly outDir?: string }): Promise<BuildResult>;
