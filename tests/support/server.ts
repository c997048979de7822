import { startNginx, type RunningNginx } from '../../src/publishing/nginx.ts';

/** A built site served on loopback: the URL of its base, and how to stop it. */
export type StaticServer = Pick<RunningNginx, 'url' | 'close'>;

/**
 * Serves a built site from `dir` under `base` the way the bureau will: Debian's nginx with the
 * shipped configuration (deploy/nginx/, via src/publishing/nginx.ts), on a free loopback port.
 */
export function serveStatic(dir: string, base = '/'): Promise<StaticServer> {
  return startNginx(dir, base);
}
