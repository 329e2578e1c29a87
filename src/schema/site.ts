import { z } from 'zod';
import { field } from './meta.ts';

/**
 * content/site.yaml: what the web team configures once. Government sites are inspected for their footer
 * (主办单位, 联系方式, ICP备案号, 公安机关备案号, 网站标识码) and page metadata, so these are fields of their own.
 */
const Optional = z.string().nullish().transform((v) => (v ?? '').trim());

export const SiteFile = z.strictObject({
  title: field(z.string().min(1), '站点标题'),
  base: field(z.string().regex(/^\/(?:[^/]+\/)*$/, '应以 / 开头和结尾，如 /xxgk/jxgk/').default('/'), '基础路径', '部署的子路径；环境变量 BASE_PATH 可覆盖'),
  url: field(Optional, '站点网址', '协议和域名，如 https://www.example.gov.cn（不含基础路径）'),
  organizer: field(Optional, '主办单位'),
  contact: field(
    z.strictObject({ phone: field(Optional, '联系电话'), email: field(Optional, '电子邮箱'), address: field(Optional, '通信地址') }).default({ phone: '', email: '', address: '' }),
    '联系方式',
  ),
  icp: field(Optional, 'ICP备案号', '如 粤ICP备12345678号；页脚链接到工业和信息化部备案系统'),
  police_record: field(Optional, '公安机关备案号', '如 粤公网安备 44010602000001号；页脚链接到全国互联网安全管理服务平台'),
  site_id: field(Optional, '网站标识码', '政府网站标识码，如 4401000001'),
  keywords: field(Optional, '关键词', '页面 Keywords 元数据，逗号分隔'),
  license: field(z.strictObject({ name: z.string(), path: z.string().optional(), title: z.string().optional() }).optional(), '数据许可'),
  search_parts: field(
    z.enum(['auto', 'year', 'whole']).default('auto'),
    '搜索索引分部分',
    'auto：报告超过 1,500 份时按年度分部分建索引，否则建一个索引；year：总是按年度分部分；whole：总是一个索引（报告很多时构建需要很多内存）',
  ),
});
export type SiteConfig = z.infer<typeof SiteFile>;

/** Footer items a government site is inspected for; an empty one is a build warning, never invented. */
export const FOOTER_ITEMS = [
  ['organizer', '主办单位'],
  ['contact', '联系方式'],
  ['icp', 'ICP备案号'],
  ['police_record', '公安机关备案号'],
  ['site_id', '网站标识码'],
  ['url', '站点网址'],
] as const;
