import { createExtensionPoint, createServiceRef } from '@cong/sdk';

/**
 * Where a source's documents are filed in the core's search index, and so which sites find them:
 * - `unit`: under the unit they belong to; a unit's site finds its own.
 * - `province`: under the province (the root unit), and shown on every unit's site: every site of the
 *   province finds them (the Q&A plugin's published answers).
 */
export type PortalSearchScope = 'unit' | 'province';

/**
 * Another plugin's public documents in the portal's search (`/tim-kiem` and `GET /api/portal/search`).
 * The plugin indexes them itself, with the core's search service (`coreServices.search`); the portal
 * only searches them, by owner, type and tenant, beside its own articles, pages and legal documents.
 */
export interface PortalSearchSource {
  /** The plugin that indexes the documents (their owner in the index): `qa`. */
  readonly plugin: string;
  /**
   * The source's value of the JSON API's `type` filter, and the `type` of its hits: `answer`. Lower case,
   * digits and `-`, at most 40 characters; not one of the portal's own (`article`, `legal`, `page`).
   */
  readonly type: string;
  /** The search page's `loai` value for the source, Vietnamese like the portal's own (`tin`, `van-ban`): `hoi-dap`. Same form as `type`. */
  readonly slug: string;
  /** The document types the plugin indexes them under (`SearchDocument.type`); each belongs to one source. */
  readonly documentTypes: readonly string[];
  /** What a hit is, on the search page and in its type filter: `{ vi: 'Hỏi đáp', en: 'Questions and answers' }`. */
  readonly label: { readonly vi: string; readonly en: string };
  readonly scope: PortalSearchScope;
  /**
   * Whether the source's plugin is enabled for a unit, asked with the id of the unit whose site searches
   * (a disabled plugin's pages answer 404 there, so its documents are not listed). Usually
   * `(id) => ctx.get(coreServices.tenancy).isEnabled(id)` with the contributing plugin's own context.
   */
  isEnabled(tenantId: string): Promise<boolean> | boolean;
}

/**
 * The search sources (`portal.search-sources`): plugins add the public documents they index to the
 * portal's search. The documents are Vietnamese: a site's Vietnamese search finds them with its own
 * content; its search in another language only when they are asked for (as legal documents).
 */
export interface PortalSearchSources {
  /**
   * Adds a source, in `register` (through `reg.extend`). A malformed source, or one whose `type`, `slug`
   * or document types are already taken, is refused with a `TypeError`: the contributing plugin fails to register.
   */
  addSource(source: PortalSearchSource): void;
}

export const searchSourcesPoint = createExtensionPoint<PortalSearchSources>({ id: 'portal.search-sources', version: 1 });

/** The portal's own registry, for its search (not part of the api entry). */
export const searchSourceRegistryRef = createServiceRef<SearchSourceRegistry>({ id: 'portal.search-source-registry' });

const NAME = /^[a-z][a-z0-9-]{0,39}$/;
/** The portal's own filter values, page slugs and document types (and their translated and linked forms). */
const OWN_TYPES = ['article', 'legal', 'page'];
const OWN_SLUGS = ['tin', 'trang', 'van-ban'];
const ownDocumentType = (type: string) => OWN_TYPES.includes(type) || /^(article|page)-/.test(type) || type.startsWith('linked.');

/** The sources, as the search reads them. Sources are added during registration only; then it is read-only. */
export class SearchSourceRegistry implements PortalSearchSources {
  readonly #sources: PortalSearchSource[] = [];

  addSource(source: PortalSearchSource): void {
    const where = `portal.search-sources: source ${JSON.stringify(source?.type)} of plugin ${JSON.stringify(source?.plugin)}`;
    if (typeof source?.plugin !== 'string' || source.plugin === '') throw new TypeError(`${where} needs its plugin id`);
    if (typeof source.type !== 'string' || !NAME.test(source.type) || OWN_TYPES.includes(source.type)) throw new TypeError(`${where}: type must match ${NAME} and not be article, legal or page`);
    if (typeof source.slug !== 'string' || !NAME.test(source.slug) || OWN_SLUGS.includes(source.slug)) throw new TypeError(`${where}: slug must match ${NAME} and not be tin, trang or van-ban`);
    if (!Array.isArray(source.documentTypes) || source.documentTypes.length === 0 || source.documentTypes.some((t) => typeof t !== 'string' || t === '' || ownDocumentType(t))) {
      throw new TypeError(`${where}: documentTypes must be a non-empty list of types that are not the portal's`);
    }
    if (typeof source.label?.vi !== 'string' || typeof source.label.en !== 'string' || source.label.vi === '' || source.label.en === '') throw new TypeError(`${where} needs a label in vi and en`);
    if (source.scope !== 'unit' && source.scope !== 'province') throw new TypeError(`${where}: scope must be unit or province`);
    if (typeof source.isEnabled !== 'function') throw new TypeError(`${where} needs isEnabled`);
    for (const other of this.#sources) {
      if (other.type === source.type || other.slug === source.slug) throw new TypeError(`${where}: type or slug already taken by plugin ${other.plugin}`);
      if (other.documentTypes.some((t) => source.documentTypes.includes(t))) throw new TypeError(`${where}: a document type is already searched for plugin ${other.plugin}`);
    }
    this.#sources.push(Object.freeze({ ...source, documentTypes: Object.freeze([...source.documentTypes]), label: Object.freeze({ ...source.label }) }));
  }

  /** Every source, in the order they were added. */
  all(): readonly PortalSearchSource[] {
    return this.#sources;
  }

  /** The source whose filter value is `type`. */
  byType(type: string): PortalSearchSource | undefined {
    return this.#sources.find((s) => s.type === type);
  }

  /** The source whose page slug is `slug`. */
  bySlug(slug: string): PortalSearchSource | undefined {
    return this.#sources.find((s) => s.slug === slug);
  }

  /** The source whose documents a hit of `plugin` and `documentType` is. */
  forHit(plugin: string, documentType: string): PortalSearchSource | undefined {
    return this.#sources.find((s) => s.plugin === plugin && s.documentTypes.includes(documentType));
  }
}
