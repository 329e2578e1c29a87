import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ContentFile } from '../../src/schema/content.ts';
import { Dataset } from '../../src/schema/dataset.ts';
import { fieldAt, labelAt } from '../../src/schema/meta.ts';

describe('field labels come from the schema', () => {
  it('labels nested fields, through lists, unions and preprocessing', () => {
    expect(labelAt(ContentFile, ['department'])).toBe('部门');
    expect(labelAt(ContentFile, ['finance', 0, 'value'])).toBe('金额或比率');
    expect(labelAt(ContentFile, ['score', 'modules', 1, 'score'])).toBe('模块得分');
    expect(labelAt(ContentFile, ['key_indicators', 0, 'actual'])).toBe('完成值');
    expect(fieldAt(ContentFile, ['region']).title).toBe('地区代码');
  });
  it('has no label for a key that is not in the schema', () => {
    expect(labelAt(ContentFile, ['secto'])).toBeUndefined();
  });
  it('the normalized schema converts to JSON Schema with its Chinese titles', () => {
    const schema = z.toJSONSchema(Dataset) as { properties: Record<string, unknown> };
    expect(JSON.stringify(schema)).toContain('"title":"口径"');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['schema_version', 'regions', 'reports', 'districts', 'indicator_catalogue']));
  });
});
