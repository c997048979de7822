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
  // scripts/build.ts keeps a cache per dist (src/publishing/releases.ts); otherwise Astro's default.
  ...(process.env.PORTAL_CACHE_DIR ? { cacheDir: process.env.PORTAL_CACHE_DIR } : {}),
  // The search index is written when the pages are (astro:build:done): `astro build` alone is searchable.
  integrations: [contentValidation(), mdx(), searchIndex()],
  // Scripts and styles always as files, never inlined: the pages' CSP allows no inline code.
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
  // Pages whose cacheKey (src/routing/cache-key.ts) and code are unchanged are copied from the previous build.
  experimental: { incrementalBuild: true },
});
