import { DOCUMENT_TYPES } from '../intake/document-types.js';
import type { DocumentSearchCriteria, SearchOrder } from '../search/document-search.js';

/** Page sizes the search offers. */
export const PAGE_SIZES = [10, 20, 50] as const;
/** Deeper pages than this are not served: nobody reads them, and OFFSET makes them slow. */
export const MAX_PAGE = 500;

/** The search page's query string, as the form sends it (Vietnamese parameter names, like the pages). */
export interface SearchForm {
  readonly q: string;
  readonly pham_vi: 'all' | 'summary';
  readonly so_ky_hieu: string;
  readonly loai: readonly string[];
  readonly co_quan: string;
  readonly cap: '' | 'local' | 'central';
  readonly tu_ngay: string;
  readonly den_ngay: string;
  readonly nam: string;
  readonly sap_xep: SearchOrder;
  readonly so_dong: number;
  readonly trang: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function one(value: unknown): string {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' ? v.trim().slice(0, 300) : '';
}

function many(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((v): v is string => typeof v === 'string' && v !== '').slice(0, 10);
}

/**
 * Reads the form leniently: a shared or hand-edited link never answers 400; a value that does not
 * read (a date in another format, an unknown type) is left out, and the form shows what was applied.
 */
export function readSearchForm(query: Record<string, unknown>): SearchForm {
  const order = one(query.sap_xep);
  const size = Number(one(query.so_dong));
  const page = Math.trunc(Number(one(query.trang)));
  const level = one(query.cap);
  const year = one(query.nam);
  return {
    q: one(query.q),
    pham_vi: one(query.pham_vi) === 'summary' ? 'summary' : 'all',
    so_ky_hieu: one(query.so_ky_hieu),
    loai: many(query.loai).filter((t) => t in DOCUMENT_TYPES),
    co_quan: one(query.co_quan),
    cap: level === 'local' || level === 'central' ? level : '',
    tu_ngay: DATE.test(one(query.tu_ngay)) ? one(query.tu_ngay) : '',
    den_ngay: DATE.test(one(query.den_ngay)) ? one(query.den_ngay) : '',
    nam: /^\d{4}$/.test(year) ? year : '',
    sap_xep: order === 'oldest' || order === 'relevance' ? order : order === 'newest' ? 'newest' : one(query.q) !== '' ? 'relevance' : 'newest',
    so_dong: (PAGE_SIZES as readonly number[]).includes(size) ? size : 20,
    trang: Number.isFinite(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  };
}

export function criteriaOf(form: SearchForm): DocumentSearchCriteria {
  return {
    text: form.q,
    summaryOnly: form.pham_vi === 'summary',
    number: form.so_ky_hieu,
    types: form.loai,
    agencies: form.co_quan === '' ? [] : [form.co_quan],
    ...(form.cap === '' ? {} : { level: form.cap }),
    ...(form.tu_ngay === '' ? {} : { signedFrom: form.tu_ngay }),
    ...(form.den_ngay === '' ? {} : { signedTo: form.den_ngay }),
    ...(form.nam === '' ? {} : { publicationYear: Number(form.nam) }),
    order: form.sap_xep,
    limit: form.so_dong,
    offset: (form.trang - 1) * form.so_dong,
  };
}

/** Whether the form asks for anything (else the page shows the newest documents). */
export function isBlank(form: SearchForm): boolean {
  return form.q === '' && form.so_ky_hieu === '' && form.loai.length === 0 && form.co_quan === '' && form.cap === '' && form.tu_ngay === '' && form.den_ngay === '' && form.nam === '';
}

/** The form's query string with `changes` applied (for paging links). */
export function formQuery(form: SearchForm, changes: Partial<Record<keyof SearchForm, string | number>>): string {
  const params = new URLSearchParams();
  const set = (k: keyof SearchForm, v: string | number) => {
    if (v !== '' && v !== undefined) params.append(k, String(v));
  };
  set('q', changes.q ?? form.q);
  if (form.pham_vi === 'summary') set('pham_vi', 'summary');
  set('so_ky_hieu', form.so_ky_hieu);
  for (const t of form.loai) params.append('loai', t);
  set('co_quan', form.co_quan);
  set('cap', form.cap);
  set('tu_ngay', form.tu_ngay);
  set('den_ngay', form.den_ngay);
  set('nam', form.nam);
  set('sap_xep', form.sap_xep);
  set('so_dong', form.so_dong);
  set('trang', changes.trang ?? form.trang);
  return params.toString();
}
