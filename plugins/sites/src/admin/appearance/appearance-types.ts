// The appearance API's shapes as the admin pages read them (src/appearance/appearance.schema.ts).

export interface Branding {
  readonly primary: string | null;
  readonly accent: string | null;
  readonly logo: string | null;
  readonly logoAlt: string | null;
}

export interface HomeEntry {
  readonly block: string;
  readonly settings?: Readonly<Record<string, unknown>>;
}

export interface Appearance {
  readonly theme: string;
  readonly branding: Branding;
  readonly home: readonly HomeEntry[] | null;
}

export interface AppearanceView {
  readonly published: Appearance;
  readonly draft: Appearance | null;
  readonly previewToken: string | null;
  readonly fromTemplate: boolean;
  readonly publishedAt: string | null;
  readonly publishedBy: string | null;
  readonly updatedAt: string | null;
}

export interface ThemeColours {
  readonly primary: string;
  readonly onPrimary: string;
  readonly accent: string;
  readonly text: string;
  readonly background: string;
  readonly muted: string;
}

export interface SettingProperty {
  readonly type?: string;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
}

export interface Catalogue {
  readonly themes: readonly { readonly id: string; readonly label: { readonly vi: string; readonly en: string }; readonly colours: ThemeColours }[];
  readonly blocks: readonly { readonly id: string; readonly label: { readonly vi: string; readonly en: string }; readonly settingsSchema: { readonly properties?: Readonly<Record<string, SettingProperty>>; readonly required?: readonly string[] } }[];
}

/** The parts the province locks for every site. */
export interface NetworkAppearance {
  readonly headerLine: string;
  readonly footerNote: string;
}
