import type { z } from 'astro/zod';
import { QUALIFIERS } from '../schemas/qualifier.ts';

const TYPE_NAMES: Record<string, string> = {
  number: '数字',
  int: '整数',
  string: '文字',
  array: '列表',
  object: '对象（若干“键: 值”）',
  boolean: '是/否',
};

function describeValue(value: unknown): string {
  if (value === undefined) return '缺失';
  if (value === null) return '空值';
  if (typeof value === 'number' && !Number.isFinite(value)) return `无法表示的数字（${value}）`;
  if (typeof value === 'string') return `文字“${value}”`;
  if (Array.isArray(value)) return '列表';
  if (value instanceof Date) return '日期';
  return typeof value === 'object' ? '对象' : String(value);
}

/** A value as a message quotes it: text and numbers as written, anything else by its kind. */
function quoteValue(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? `“${String(value)}”` : describeValue(value);
}

/**
 * Plain-Chinese wording of one zod issue. `input` is the offending value, looked up by the
 * caller, because zod 4 issues do not carry it.
 */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) return '缺少必填字段';
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      if (issue.expected === 'number' && typeof input === 'number') {
        return `数值必须是有限的数字，这里是${describeValue(input)}`;
      }
      if (issue.expected === 'number' && typeof input === 'string' && /^[\d,，.]+$/.test(input)) {
        return `应为数字，不能带千位分隔符或引号：写成 ${input.replace(/[,，]/g, '')}`;
      }
      return `应为${expected}，实际是${describeValue(input)}`;
    }
    case 'too_small':
      if (issue.origin === 'number') {
        if (issue.inclusive === false) return `须大于 ${String(issue.minimum)}`; // z.number().positive(): a unit's factor
        return Number(issue.minimum) === 0 ? '不能是负数' : `不能小于 ${String(issue.minimum)}`;
      }
      if (issue.origin === 'array') return `至少要有 ${String(issue.minimum)} 项`;
      return '不能为空';
    case 'too_big':
      return `不能大于 ${String(issue.maximum)}`;
    case 'invalid_value':
      if (input === undefined) return '缺少必填字段'; // zod 4 reports a missing enum field (unit, topic) this way
      return `${quoteValue(input)}不是允许的值；可选：${issue.values.map(String).join('、')}`;
    case 'unrecognized_keys':
      return `未知字段（是否拼错？）`;
    case 'invalid_union':
      return `${Array.isArray(input) ? input.map(quoteValue).join('、') : quoteValue(input)}不是允许的限定词；可选：${QUALIFIERS.join('、')}（一个，或它们的列表）`;
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的整数倍`;
    default:
      return issue.message;
  }
}
