import { defineConfig } from 'tsup';
import { nodeConfig } from '../../tsup.config.base.js';

export default defineConfig({ ...nodeConfig, entry: { index: 'src/index.ts', 'api/index': 'src/api/index.ts' } });
