/**
 * Forms of legal documents (hình thức văn bản). A fixed list with `other`, whose name the unit types
 * (`typeName`): the list covers what units issue and receive; anything else is "other" with a name.
 */
export const LEGAL_TYPES = {
  luat: 'Luật',
  nghi_dinh: 'Nghị định',
  nghi_quyet: 'Nghị quyết',
  quyet_dinh: 'Quyết định',
  chi_thi: 'Chỉ thị',
  thong_tu: 'Thông tư',
  cong_van: 'Công văn',
  ke_hoach: 'Kế hoạch',
  thong_bao: 'Thông báo',
  other: 'Khác',
} as const;
export type LegalType = keyof typeof LEGAL_TYPES;
export const LEGAL_TYPE_IDS = Object.keys(LEGAL_TYPES) as LegalType[];

/**
 * Relations, read from the document that holds them (`from`) to the one they point at (`to`): A
 * `replaces` B (B is replaced by A), A `partly_replaces` B, A `amends` B (sửa đổi, bổ sung), A `guides` B
 * (hướng dẫn), A `corrects` B (đính chính: B is corrected by A).
 */
export const RELATION_KINDS = ['replaces', 'partly_replaces', 'amends', 'guides', 'corrects'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/** How a relation reads from the other end. */
export const INVERSE_RELATION: Readonly<Record<RelationKind, string>> = {
  replaces: 'replaced_by',
  partly_replaces: 'partly_replaced_by',
  amends: 'amended_by',
  guides: 'guided_by',
  corrects: 'corrected_by',
};
export const RELATION_LABELS = [
  'replaces', 'replaced_by', 'partly_replaces', 'partly_replaced_by', 'amends', 'amended_by', 'guides', 'guided_by', 'corrects', 'corrected_by',
] as const;
export type RelationLabel = (typeof RELATION_LABELS)[number];
