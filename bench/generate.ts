// Generated tables for benchmarks: realistic shape (sections, subsections, tasks with a
// long requirement, units, deadlines) and a sprinkle of real defects.

import { toChineseNumeral as cn } from "../server/src/core/syntax/numerals.js";

const UNITS = ["区发改局", "区财政局", "区政务信息中心", "区科信局", "文旅局", "教育局", "区卫健局", "区民政局", "区人社局", "各街道", "各部门", "区司法局"];
const REQ =
  "除法律法规另有规定或内容涉密外，“十四五”发展规划和专项规划、空间规划、区域规划一经批准，及时通过政府门户网站设立专题，并在政府信息公开专栏集中展示，更好地引导全社会关心、支持、监督规划实施（闽政办函〔2021〕20号）。";

/** A table of about `lines` lines. */
export function generateTable(lines: number): string {
  const out: string[] = ["# 生成的政务公开工作任务分解表", "列：工作任务 | 工作要求 | 牵头单位 | 责任单位", ""];
  let task = 0;
  let section = 0;
  while (out.length < lines) {
    section++;
    out.push(`${cn(section)}、第${section}部分工作任务`);
    for (let s = 1; s <= 12 && out.length < lines; s++) {
      out.push(`（${cn(s)}）做好第${s}类信息公开`);
      for (let k = 0; k < 12 && out.length < lines; k++) {
        task++;
        const n = task % 997 === 0 ? task + 1 : task; // now and then a gap
        out.push(`${n}. 主动公开第${task}项工作任务的相关信息。`);
        out.push(`   要求：${REQ}`);
        out.push(`         并按要求做好解读和回应工作。`);
        out.push(task % 50 === 0 ? "   牵头：" : `   牵头：${UNITS[task % UNITS.length]}`);
        out.push(`   责任：${UNITS[(task + 3) % UNITS.length]}、${UNITS[(task + 4) % UNITS.length]}，${UNITS[(task + 5) % UNITS.length]}`);
        out.push(`   时限：2021年${(task % 12) + 1}月底前`);
      }
    }
  }
  return out.join("\n") + "\n";
}
