// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { contentValidation } from './src/integrations/content-validation.ts';
import { searchIndex } from './src/integrations/search-index.ts';

// Where the portal is published: the one place to change for another host or a sub-path.
// PORTAL_SITE / PORTAL_BASE override them for a build (tests build under a sub-path).
const site = process.env.PORTAL_SITE ?? 'https://minzheng.kaifu.example';
const base = process.env.PORTAL_BASE ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  outDir: process.env.PORTAL_OUT_DIR ?? './dist',
  // The search index is written when the pages are (astro:build:done): `astro build` alone is searchable.
  integrations: [contentValidation(), mdx(), searchIndex()],
  // Scripts and styles always as files, never inlined: the pages' CSP allows no inline code.
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
});
