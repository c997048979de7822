// npm run serve:nginx [-- --port N]: the built site (PORTAL_DIST, default dist; built with
// PORTAL_BASE, default /) served by Debian's nginx with the shipped configuration, on
// 127.0.0.1, in the foreground until Ctrl-C. See deploy/nginx/README.md.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startNginx } from '../src/publishing/nginx.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: '8080' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`--port 应是 1–65535 之间的整数 (a port number): ${values.port}`);
  process.exit(1);
}
const dist = resolve(process.env.PORTAL_DIST ?? 'dist');
if (!existsSync(resolve(dist, 'index.html'))) {
  console.error(`${dist} 里没有构建好的网站，请先运行 npm run build (no built site: run npm run build first)`);
  process.exit(1);
}
const server = await startNginx(dist, process.env.PORTAL_BASE ?? '/', port);
console.log(`nginx 已启动 (serving) ${dist}\n  ${server.url}\n配置与日志 (config and logs): ${server.prefix}\n按 Ctrl-C 停止 (Ctrl-C stops it)`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void server.close().then(() => process.exit(0)));
}
