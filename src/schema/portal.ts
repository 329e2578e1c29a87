import { z } from 'zod';
import { field } from './meta.ts';

/**
 * portal.yaml: a province-wide site built from shards. Each shard (a city, a district) builds and deploys its own
 * site; the portal merges their published datasets into one comparison and their search indexes into one search.
 */
export const PortalFile = z.strictObject({
  shards: field(
    z
      .array(
        z.strictObject({
          name: field(z.string().min(1), '分站名称'),
          base: field(z.string().regex(/^\/(?:[^/]+\/)*$/, '应以 / 开头和结尾，如 /guangzhou/'), '分站基础路径', '分站部署的路径（它的 BASE_PATH），报告链接指向这里'),
          dist: field(z.string().min(1), '分站构建目录', '分站 npm run build 的输出目录（相对于 portal.yaml），读取其中的 data/reports.json'),
        }),
      )
      .min(1),
    '分站',
  ),
});
export type PortalFile = z.infer<typeof PortalFile>;
