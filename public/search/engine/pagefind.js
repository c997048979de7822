// Pagefind's Default UI loads `${bundlePath}pagefind.js`; on the search page its bundlePath is
// this folder. This module hands every call to the portal's search engine
// (src/lib/search-engine.ts), which the page's own script made before it started the UI. The
// engine runs the real /pagefind/pagefind.js with synonyms and segmentation-safe queries.
const engine = globalThis.kaifuPortalSearch;
if (!engine) throw new Error('搜索引擎未初始化：本文件只能由搜索页加载 (load from the search page only)');

export const options = (opts) => engine.options(opts);
export const init = () => engine.init();
export const search = (term, opts) => engine.search(term, opts);
export const debouncedSearch = (term, opts, ms) => engine.debouncedSearch(term, opts, ms);
export const preload = (term, opts) => engine.preload(term, opts);
export const filters = () => engine.filters();
export const mergeIndex = (path, opts) => engine.mergeIndex(path, opts);
export const destroy = () => engine.destroy();
