// syntax tree -> model.

import type { FieldNode, HeadingNode, NoteNode, SyntaxTree, TaskNode } from "../syntax/nodes.js";
import type { Role } from "../syntax/labels.js";
import { isUnitRole } from "../syntax/labels.js";
import { own, shiftRange, type Range } from "../text.js";
import { Memo, MemoKey } from "../memo.js";
import type { Settings } from "../settings.js";
import type { CheckedTask, EffectiveRole, Field, Model, Resolution, Section, Subsection, Task, Unit } from "./model.js";
import type { ListItem } from "./units.js";
import { PARSED_ON, TAKEN_TAIL, type TakenTail } from "../syntax/parser.js";
import { DITTO, isConjunction, splitUnits } from "./units.js";

/**
 * With `previous`, the model of an earlier version built with the same settings whose tree
 * shares its first nodes with this one (a parse that picked up after an edit): the sections
 * that lie wholly in those shared nodes are taken over with their tasks, and the model is
 * built from the next section heading on. Where the parse also took over the previous tree's
 * last nodes, what was built from them is taken over too, moved as their nodes were (the
 * previous model is handed over with its tree); subsections and tasks before the first
 * section heading among them join the section built here. The result equals a model built
 * afresh.
 */
export function buildModel(tree: SyntaxTree, settings: Settings, previous?: Model): Model {
  const { text } = tree;
  const slice = (r: Range) => text.slice(r.start, r.end);

  // Does 责任 mean the lead or the partners here?
  let hasLeadLabel = false;
  const columns: string[] = [];
  let hasColumns = false;
  let title: string | null = null;
  for (const n of tree.nodes) {
    if (n.kind === "columns") {
      hasColumns = true;
      for (const c of n.cells) {
        const t = slice(c);
        columns.push(t);
        if (tree.labels.get(t) === "lead") hasLeadLabel = true;
      }
    } else if (n.kind === "title" && title === null) title = slice(n.text);
    else if (n.kind === "task" && !hasLeadLabel) hasLeadLabel = taskHasLead(n);
  }
  const leadSource: "lead" | "responsible" =
    settings.responsible === "lead" ? "responsible" : settings.responsible === "partners" ? "lead" : hasLeadLabel ? "lead" : "responsible";
  const effective = (r: Role): EffectiveRole =>
    r === "responsible" ? (leadSource === "responsible" ? "lead" : "partners") : r;

  const registry = settings.registry;
  const hasRegistry = registry.size > 0;
  const collective = settings.collectivePrefixes;

  let sections: Section[] = [];
  let subsections: Subsection[] = [];
  let tasks: Task[] = [];
  let orphanItems: Task[] = [];
  let notes: NoteNode[] = [];
  let section: Section | null = null;
  let subsection: Subsection | null = null;
  let prevTask: Task | null = null;
  let from = 0;
  const usable = !!previous && previous.leadSource === leadSource && previous.tree.labels === tree.labels;
  const handed = tree.memo.peek(TAKEN_TAIL);
  // The objects taken over are moved in place, so a model hands its end over only once.
  const tail =
    usable && handed && previous.tree.nodes[handed.oldFrom] === tree.nodes[handed.from] && !previous.memo.peek(HANDED_OVER) ? tailSections(previous, tree, handed) : null;
  if (tail) previous!.memo.get(HANDED_OVER, () => true);
  // What the tasks read their text from. A previous model that is handed over (a later tree
  // was parsed from its tree and told what the edit left unchanged at the end) gives its own,
  // once: every task taken over already reads it, and it now holds this text.
  const handedSource = previous && previous.tree.memo.peek(PARSED_ON) && !previous.memo.peek(SOURCE_GIVEN) ? previous.memo.peek(SOURCE) : undefined;
  if (handedSource) previous!.memo.get(SOURCE_GIVEN, () => true);
  const src = handedSource ?? new TextSource(text);
  src.text = text;
  // A section is reopened only when the previous model is handed over in this build: its
  // section object is then this model's, and the tasks after the edit are built into it.
  const kept = usable ? keptPrefix(previous, tree, handed ? handed.from : tree.nodes.length, tail !== null) : null;
  if (kept) {
    ({ sections, subsections, tasks, orphanItems, notes } = kept);
    from = kept.from;
    if (kept.open) {
      section = kept.open;
      const line = tree.nodes[from].line;
      section.tasks = linesBefore(section.tasks, line);
      section.subsections = linesBefore(section.subsections, line);
    }
    prevTask = tasks.length ? tasks[tasks.length - 1] : null;
    if (!handedSource) {
      for (const t of tasks) (t as TaskImpl).adopt(src);
      for (const t of orphanItems) (t as TaskImpl).adopt(src);
    }
  }

  const isCollective = (name: string) => {
    for (const p of collective) if (name.startsWith(p)) return true;
    return false;
  };

  const resolveOne = (name: string, prev: Unit | null): { canonical: string; resolution: Resolution } | null => {
    const hit = registry.lookup(name);
    if (hit) return { canonical: hit.canonical, resolution: hit.via };
    if (isCollective(name)) return { canonical: name, resolution: "collective" };
    if (prev) {
      for (const base of [prev.canonical, prev.name]) {
        for (let k = 1; k <= 4 && k < base.length; k++) {
          const h = registry.lookup(base.slice(0, k) + name);
          if (h) return { canonical: h.canonical, resolution: "prefix" };
        }
      }
    }
    return null;
  };

  // A table names a few dozen units thousands of times: a name met lately is taken again, not
  // cut from the text once more. A few hundred places, each keeping the last name that fell
  // there: no string is hashed, and a table of thousands of different names costs no more.
  const names: (string | undefined)[] = new Array(NAME_SLOTS);
  const nameAt = (text: string, start: number, end: number): string => {
    const len = end - start;
    // Names share their first and last characters (区…局): the second one tells them apart.
    const slot = (text.charCodeAt(start) * 31 + text.charCodeAt(start + 1) * 17 + text.charCodeAt(end - 1) * 7 + len) & (NAME_SLOTS - 1);
    const seen = names[slot];
    if (seen !== undefined && seen.length === len && text.startsWith(seen, start)) return seen;
    return (names[slot] = own(text.slice(start, end)));
  };
  const makeField = (fn: FieldNode): FieldImpl => {
    const role = fn.role === null ? null : effective(fn.role);
    const f = new FieldImpl(fn, role, src);
    if (fn.role !== null && isUnitRole(fn.role)) {
      // Each unit as written is made a unit of the model at once; resolving fills it in.
      f.items = splitUnits(text, fn, (text, start, end) => {
        const n = nameAt(text, start, end);
        return new UnitImpl(n, start, end, n, "none", f, null);
      });
    }
    return f;
  };

  const resolveUnits = (f: FieldImpl, source: Task | null, fallback: Task | null) => {
    let prev: Unit | null = null;
    const items = f.items!;
    // While the units are exactly the items (nearly always), the two share one array and no
    // list is built; from the first item that is not one unit, the units go to a list of
    // their own, which starts with the items before it.
    let out = null as Unit[] | null;
    for (let k = 0; k < items.length; k++) {
      const it = items[k];
      if (it.kind === "empty") {
        out ??= items.slice(0, k) as Unit[];
        continue;
      }
      if (it.kind === "ditto") {
        const units = (out ??= items.slice(0, k) as Unit[]);
        const pick = (t: Task | null) => (t ? (f.role === "lead" ? t.lead : t.partners) : []);
        // An item's 同上 reaches past an item above that has no such cell, to its task.
        let from = pick(source);
        if (from.length === 0 && fallback && fallback !== source) {
          from = pick(fallback);
          source = fallback;
        }
        if (!source || from.length === 0) {
          ((f.unresolvedDitto as unknown) === NONE ? (f.unresolvedDitto = []) : f.unresolvedDitto).push(it.range);
          continue;
        }
        for (const u of from) {
          units.push(new UnitImpl(u.name, it.range.start, it.range.end, u.canonical, u.resolution, f, u.inheritedFrom ?? source));
        }
        prev = null;
        continue;
      }
      const u = it as Unit;
      const name = u.name;
      if (!hasRegistry) {
        if (isCollective(name)) u.resolution = "collective";
        out?.push(u);
        prev = u;
        continue;
      }
      const r = resolveOne(name, prev);
      if (r) {
        u.canonical = r.canonical;
        u.resolution = r.resolution;
        out?.push(u);
        // 各街道, 相关单位 carry no prefix: a shortened name after one (区科信局、各街道、文旅局)
        // takes it from the unit before them.
        if (r.resolution !== "collective") prev = u;
        continue;
      }
      // 国库处及各业务处室: two units joined by a conjunction
      const split = splitConjunction(name, it.range, prev, resolveOne);
      if (split) {
        const units = (out ??= items.slice(0, k) as Unit[]);
        for (const s of split) {
          const part: Unit = new UnitImpl(s.name, s.range.start, s.range.end, s.canonical, "conjunction", f, null);
          units.push(part);
          prev = part;
        }
        continue;
      }
      u.resolution = "unknown";
      out?.push(u);
      prev = u;
    }
    f.units = out === null ? (items as Unit[]) : out.length ? out.slice() : (NONE as unknown as Unit[]);
  };

  const makeTask = (tn: TaskNode, parent: Task | null, prevSibling: Task | null): Task => {
    // The task 同上 refers to: the one above, or for a first item, its task.
    const source = prevSibling ?? parent;
    const t = new TaskImpl(tn, src, section, subsection, parent, source);
    // Arrays are made at their final size (map, concat): the model lives as long as the
    // document version, and spare room in a few hundred thousand arrays adds up.
    t.fields = tn.fields.map((fn) => {
      const f = makeField(fn);
      if (f.items) {
        resolveUnits(f, source, parent);
        if (f.units.length) {
          if (f.role === "lead") t.lead = t.lead.length ? t.lead.concat(f.units) : f.units;
          else t.partners = t.partners.length ? t.partners.concat(f.units) : f.units;
        }
      } else if (f.role === "requirement" || f.role === "deadline" || f.role === "note") {
        const ditto = dittoIn(text, fn);
        const role = f.role;
        if (ditto && source && source.fields.some((g) => g.role === role)) f.dittoSource = source;
        else if (ditto) ((f.unresolvedDitto as unknown) === NONE ? (f.unresolvedDitto = []) : f.unresolvedDitto).push(ditto);
      }
      return f;
    });
    if (tn.items.length) {
      let prevItem: Task | null = null;
      t.items = tn.items.map((itn) => (prevItem = makeTask(itn, t, prevItem)));
    }
    return t;
  };

  const nodes = tree.nodes;
  const to = tail ? tail.at : nodes.length;
  for (let k = from; k < to; k++) {
    const n = nodes[k];
    switch (n.kind) {
      case "heading": {
        const title = own(slice(n.title));
        if (n.level === 1) {
          section = { node: n, number: n.marker.value, title, line: n.line, subsections: [], tasks: [] };
          sections.push(section);
          subsection = null;
        } else {
          subsection = { node: n, number: n.marker.value, title, line: n.line, section, tasks: [] };
          subsections.push(subsection);
          section?.subsections.push(subsection);
        }
        break;
      }
      case "task": {
        if (n.level === 4) {
          orphanItems.push(makeTask(n, null, null));
          break;
        }
        const t = makeTask(n, null, prevTask);
        tasks.push(t);
        section?.tasks.push(t);
        subsection?.tasks.push(t);
        prevTask = t;
        break;
      }
      case "note":
        notes.push(n);
        break;
      default:
        break;
    }
  }

  if (tail) {
    const first = tail.tasks.length ? (tail.tasks[0] as TaskImpl) : null;
    moveTail(tail, handed!, handedSource ? null : src);
    // What comes before the first section heading taken over belongs to the section here.
    const { leading } = tail;
    for (let i = 0; i < leading.subsections; i++) {
      const x = tail.subsections[i];
      x.section = section;
      section?.subsections.push(x);
    }
    for (let i = 0; i < leading.tasks; i++) {
      const x = tail.tasks[i] as TaskImpl;
      x.relink(section);
      section?.tasks.push(x);
    }
    for (let i = 0; i < leading.orphanItems; i++) (tail.orphanItems[i] as TaskImpl).relink(section);
    for (const x of tail.sections) sections.push(x);
    for (const x of tail.subsections) subsections.push(x);
    for (const x of tail.tasks) tasks.push(x);
    for (const x of tail.orphanItems) orphanItems.push(x);
    for (const x of tail.notes) notes.push(x);
    // The task 同上 would copy from is now this model's (the first task uses none).
    first?.follow(prevTask);
  }

  return {
    tree,
    title,
    columns: hasColumns ? columns : null,
    sections,
    subsections,
    tasks,
    orphanItems,
    notes,
    leadSource,
    hasRegistry,
    memo: withSource(src),
  };
}

/**
 * The text the tasks of a model read. Models after an edit that hand over share one, so that
 * the tasks taken over need not be pointed at each new text, and the tasks dropped on the way
 * (never read again) keep no older text alive: the garbage collector would otherwise keep
 * each version's text while any task dropped from it had not yet been collected.
 */
class TextSource {
  constructor(public text: string) {}
}
const SOURCE = new MemoKey<TextSource>("the text the tasks read");
const SOURCE_GIVEN = new MemoKey<true>("its source given to a later model");
function withSource(src: TextSource): Memo {
  const memo = new Memo();
  memo.get(SOURCE, () => src);
  return memo;
}

const NAME_SLOTS = 256;

/** The first of `xs` (in line order) that begin before `line`. */
function linesBefore<T extends { line: number }>(xs: readonly T[], line: number): T[] {
  let k = 0;
  while (k < xs.length && xs[k].line < line) k++;
  return xs.slice(0, k);
}

/**
 * What of `previous` stands in a model of `tree`: everything before the last heading among
 * the nodes the two trees share. With `reopen`, that heading may be a subsection's: the
 * section around it is then `open`, taken over with the tasks and subsections before it, and
 * the caller builds the rest into it (the previous model, handed over, does not read it
 * again). Otherwise the last heading is a section's, and sections are taken over whole, so
 * no object taken over is added to.
 */
function keptPrefix(previous: Model, tree: SyntaxTree, limit: number, reopen: boolean) {
  const a = previous.tree.nodes;
  const b = tree.nodes;
  const n = Math.min(a.length, b.length, limit);
  let shared = 0;
  while (shared < n && a[shared] === b[shared]) shared++;
  let from = shared - 1;
  for (; from >= 0; from--) {
    const h = b[from];
    if (h.kind === "heading" && (h.level === 1 || reopen)) break;
  }
  if (from <= 0) return null;
  const head = b[from] as HeadingNode;
  const line = head.line;
  const sections = linesBefore(previous.sections, line);
  // A subsection belongs to the last section above it, if any.
  const open = head.level === 2 && sections.length ? sections[sections.length - 1] : null;
  return {
    from,
    open,
    sections,
    subsections: linesBefore(previous.subsections, line),
    tasks: linesBefore(previous.tasks, line),
    orphanItems: linesBefore(previous.orphanItems, line),
    notes: linesBefore(previous.notes, line),
  };
}

const HANDED_OVER = new MemoKey<true>("sections handed over");

interface Tail {
  /** The index in the tree of the heading the objects taken over begin with. */
  at: number;
  sections: Section[];
  subsections: Subsection[];
  tasks: Task[];
  orphanItems: Task[];
  notes: NoteNode[];
  /**
   * How many of the subsections, tasks and items taken over come before the first level-1
   * heading among them: they belong to the section the model is in there, built afresh.
   */
  leading: { subsections: number; tasks: number; orphanItems: number };
}

/**
 * What of `previous` stands in a model of `tree` after the nodes the parse took over from the
 * end of the previous tree (which begin with a heading): the sections, subsections, tasks,
 * items and notes built from those nodes, unless the first task there copies with 同上 from
 * the task before it, which the edit may have changed.
 */
function tailSections(previous: Model, tree: SyntaxTree, handed: TakenTail): Tail | null {
  const nodes = tree.nodes;
  const at = handed.from;
  const head = nodes[at];
  if (!head || head.kind !== "heading") return null;
  let sections = 0;
  let subsections = 0;
  let tasks = 0;
  let orphans = 0;
  let notes = 0;
  let leading: Tail["leading"] | null = null;
  for (let k = at; k < nodes.length; k++) {
    const n = nodes[k];
    if (n.kind === "heading") {
      if (n.level === 1) {
        leading ??= { subsections, tasks, orphanItems: orphans };
        sections++;
      } else subsections++;
    } else if (n.kind === "task") n.level === 3 ? tasks++ : orphans++;
    else if (n.kind === "note") notes++;
  }
  const last = <T>(xs: T[], k: number) => (k <= xs.length ? xs.slice(xs.length - k) : null);
  const t = {
    at,
    sections: last(previous.sections, sections),
    subsections: last(previous.subsections, subsections),
    tasks: last(previous.tasks, tasks),
    orphanItems: last(previous.orphanItems, orphans),
    notes: last(previous.notes, notes),
    leading: leading ?? { subsections, tasks, orphanItems: orphans },
  };
  if (!t.sections || !t.subsections || !t.tasks || !t.orphanItems || !t.notes) return null;
  if ((head.level === 1 ? t.sections[0] : t.subsections[0])?.node !== head) return null;
  if (t.tasks.length && copiesAbove(t.tasks[0])) return null;
  return t as Tail;
}

/** Whether a task has a 同上 that reads the task before it. */
function copiesAbove(t: Task): boolean {
  for (const f of t.fields) {
    if (f.dittoSource || f.unresolvedDitto.length) return true;
    if (f.items) for (const it of f.items) if (it.kind === "ditto") return true;
  }
  return false;
}

/** Moves the model objects taken over by the lines and characters their nodes moved. */
function moveTail(tail: Tail, handed: TakenTail, src: TextSource | null) {
  const { delta, lineDelta } = handed;
  for (const s of tail.sections) s.line += lineDelta;
  for (const s of tail.subsections) s.line += lineDelta;
  for (const t of tail.tasks) (t as TaskImpl).move(delta, src);
  for (const t of tail.orphanItems) (t as TaskImpl).move(delta, src);
}

function taskHasLead(n: TaskNode): boolean {
  for (const f of n.fields) if (f.role === "lead") return true;
  for (const it of n.items) if (taskHasLead(it)) return true;
  return false;
}

function splitConjunction(
  name: string,
  range: Range,
  prev: Unit | null,
  resolveOne: (n: string, p: Unit | null) => { canonical: string; resolution: Resolution } | null,
): { name: string; range: Range; canonical: string }[] | null {
  for (let i = 1; i < name.length - 1; i++) {
    if (!isConjunction(name.charCodeAt(i))) continue;
    const a = name.slice(0, i);
    const b = name.slice(i + 1);
    const ra = resolveOne(a, prev);
    if (!ra) continue;
    // The second half may be shortened after the first (区审批管理局和市场监管局).
    const rb = resolveOne(b, { name: a, canonical: ra.canonical } as Unit);
    if (!rb) continue;
    return [
      { name: a, range: { start: range.start, end: range.start + i }, canonical: ra.canonical },
      { name: b, range: { start: range.start + i + 1, end: range.end }, canonical: rb.canonical },
    ];
  }
  return null;
}


/**
 * Text written over lines, joined: the part on the first line, then the others. Copied, not
 * cut from the text: a task keeps it across versions, and no text with it.
 */
function joinLines(text: string, start: number, end: number, more: readonly Range[] | null): string {
  if (!more) return own(text.slice(start, end));
  let s = text.slice(start, end);
  for (const r of more) s += text.slice(r.start, r.end);
  return own(s);
}

/** Where a value is just 同上, a new range over it (the model moves it as the field moves). */
function dittoIn(text: string, fn: FieldNode): Range | null {
  let start = fn.valueStart;
  let end = fn.valueEnd;
  const more = fn.moreValue;
  if (more) {
    if (end > start || more.length !== 1) return null;
    start = more[0].start;
    end = more[0].end;
  }
  // A stop after it (同上。) is how a sentence ends, not part of what it says.
  if (end - start === DITTO.length + 1 && STOPS.includes(text.charCodeAt(end - 1))) end--;
  return end - start === DITTO.length && text.startsWith(DITTO, start) ? { start, end } : null;
}
const STOPS = [0x3002, 0x2e, 0xff1b, 0x3b, 0xff0e]; // 。 . ； ; ．

/**
 * A unit of the model, and the list item it was written as. Its place is kept as two numbers;
 * a model keeps one of these for every name in every list, so the range object is made only
 * when read.
 */
class UnitImpl implements Unit {
  declare readonly kind: "unit";
  constructor(
    public name: string,
    public start: number,
    public end: number,
    public canonical: string,
    public resolution: Resolution,
    readonly field: Field,
    readonly inheritedFrom: Task | null,
  ) {}
  get range(): Range {
    return { start: this.start, end: this.end };
  }
}
Object.defineProperty(UnitImpl.prototype, "kind", { value: "unit" });

/**
 * Shared by every field and task that has none: most have no 同上 problem, no items. Not
 * frozen: the engine reads a frozen array by another path, and a loop that meets both kinds
 * (the rules walk these lists for every task) is left unoptimised, making an object for every
 * step. Nothing adds to it: code that fills one of these lists replaces it first.
 */
const NONE: readonly never[] = [];

// Strings are joined only when someone reads them: the checker mostly does not.
class FieldImpl implements Field {
  joined: string | undefined;
  units: Unit[];
  unresolvedDitto: Range[] = NONE as unknown as Range[];
  dittoSource: Task | null = null;
  /** For unit fields, the list as written; set right after the field is made. */
  items: ListItem[] | null = null;
  constructor(
    readonly node: FieldNode,
    readonly role: EffectiveRole | null,
    public src: TextSource,
  ) {
    // For unit fields, set when the units resolve: the items themselves, or a list of its own.
    this.units = NONE as unknown as Unit[];
  }
  get label(): string {
    return this.node.labelText;
  }
  get responsible(): boolean {
    return this.node.role === "responsible";
  }
  get text(): string {
    const n = this.node;
    return (this.joined ??= joinLines(this.src.text, n.valueStart, n.valueEnd, n.moreValue));
  }
}

class TaskImpl implements Task {
  checked: CheckedTask | null = null;
  shown: unknown = null;
  fields: Field[] = NONE as unknown as Field[];
  lead: Unit[] = NONE as unknown as Unit[];
  partners: Unit[] = NONE as unknown as Unit[];
  items: Task[] = NONE as unknown as Task[];
  private joinedTitle: string | undefined;
  constructor(
    readonly node: TaskNode,
    private src: TextSource,
    public section: Section | null,
    readonly subsection: Subsection | null,
    readonly parent: Task | null,
    private dittoFrom: Task | null,
  ) {}
  // Read from the node, which moves with the task after an edit.
  get level(): 3 | 4 {
    return this.node.level;
  }
  get number(): number | null {
    const m = this.node.marker;
    return m ? m.value : null;
  }
  get line(): number {
    return this.node.line;
  }
  get title(): string {
    const n = this.node;
    return (this.joinedTitle ??= joinLines(this.src.text, n.titleStart, n.titleEnd, n.moreTitle));
  }
  /** The text this task is read from. */
  get source(): string {
    return this.src.text;
  }
  /**
   * Taken over by the model of a later version that has its own source: read from it (the
   * same characters here). Strings already joined are copies, and stay.
   */
  adopt(src: TextSource) {
    this.src = src;
    for (const f of this.fields) (f as FieldImpl).src = src;
    for (const it of this.items) (it as TaskImpl).adopt(src);
  }
  /** Taken over after an edit, from a subsection on: the section is the one now around it. */
  relink(section: Section | null) {
    this.section = section;
    for (const it of this.items) (it as TaskImpl).relink(section);
  }
  /** Taken over after an edit: the task 同上 reads is the one now above it. */
  follow(above: Task | null) {
    this.dittoFrom = above;
  }
  /**
   * Taken over from the end of an earlier version, whose nodes moved by `d` characters: the
   * offsets kept here move with them, each once (lines are read from the nodes). A field's
   * units are its unit items (moved as items) and the units its 同上 copied or its
   * conjunction split, which follow the item they came from.
   */
  move(d: number, src: TextSource | null) {
    this.moveBy(d);
    if (src) this.adopt(src);
  }
  private moveBy(d: number) {
    for (const f of this.fields) {
      const items = f.items;
      if (!items) {
        // A text field's 同上 with nothing to copy: its range is the model's own.
        for (const r of f.unresolvedDitto) shiftRange(r, d);
        continue;
      }
      const units = f.units;
      let u = 0;
      for (const it of items) {
        if (it.kind === "unit") {
          const x = it as UnitImpl;
          shiftRange(x, d);
          if (units[u] === x) u++;
          else if (units !== items) {
            // Split at a conjunction: its two parts stand in its place.
            for (let k = 0; k < 2 && u < units.length && units[u].resolution === "conjunction"; k++, u++) shiftRange(units[u] as UnitImpl, d);
          }
          continue;
        }
        shiftRange(it.range, d);
        if (it.kind === "ditto") while (u < units.length && units[u].inheritedFrom !== null) shiftRange(units[u++] as UnitImpl, d);
      }
    }
    for (const it of this.items) (it as TaskImpl).moveBy(d);
  }
  private textOf(role: "requirement" | "deadline" | "note"): string | null {
    let out: string | null = null;
    for (const f of this.fields) {
      if (f.role !== role) continue;
      const v = f.dittoSource ? (this.dittoFrom?.[role] ?? f.text) : f.text;
      out = out === null ? v : out + v;
    }
    return out;
  }
  get requirement(): string | null {
    return this.textOf("requirement");
  }
  get deadline(): string | null {
    return this.textOf("deadline");
  }
  get note(): string | null {
    return this.textOf("note");
  }
}
