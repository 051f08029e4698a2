/** Kysely table types of the media library. Times are epoch milliseconds. */
export type MediaKind = 'image' | 'pdf' | 'document';

export interface MediaDatabase {
  portal_media: {
    id: string;
    tenant_id: string;
    kind: MediaKind;
    /** The served file: for an image the re-encoded original without metadata, else the upload itself. */
    file_id: string;
    original_name: string;
    content_type: string;
    size: number;
    /** Of the bytes as uploaded: the same upload twice in a unit is one item. */
    sha256: string;
    title_vi: string | null;
    title_en: string | null;
    alt_vi: string | null;
    alt_en: string | null;
    caption_vi: string | null;
    caption_en: string | null;
    /** Tác giả ảnh / nguồn: who took the picture or owns the document. */
    credit: string | null;
    doc_title: string | null;
    doc_number: string | null;
    doc_issuer: string | null;
    /** Ngày ban hành, `YYYY-MM-DD`. */
    doc_date: string | null;
    doc_description: string | null;
    width: number | null;
    height: number | null;
    /** Folded (no diacritics, lower case) title, alt text and file name, for search. */
    search_folded: string;
    created_by: string;
    created_at: number;
    updated_at: number;
  };
  portal_media_variants: {
    media_id: string;
    tenant_id: string;
    /** `w640.webp`, `w1024.jpg`…: the last segment of the public URL. */
    name: string;
    file_id: string;
    content_type: string;
    width: number;
    height: number;
    size: number;
  };
}
