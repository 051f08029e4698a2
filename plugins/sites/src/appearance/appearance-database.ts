/** Kysely table types of the appearance area (`sites_appearance`, `sites_network_appearance`). Times are epoch milliseconds. */
export interface AppearanceDatabase {
  sites_appearance: {
    tenant_id: string;
    /** JSON of an `Appearance`. */
    published: string;
    draft: string | null;
    preview_token: string | null;
    published_at: number | null;
    published_by: string | null;
    updated_at: number;
    updated_by: string;
  };
  sites_network_appearance: {
    /** The province (the root unit): the only unit that sets the network's locked parts. */
    tenant_id: string;
    header_line: string;
    footer_note: string;
    updated_at: number;
    updated_by: string;
  };
}

export type AppearanceRow = AppearanceDatabase['sites_appearance'];
