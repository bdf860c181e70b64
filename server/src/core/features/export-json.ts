// The model as plain JSON: what `tasktable export --to json` prints and other tools read.

import type { Model, Task } from "../model/model.js";

export interface TaskJson {
  number: number | null;
  title: string;
  section: number | null;
  subsection: number | null;
  requirement: string | null;
  lead: string[];
  partners: string[];
  deadline: string | null;
  note: string | null;
  /** Fields whose label the format does not know (分管领导：…), as written. */
  other: { label: string; text: string }[];
  line: number;
  items: TaskJson[];
}

export interface ModelJson {
  title: string | null;
  columns: string[] | null;
  sections: { number: number | null; title: string; line: number }[];
  subsections: { number: number | null; title: string; section: number | null; line: number }[];
  tasks: TaskJson[];
  /** Items with no task above them (under a heading): TT106 reports them; kept here all the same. */
  orphanItems: TaskJson[];
  notes: { text: string; line: number }[];
}

const unique = (xs: string[]) => [...new Set(xs)];

function taskJson(t: Task): TaskJson {
  return {
    number: t.number,
    title: t.title,
    section: t.section?.number ?? null,
    subsection: t.subsection?.number ?? null,
    requirement: t.requirement,
    lead: unique(t.lead.map((u) => u.canonical)),
    partners: unique(t.partners.map((u) => u.canonical)),
    deadline: t.deadline,
    note: t.note,
    other: t.fields.filter((f) => f.role === null).map((f) => ({ label: f.label, text: f.text })),
    line: t.line + 1,
    items: t.items.map(taskJson),
  };
}

export function modelToJson(model: Model): ModelJson {
  const text = model.tree.text;
  return {
    title: model.title,
    columns: model.columns,
    sections: model.sections.map((s) => ({ number: s.number, title: s.title, line: s.line + 1 })),
    subsections: model.subsections.map((s) => ({ number: s.number, title: s.title, section: s.section?.number ?? null, line: s.line + 1 })),
    tasks: model.tasks.map(taskJson),
    orphanItems: model.orphanItems.map(taskJson),
    notes: model.notes.map((n) => ({ text: n.segments.map((r) => text.slice(r.start, r.end)).join("\n"), line: n.line + 1 })),
  };
}
