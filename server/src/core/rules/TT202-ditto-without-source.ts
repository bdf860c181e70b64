import type { Rule } from "./types.js";
import type { Task } from "../model/model.js";
import { allTasks } from "./util.js";

export const dittoWithoutSource: Rule = {
  code: "TT202",
  name: "ditto-without-source",
  severity: "error",
  description: {
    zh: "“同上”上面没有可沿用的内容：它是第一个任务，或上一个任务没有这一栏。",
    en: "“同上” has nothing above to copy: it is in the first task, or the task above lacks that field.",
  },
  check(ctx) {
    const { model } = ctx;
    const first = model.tasks[0];
    // Indexed loops: this runs once a check, often before the engine optimises it, and a
    // for-of there makes an iterator and a result object at every step (tasks × fields).
    const tasks = allTasks(model);
    for (let i = 0; i < tasks.length; i++) {
      const task = tasks[i];
      const fields = task.fields;
      for (let j = 0; j < fields.length; j++) {
        const f = fields[j];
        for (let k = 0; k < f.unresolvedDitto.length; k++) ctx.report({ range: f.unresolvedDitto[k], message: why(task, first, f.label) });
      }
    }
  },
};

/** What 同上 would have copied from, and why that has nothing: as the model looks it up. */
function why(task: Task, first: Task | undefined, label: string) {
  if (task.level === 3 && task === first) {
    return { zh: "“同上”无处可沿用：这是第一个任务，上面没有任务。", en: "“同上” has nothing to copy: this is the first task." };
  }
  if (task.level === 4) {
    if (!task.parent) {
      return { zh: "“同上”无处可沿用：这个事项不在任何任务之下。", en: "“同上” has nothing to copy: this item is not inside a task." };
    }
    if (task.parent.items[0] === task) {
      return { zh: `“同上”无处可沿用：所属任务没有“${label}”的内容。`, en: `“同上” has nothing to copy: the item's task has no “${label}”.` };
    }
    return { zh: `“同上”无处可沿用：上一个事项没有“${label}”的内容。`, en: `“同上” has nothing to copy: the item above has no “${label}”.` };
  }
  return { zh: `“同上”无处可沿用：上一个任务没有“${label}”的内容。`, en: `“同上” has nothing to copy: the task above has no “${label}”.` };
}
