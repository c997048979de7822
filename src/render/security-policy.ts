// The portal's security policy, in one place: the pages' <meta> CSP (src/layouts/BaseLayout.astro)
// and the HTTP headers the web server adds (deploy/nginx/, generated from here by
// `npm run nginx:config`) both come from these lists.

/** Only this site's own files: no inline script, no other origin (content cannot add any). */
const PAGE_DIRECTIVES = [
  "default-src 'self'",
  // Pagefind's search runs WebAssembly; nothing evaluates JavaScript from strings.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-src 'none'",
];

/**
 * What only an HTTP header can say: browsers ignore frame-ancestors in a <meta> CSP (and
 * warn about it), so refusing to be framed needs the header.
 */
const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"];

/** The policy of the <meta http-equiv="Content-Security-Policy"> on every page. */
export const PAGE_CSP = PAGE_DIRECTIVES.join('; ');

/** The Content-Security-Policy header: the page policy and what only a header can enforce. */
export const HEADER_CSP = [...PAGE_DIRECTIVES, ...HEADER_ONLY_DIRECTIVES].join('; ');

/**
 * Every response's security headers (pages, files, redirects and errors alike). Permissions-Policy
 * turns off what the portal never uses; only features Chromium knows, or it warns on every page.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': HEADER_CSP,
  'X-Content-Type-Options': 'nosniff',
  // Older browsers that know no frame-ancestors (still found on office machines).
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
};

/** For HTTPS hosts only (deploy/nginx/README.md says when to turn it on): one year, this host. */
export const HSTS_HEADER = { name: 'Strict-Transport-Security', value: 'max-age=31536000' } as const;
