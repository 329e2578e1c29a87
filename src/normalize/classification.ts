import type { ContentFile } from '../schema/content.ts';
import type { Report } from '../schema/report.ts';
import { tidy } from '../text/chars.ts';
import type { ReportEnv } from './context.ts';

export type Classification = Pick<Report, 'sector' | 'sector_rule' | 'department_type' | 'department_type_rule'>;

/** Written where neither the file nor a rule gives a value; the file then has an error and makes no record. */
const UNKNOWN = '未注明';

/**
 * A report's sector and department type: as its content file states them — which must be names of
 * content/sectors.yaml — or, where it states none, from its department's name by the rules of sectors.yaml
 * (src/read/department-rules.ts), recording the rule that matched. A name no rule matches is an error at the
 * department, with the two ways out.
 */
export function classifyDepartment(file: Pick<ContentFile, 'department' | 'sector' | 'department_type'>, env: ReportEnv): Classification {
  const { rules, region } = env;
  const department = tidy(file.department);

  let sector = file.sector === undefined ? null : tidy(file.sector);
  let sectorRule: string | null = null;
  if (sector !== null) {
    if (!rules.sector(sector)) {
      env.report('error', ['sector'], `行业「${sector}」不在 content/sectors.yaml 中`, `照已有写法填写（${rules.sectorNames()}），或先在 sectors.yaml 中加上这个行业。`, file.sector);
    }
  } else {
    const match = rules.sectorOf(department, [region.province.name, region.city.name, region.name]);
    if (match) {
      sector = match.entry.name;
      sectorRule = match.rule;
    } else {
      sector = UNKNOWN;
      env.report(
        'error',
        ['department'],
        `没有写行业（sector），部门名称「${department}」也不含 content/sectors.yaml 中任何行业的名称片段，无法判定行业`,
        `在报告文件中写上 sector（${rules.sectorNames()}之一），或在 content/sectors.yaml 相应行业的 patterns 中加上这个部门名称中的片段。`,
        file.department,
      );
    }
  }

  let type = file.department_type === undefined ? null : tidy(file.department_type);
  let typeRule: string | null = null;
  if (type !== null) {
    if (!rules.type(type)) {
      env.report('error', ['department_type'], `单位类型「${type}」不在 content/sectors.yaml 中`, `照已有写法填写（${rules.typeNames()}），或先在 sectors.yaml 的 department_types 中加上这个类型。`, file.department_type);
    }
  } else {
    const match = rules.typeOf(department);
    if (match) {
      type = match.entry.name;
      typeRule = match.rule;
    } else {
      type = UNKNOWN;
      env.report(
        'error',
        ['department'],
        `没有写单位类型（department_type），部门名称「${department}」的结尾也不符合 content/sectors.yaml 中任何单位类型，无法判定`,
        `在报告文件中写上 department_type（${rules.typeNames()}之一），或在 content/sectors.yaml 相应类型的 suffixes 中加上这个名称的结尾。`,
        file.department,
      );
    }
  }
  return { sector, sector_rule: sectorRule, department_type: type, department_type_rule: typeRule };
}
