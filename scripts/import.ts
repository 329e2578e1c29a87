// npm run import -- <file.pdf|file.txt|folder/> [--region CODE] [--year YYYY] [--out PATH] [--force]: draft a content file.
import { parseImportArgs, runImport, USAGE } from '../src/importer/import-command.ts';

const args = parseImportArgs(process.argv.slice(2));
if ('error' in args) {
  console.error(`✗ ${args.error}\n用法：${USAGE}`);
  process.exit(1);
}
process.exit(await runImport(args));
