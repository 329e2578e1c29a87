// npm run validate [-- --content DIR]: check and normalize content without building the site.
import { contentDir } from '../src/build/args.ts';
import { prepare } from '../src/dataset/prepare.ts';
import { linkSummary } from '../src/normalize/indicator-links.ts';

const result = prepare(contentDir());
if (result.ok) console.log(linkSummary(result.dataset!.reports, result.dataset!.unlinked_indicators));
if (result.ok) console.log(`内容无误：读入 ${result.reportsIn} 份报告。`);
process.exit(result.ok ? 0 : 1);
