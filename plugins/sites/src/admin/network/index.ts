// The network dashboard page (`sites-network`).
export * from './network-dashboard.js';
