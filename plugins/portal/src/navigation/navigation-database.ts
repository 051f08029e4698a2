/** Kysely table types of the navigation area (menus and banners). Times are epoch milliseconds. */
export type MenuLocation = 'main' | 'footer' | 'quick-links';
export const MENU_LOCATIONS: readonly MenuLocation[] = ['main', 'footer', 'quick-links'];

/** What a menu item points at: a category, page or article by slug; the legal list; a site path; an https URL. */
export type MenuTargetKind = 'category' | 'page' | 'article' | 'legal' | 'path' | 'url';
export const MENU_TARGET_KINDS: readonly MenuTargetKind[] = ['category', 'page', 'article', 'legal', 'path', 'url'];

export type BannerPlacement = 'home-top' | 'home-side' | 'footer';
export const BANNER_PLACEMENTS: readonly BannerPlacement[] = ['home-top', 'home-side', 'footer'];

export interface NavigationDatabase {
  portal_menus: {
    id: string;
    tenant_id: string;
    location: MenuLocation;
    updated_by: string;
    created_at: number;
    updated_at: number;
  };
  portal_menu_items: {
    id: string;
    tenant_id: string;
    menu_id: string;
    parent_id: string | null;
    sort_order: number;
    label_vi: string;
    label_en: string | null;
    target_kind: MenuTargetKind;
    target_value: string;
    new_tab: number;
  };
  portal_banners: {
    id: string;
    tenant_id: string;
    placement: BannerPlacement;
    image_url: string;
    alt_vi: string;
    alt_en: string;
    link_url: string | null;
    starts_at: number | null;
    ends_at: number | null;
    sort_order: number;
    active: number;
    created_by: string;
    created_at: number;
    updated_at: number;
  };
}

export type MenuItemRow = NavigationDatabase['portal_menu_items'];
export type BannerRow = NavigationDatabase['portal_banners'];
