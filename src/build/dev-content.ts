import { relative, resolve, sep } from 'node:path';
import type { AstroIntegration } from 'astro';

/**
 * Under `astro dev`, an edit in content/ shows on the next request. src/views/site-data.ts notices the change and
 * normalizes again, but Astro's dev server keeps each route's getStaticPaths() result (its pages and their props)
 * until told that content changed: this tells it, with the event Astro's own content collections send, and reloads
 * open browser tabs. tests/build/dev-server.test.ts edits a content file under a running dev server.
 */
export function devContent(contentDir = 'content'): AstroIntegration {
  const dir = resolve(contentDir);
  return {
    name: 'jixiao-dev-content',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        server.watcher.add(dir);
        const changed = (path: string) => {
          if (path !== dir && !path.startsWith(dir + sep)) return;
          for (const [name, environment] of Object.entries(server.environments)) {
            if (name !== 'client') environment.hot.send('astro:content-changed', {});
          }
          server.environments.client.hot.send({ type: 'full-reload', path: '*' });
          logger.info(`${relative(process.cwd(), path)} 已修改：下一次请求时重新读取内容`);
        };
        for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, changed);
      },
    },
  };
}
