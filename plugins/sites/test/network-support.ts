// Shared by the network dashboard and link checker tests: a platform with the portal and the sites
// plugin on the demo province, every unit provisioned, and helpers to publish an article in a unit.
import { createTestPlatform, type TestClient, type TestPlatform, type TestPluginSource } from '@cong/sdk/testing';
import { expect } from 'vitest';
import { DOMAIN, inUnit, NETWORK, PORTAL, SITES } from './registry-support.js';

export interface NetworkHarness {
  readonly t: TestPlatform;
  /** A network admin working in `unit`. */
  network(unit: string): TestClient;
  /** Writes, submits and approves an article in the unit; returns its id and slug. */
  publish(unit: string, input: { title: string; slug: string; body?: string }): Promise<{ id: string; slug: string }>;
}

export async function startNetworkPlatform(dialect: 'sqlite' | 'mysql', options: { sites?: Record<string, unknown>; plugins?: readonly TestPluginSource[] } = {}): Promise<NetworkHarness> {
  const t = await createTestPlatform({
    plugins: [PORTAL, SITES, ...(options.plugins ?? [])],
    database: dialect,
    config: { demo: true, pluginConfig: { sites: { provinceDomain: DOMAIN, ...options.sites } } },
  });
  const network = (unit: string) => inUnit(t.client.as({ id: 'mang-luoi', permissions: [NETWORK] }), unit);
  const provisioned = await network('quang-tri').post('/api/sites/provisioning', { tree: {} });
  expect(provisioned.body.counts?.error, JSON.stringify(provisioned.body)).toBe(0);
  const writer = (unit: string) => inUnit(t.client.as({ id: `phong-vien-${unit}`, permissions: ['portal.content.write'] }), unit);
  const chief = (unit: string) => inUnit(t.client.as({ id: `truong-ban-${unit}`, permissions: ['portal.content.write', 'portal.content.approve'] }), unit);
  return {
    t,
    network,
    async publish(unit, input) {
      const res = await writer(unit).post('/api/portal/articles', { summary: 'Tóm tắt', body: '<p>Nội dung</p>', ...input });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect((await writer(unit).post(`/api/portal/articles/${res.body.id}/transitions/submit`, {})).status).toBe(200);
      const approved = await chief(unit).post(`/api/portal/articles/${res.body.id}/transitions/approve`, {});
      expect(approved.body.status, JSON.stringify(approved.body)).toBe('published');
      return { id: res.body.id as string, slug: res.body.slug as string };
    },
  };
}
