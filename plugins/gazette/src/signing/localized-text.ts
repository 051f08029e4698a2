/** A message in Vietnamese and English, Vietnamese first (the reader of a gazette is Vietnamese). */
export interface LocalizedText {
  readonly vi: string;
  readonly en: string;
}
