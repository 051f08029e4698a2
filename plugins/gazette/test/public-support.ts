// Shared by the public site and API tests: seeds published (and unpublished) issues and documents
// straight into the tables with kysely, as the publication area will write them, and indexes them
// for search, so these tests do not depend on the composition and publication code.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { fold, slugify, type SqlDialect } from '@cong/sdk';
import { createDatabase, parseDatabaseUrl, type Database } from '@cong/core/testing';
import type { Kysely } from 'kysely';
import { numberKey, parseNumberSymbol } from '../src/intake/number-symbol.js';
import type { DocumentRow, IssueRow, PublicationDatabase } from '../src/publication/publication-database.js';
import { writeEntry } from '../src/search/index-document.js';
import type { SearchDatabase } from '../src/search/search-database.js';

export type SeedDb = Kysely<PublicationDatabase & SearchDatabase>;

/** A second connection to the platform's database, for seeding and checking. */
export async function openDatabase(databaseUrl: string): Promise<Database> {
  return createDatabase(parseDatabaseUrl(databaseUrl, process.cwd()));
}

/** The unit id of a slug. */
export async function unitId(db: Kysely<any>, slug: string): Promise<string> {
  const row = await db.selectFrom('core_tenants').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  return row.id as string;
}

/** Inserts an issue (published by default, with a PDF hash). */
export async function seedIssue(db: SeedDb, officeId: string, overrides: Partial<IssueRow> & { year: number; number_from: number }): Promise<IssueRow> {
  const now = Date.now();
  const row: IssueRow = {
    id: randomUUID(),
    office_id: officeId,
    number_to: overrides.number_from,
    publication_date: `${overrides.year}-03-20`,
    status: 'published',
    page_count: 24,
    file_id: null,
    sha256: createHash('sha256').update(`issue ${overrides.year}/${overrides.number_from}`).digest('hex'),
    signature: null,
    renderer: 'chromium',
    render_error: null,
    created_by: 'test',
    created_at: now,
    published_by: 'test',
    published_at: now,
    updated_at: now,
    ...overrides,
  };
  await db.insertInto('gazette_issues').values(row).execute();
  return row;
}

/** What a test gives of a document; the rest is filled like the publication area would. */
export type DocumentSeed = Partial<DocumentRow> & Pick<DocumentRow, 'document_type' | 'number_symbol' | 'summary' | 'issuing_agency' | 'signed_on' | 'full_text'>;

/** Inserts a document of `issue` and, unless `index: false`, indexes it for search. */
export async function seedDocument(db: SeedDb, dialect: SqlDialect, issue: IssueRow, seed: DocumentSeed, options: { readonly index?: boolean } = {}): Promise<DocumentRow> {
  const parsed = parseNumberSymbol(seed.number_symbol);
  const year = parsed?.year ?? Number(seed.signed_on.slice(0, 4));
  const now = Date.now();
  const row: DocumentRow = {
    id: randomUUID(),
    office_id: issue.office_id,
    tenant_id: issue.office_id,
    submission_id: randomUUID(),
    kind: 'document',
    number_key: numberKey(seed.number_symbol),
    doc_number: parsed?.number ?? null,
    doc_year: parsed?.year ?? null,
    doc_symbol: parsed?.symbol ?? null,
    issuer_level: 'local',
    signer: 'Nguyễn Văn Hùng',
    effective_on: null,
    expires_on: null,
    legal_normative: 1,
    field: null,
    search_text: fold(`${seed.number_symbol} ${seed.summary} ${seed.issuing_agency} ${seed.full_text}`),
    summary_folded: fold(seed.summary),
    issue_id: issue.id,
    issue_year: issue.year,
    first_page: 1,
    last_page: 4,
    published_on: issue.publication_date,
    published_at: now,
    eli_path: `/eli/${seed.document_type}/${year}/${slugify(seed.number_symbol, 120)}`,
    original_file_id: randomUUID(),
    original_sha256: createHash('sha256').update(`original ${seed.number_symbol}`).digest('hex'),
    electronic_file_id: null,
    electronic_sha256: null,
    validity_override: null,
    validity_reason: null,
    validity_set_by: null,
    validity_set_at: null,
    created_at: now,
    updated_at: now,
    ...seed,
  };
  await db.insertInto('gazette_documents').values(row).execute();
  if (options.index !== false) await writeEntry(db, dialect, row, now);
  return row;
}

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Parses XML with Chromium's own XML parser (strict: any well-formedness error gives a `parsererror`),
 * and answers the parser's complaint or null, with the root's namespace and name.
 */
export async function parseXmlInChromium(documents: readonly string[]): Promise<{ error: string | null; root: string; namespace: string | null }[]> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: the XML checks need Chromium (apt-get install -y chromium)`);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    const out = [];
    for (const text of documents) {
      // A string, not a function: the test tsconfig has no DOM types.
      out.push(
        (await page.evaluate(`(() => {
          const doc = new DOMParser().parseFromString(${JSON.stringify(text)}, 'application/xml');
          const error = doc.getElementsByTagName('parsererror')[0];
          return { error: error ? error.textContent : null, root: doc.documentElement.localName, namespace: doc.documentElement.namespaceURI };
        })()`)) as { error: string | null; root: string; namespace: string | null },
      );
    }
    return out;
  } finally {
    await browser.close();
  }
}

/** A page as a visitor of a unit's own host gets it. */
export interface HostResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/** GETs `path` with `Host: <host>:<port>` at the platform's port (fetch cannot set Host, so node:http does). */
export function getOnHost(platformUrl: string, host: string, path: string): Promise<HostResponse> {
  const port = Number(new URL(platformUrl).port);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { host: `${host}:${port}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const headers = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers.set(k, v);
        resolve({ status: res.statusCode ?? 0, headers, text: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
