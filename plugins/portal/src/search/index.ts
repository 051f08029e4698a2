export { searchPortal, type PortalSearchItem, type PortalSearchOptions, type PortalSearchPage, type PortalSearchUnit } from './search-portal.js';
export { searchPaths } from './search-documents.js';
