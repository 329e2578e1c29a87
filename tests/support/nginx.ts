import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NGINX = '/usr/sbin/nginx';

/** The nginx configuration of the README, exactly as users copy it. */
export function readmeSnippet(): string {
  const readme = readFileSync('README.md', 'utf8');
  const m = /<!-- nginx-snippet:start -->\s*```nginx\n([\s\S]*?)```\s*<!-- nginx-snippet:end -->/.exec(readme);
  if (!m) throw new Error('README 中没有 nginx 配置片段');
  return m[1]!;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Starts Debian's nginx with the README snippet, serving `dist` where the snippet says /srv/www/jxgk/. */
export async function startNginx(dist: string): Promise<{ origin: string; stop(): Promise<void> }> {
  if (!existsSync(NGINX)) throw new Error('找不到 nginx：请先 apt-get install nginx（.ci/run 会安装）。');
  const dir = mkdtempSync(join(tmpdir(), 'jx-nginx-'));
  for (const d of ['client', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, d));
  const port = await freePort();
  const root = process.getuid?.() === 0;
  const conf = `
${root ? 'user root;' : ''}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/client; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
${readmeSnippet().replaceAll('/srv/www/jxgk/', `${dist.replace(/\/$/, '')}/`)}
  }
}`;
  writeFileSync(join(dir, 'nginx.conf'), conf);
  const proc: ChildProcess = spawn(NGINX, ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(origin);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    origin,
    stop: () =>
      new Promise((resolve) => {
        proc.once('exit', () => resolve());
        proc.kill('SIGQUIT');
      }),
  };
}
