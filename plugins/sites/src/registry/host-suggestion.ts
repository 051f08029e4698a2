import { fold } from '@cong/sdk';

/** A unit as host suggestions read it. */
export interface NamedUnit {
  readonly id: string;
  readonly nameVi: string;
  /** `province`, `department`, `commune`, `ward`, `special-zone` or `district`. */
  readonly kind: string;
}

/** Kinds whose host is the place's name (CORE-02 `tenphuongxa`), and the words that name the kind. */
const PLACE_KINDS: Readonly<Record<string, readonly string[]>> = {
  commune: ['xa'],
  ward: ['phuong'],
  'special-zone': ['dac khu'],
  district: ['huyen', 'thi xa', 'thanh pho', 'quan'],
};

/** Long names of state bodies that Vietnamese domain names write as their usual abbreviation. */
const ABBREVIATIONS: readonly (readonly [string, string])[] = [
  ['uy ban nhan dan', 'ubnd'],
  ['hoi dong nhan dan', 'hdnd'],
];

/** Words of a name folded (no diacritics, đ → d, lower case), anything but letters and digits a space. */
function words(name: string): string {
  return fold(name).replace(/[^a-z0-9]+/g, ' ').trim();
}

/** A DNS label: letters and digits only, at most 63 characters. */
const label = (text: string) => text.replace(/[^a-z0-9]/g, '').slice(0, 63);

/** The province's name without its kind word: `Tỉnh Quảng Trị` → `quang tri`. */
export function provinceWords(provinceName: string): string {
  return words(provinceName).replace(/^(tinh|thanh pho) /, '');
}

/**
 * The province's own domain by CORE-02 (`tentinhthanh.gov.vn`): its full name without diacritics.
 * `Tỉnh Quảng Trị` → `quangtri.gov.vn`.
 */
export function provinceDomainFor(provinceName: string): string {
  return `${label(provinceWords(provinceName)) || 'tinh'}.gov.vn`;
}

/**
 * The host label a unit's name gives by CORE-02, before collisions: `base`, and for communes, wards,
 * special zones (and legacy districts) `withKind`, the first way out of a collision. The rule:
 *
 * 1. fold the Vietnamese name (no diacritics, `đ` → `d`), keep letters and digits;
 * 2. drop the province ("tỉnh Quảng Trị", "thành phố …"), then a trailing "tỉnh": every unit is the province's;
 * 3. write "Ủy ban nhân dân" as `ubnd` and "Hội đồng nhân dân" as `hdnd`, and drop "và";
 * 4. a department keeps its agency word (`sotaichinh`: "Sở" is what tells it from the commune of the
 *    same name); a commune-level unit drops its kind word (`hailang` for "Xã Hải Lăng": `tenphuongxa`);
 * 5. join without separators, at most 63 characters; a name of generic words only falls back to the slug.
 */
export function hostLabels(unit: NamedUnit, province: string, slug: string): { readonly base: string; readonly withKind: string | undefined } {
  let text = ` ${words(unit.nameVi)} `;
  if (province !== '') text = text.replace(` tinh ${province} `, ' ').replace(` thanh pho ${province} `, ' ');
  text = text.replace(/ (tinh|thanh pho) $/, ' ');
  for (const [long, short] of ABBREVIATIONS) text = text.replace(` ${long} `, ` ${short} `);
  text = text.replace(/ va /g, ' ').trim();
  const kindWords = PLACE_KINDS[unit.kind];
  const kindWord = kindWords?.find((w) => text === w || text.startsWith(`${w} `));
  const place = kindWord ? text.slice(kindWord.length).trim() : text;
  const base = label(place) || label(slug);
  return { base, withKind: kindWord && label(place) ? label(`${kindWord}${place}`) : undefined };
}

/**
 * Suggested primary hosts by CORE-02 for `units`, in order: the province's own domain for the
 * province, `<label>.<domain>` for every other unit. A suggestion never takes a host of another unit
 * (`taken`: host → owning unit, archived units included, since their hosts redirect) nor one suggested
 * earlier in the batch: the first free of `base`, `withKind`, `base2`, `base3`…; the same input always
 * gives the same hosts. A unit may be suggested a host it already has.
 */
export function suggestHosts(
  units: readonly (NamedUnit & { readonly slug: string })[],
  options: { readonly domain: string; readonly provinceName: string; readonly taken: ReadonlyMap<string, string> },
): Map<string, string> {
  const suggested = new Set<string>();
  const province = provinceWords(options.provinceName);
  const out = new Map<string, string>();
  for (const unit of units) {
    const free = (host: string) => !suggested.has(host) && (options.taken.get(host) ?? unit.id) === unit.id;
    const { base, withKind } = hostLabels(unit, province, unit.slug);
    const candidates = [...(unit.kind === 'province' ? [options.domain] : []), `${base}.${options.domain}`, ...(withKind ? [`${withKind}.${options.domain}`] : [])];
    let host = candidates.find(free);
    for (let n = 2; host === undefined; n++) {
      const numbered = `${base.slice(0, 63 - String(n).length)}${n}.${options.domain}`;
      if (free(numbered)) host = numbered;
    }
    out.set(unit.id, host);
    suggested.add(host);
  }
  return out;
}
