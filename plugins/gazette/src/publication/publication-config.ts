import type { PluginRegistrar } from '@cong/sdk';
import type { SigningConfig } from '../signing/index.js';

/** The `publication` section of the plugin's configuration, as read (everything optional). */
export interface PublicationConfigSection {
  /**
   * Publish issues without a digital signature when `signing.mode` is `none`. Default false: without a
   * signer, publication is refused with `GAZETTE_ERR_UNSIGNED_REFUSED` (GAZ-23 asks for a signed issue).
   */
  readonly allowUnsigned?: boolean;
  /** The province as the cover prints it, without "tỉnh". Default: the office unit's name without "Tỉnh ". */
  readonly provinceName?: string;
  /** The publisher on the last page (GAZ-20). Default: "Văn phòng Ủy ban nhân dân tỉnh <province>" and placeholders. */
  readonly publisher?: Partial<PublisherConfig>;
  /** Where the signature says the issue was signed. Default: the province name. */
  readonly signingLocation?: string;
}

export interface PublisherConfig {
  readonly name: string;
  readonly address: string;
  readonly phone: string;
  readonly email: string;
  readonly website: string;
}

/** What the publication area reads from the plugin configuration. */
export interface PublicationConfig {
  readonly allowUnsigned: boolean;
  readonly provinceName: string | undefined;
  readonly publisher: Partial<PublisherConfig>;
  readonly signingLocation: string | undefined;
  readonly signing: SigningConfig;
}

export function publicationConfig(reg: PluginRegistrar): PublicationConfig {
  const config = reg.config<{ publication?: PublicationConfigSection; signing?: SigningConfig }>();
  const section = config.publication ?? {};
  return {
    allowUnsigned: section.allowUnsigned === true,
    provinceName: section.provinceName,
    publisher: section.publisher ?? {},
    signingLocation: section.signingLocation,
    signing: config.signing ?? {},
  };
}
