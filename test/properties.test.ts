// Properties over arbitrary text: the parser never throws, every range lies inside the
// document, formatting is idempotent and keeps the user's text, fixes apply cleanly.

import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { Analysis } from "../server/src/lsp/analysis.js";
import { fingerprint } from "../server/src/lsp/reports.js";
import { toDiagnostic, toDiagnostics } from "../server/src/lsp/convert.js";
import { documentSymbol, documentSymbols } from "../server/src/lsp/symbols.js";
import { LineIndex, lineBreak, outline, parse, buildModel, check, type Finding, complete, completesFromBlock, format, applyEdits, defaultSettings, UnitIndex, type Task, type TopNode } from "../server/src/core/index.js";
import { Registry } from "../server/src/core/model/registry.js";
import { settingsFrom, userText } from "./helpers.js";

// Pieces real tables are made of, so random documents reach deep into the parser.
const piece = fc.constantFrom(
  "一、", "二、", "十、", "一.", "（一）", "(二)", "（三)", "(一)、", ")", "）", "四）", "、", ".", "1.", "2．", "１．", "12.", "1、",
  "（1）", "(2)", "1）", "# ", "列：", "> ", "//", "牵头：", "牵头单位:", "责任：", "配合：", "要求：", "时限：", "备注：", "主办单位：",
  "同上", "区财政局", "文旅局", "各街道", "、", "，", ",", "；", ";", "。", "（", "）", "(", ")", "《", "》", "“", "”", "〔", "〕",
  "闽政办函〔202120号", "〔2021〕20号", "202110月", "公开公开", "𠀀", "\t", "　", " ", "   ", "         ", "\n", "\r\n", "\r", "\n\n",
);
const doc = fc.tuple(fc.boolean(), fc.array(fc.oneof({ weight: 5, arbitrary: piece }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) }), { maxLength: 60 }))
  .map(([bom, parts]) => (bom ? "\ufeff" : "") + parts.join(""));

const settings = (() => {
  const s = { ...defaultSettings() };
  s.registry = new Registry([{ name: "区财政局" }, { name: "区文旅局" }]);
  return s;
})();

function ranges(n: TopNode): { start: number; end: number }[] {
  const out = [n.range];
  if (n.kind === "task") {
    const walk = (t: typeof n) => {
      out.push(t.range, ...t.titleSegments);
      for (const f of t.fields) out.push(f.range, f.label, ...f.segments);
      t.items.forEach(walk);
    };
    walk(n);
  }
  if (n.kind === "note") out.push(...n.segments);
  return out;
}

const RUNS = { numRuns: Number(process.env.TASKTABLE_PROPERTY_RUNS ?? 400) };

test("parse, build and check never throw, and every range lies inside the text", () => {
  fc.assert(
    fc.property(fc.oneof(doc, fc.string({ maxLength: 200 }), fc.string({ unit: "binary", maxLength: 100 })), (text) => {
      const tree = parse(text);
      // The tree holds the text exactly as given, lone surrogates included.
      assert.equal(tree.text, text);
      for (const n of tree.nodes) for (const r of ranges(n)) assert.ok(0 <= r.start && r.start <= r.end && r.end <= text.length, `range ${r.start}-${r.end} of ${text.length}`);
      const model = buildModel(tree, settings);
      for (const f of check(model, settings)) {
        assert.ok(0 <= f.range.start && f.range.start <= f.range.end && f.range.end <= text.length);
        for (const fix of f.fixes) for (const e of fix.edits) assert.ok(0 <= e.start && e.start <= e.end && e.end <= text.length);
      }
    }),
    RUNS,
  );
});

test("formatting is idempotent and keeps every character of the user's text", () => {
  fc.assert(
    fc.property(doc, (text) => {
      const once = format(parse(text), { labels: "keep" });
      const twice = format(parse(once), { labels: "keep" });
      assert.equal(twice, once);
      assert.equal(userText(parse(once)), userText(parse(text)));
    }),
    RUNS,
  );
});

test("every fix keeps the document parseable and changes only what its edits say", () => {
  fc.assert(
    fc.property(doc, (text) => {
      const findings = check(buildModel(parse(text), settings), settings);
      for (const f of findings) {
        for (const fix of f.fixes) {
          const after = applyEdits(text, fix.edits);
          const removed = fix.edits.reduce((n, e) => n + (e.end - e.start), 0);
          const added = fix.edits.reduce((n, e) => n + e.newText.length, 0);
          assert.equal(after.length, text.length - removed + added);
          check(buildModel(parse(after), settings), settings);
        }
      }
    }),
    { numRuns: 200 },
  );
});

/** The tree as plain data: own fields only, so two trees compare by what they hold. */
function shape(t: ReturnType<typeof parse>) {
  return JSON.stringify({ nodes: t.nodes, comments: t.comments, bom: t.bom, eol: lineBreak(t), starts: Array.from(t.lines.starts) });
}

// Documents made of whole lines, so that headings (where a parse can pick up) are common.
const lineOf = fc.oneof(
  fc.constantFrom("一、甲", "二、乙", "（一）丙", "(二)丁", "1. 任务", "2．任务", "（1）事项", "# 标题", "列：任务 | 牵头单位", "> 引文", "// 注释", "说明文字"),
  fc.constantFrom("   牵头：区财政局", "   责任：文旅局、各街道", "   要求：公开公开", "      接续一行", "   时限：2021年10月底前", "牵头：同上", "   （1）事项"),
  fc.array(piece, { maxLength: 5 }).map((p) => p.join("")),
);
const lineDoc = fc.tuple(fc.array(lineOf, { maxLength: 30 }), fc.constantFrom("\n", "\r\n", "\r")).map(([ls, br]) => ls.join(br) + br);

test("a parse that picks up after an edit, and takes over what follows it, equals a fresh parse of the new text", () => {
  // Half the edits land at or just around the start of a line, where a change decides
  // which block a line belongs to.
  const edit = fc.record({ at: fc.nat(), nearLine: fc.boolean(), shift: fc.integer({ min: -2, max: 3 }), cut: fc.nat({ max: 12 }), put: fc.array(piece, { maxLength: 4 }).map((p) => p.join("")) });
  let resumed = 0;
  let tailTaken = 0;
  fc.assert(
    fc.property(fc.oneof(doc, lineDoc), edit, (before, { at, nearLine, shift, cut, put }) => {
      let start = before.length ? at % (before.length + 1) : 0;
      if (nearLine) {
        const starts = parse(before).lines.starts;
        start = Math.max(0, Math.min(before.length, starts[at % starts.length] + shift));
      }
      const end = Math.min(before.length, start + cut);
      const after = before.slice(0, start) + put + before.slice(end);
      const old = parse(before);
      // Told what the edit left unchanged at the end, the parse may take the previous tree's
      // last nodes over too.
      const last = old.nodes[old.nodes.length - 1];
      const again = parse(after, { previous: { tree: old, editStart: start, unchangedTail: before.length - end } });
      if (old.nodes.length && again.nodes[0] === old.nodes[0]) resumed++;
      if (last && again.nodes[again.nodes.length - 1] === last) tailTaken++;
      assert.equal(shape(again), shape(parse(after)));
    }),
    RUNS,
  );
  // The property says nothing if every run fell back to a fresh parse.
  assert.ok(resumed > RUNS.numRuns / 20, `picked up after the edit in only ${resumed} runs`);
  assert.ok(tailTaken > RUNS.numRuns / 40, `took the end over in only ${tailTaken} runs`);
});

test("a parse that stops after an offset holds what a whole parse holds above its stop, and a later parse picks up from it", () => {
  const edit = fc.record({ at: fc.nat(), until: fc.nat(), cut: fc.nat({ max: 12 }), put: fc.array(piece, { maxLength: 4 }).map((p) => p.join("")) });
  let stopped = 0;
  fc.assert(
    fc.property(lineDoc, edit, (before, { at, until, cut, put }) => {
      const whole = parse(before);
      const u = before.length ? until % (before.length + 1) : 0;
      const part = parse(before, { until: u });
      const n = whole.lines.lineCount;
      assert.ok(part.parsedTo <= n && (part.parsedTo === n || whole.lines.starts[part.parsedTo] > u), `stopped at line ${part.parsedTo}, offset ${u}`);
      if (part.parsedTo < n) stopped++;
      // Every node above the stop, as a whole parse makes it, and nothing below.
      const above = whole.nodes.filter((x) => x.line < part.parsedTo);
      assert.equal(JSON.stringify(part.nodes), JSON.stringify(above));
      assert.equal(JSON.stringify(part.comments), JSON.stringify(whole.comments.filter((c) => c.line < part.parsedTo)));
      // An edit anywhere, then a whole parse from the partial tree, equals a fresh one.
      const start = before.length ? at % (before.length + 1) : 0;
      const after = before.slice(0, start) + put + before.slice(Math.min(before.length, start + cut));
      assert.equal(shape(parse(after, { previous: { tree: part, editStart: start } })), shape(parse(after)));
      // An edit, then a parse that stops, from the whole tree: it stops at a heading after
      // its offset (or at the end), and holds what a whole parse of the new text holds above.
      const stopAt = after.length ? until % (after.length + 1) : 0;
      const cutShort = parse(after, { previous: { tree: whole, editStart: start }, until: stopAt });
      const wholeAfter = parse(after);
      const m = wholeAfter.lines.lineCount;
      assert.ok(cutShort.parsedTo === m || (wholeAfter.lines.starts[cutShort.parsedTo] > stopAt && wholeAfter.nodes.some((x) => x.line === cutShort.parsedTo && x.kind === "heading")), `stopped at line ${cutShort.parsedTo}`);
      assert.equal(shape(cutShort), shape({ ...wholeAfter, nodes: wholeAfter.nodes.filter((x) => x.line < cutShort.parsedTo), comments: wholeAfter.comments.filter((c) => c.line < cutShort.parsedTo) }));
      // The same text parsed on in full from the partial tree.
      assert.equal(shape(parse(before, { previous: { tree: part, editStart: before.length } })), shape(whole));
    }),
    RUNS,
  );
  assert.ok(stopped > RUNS.numRuns / 10, `stopped early in only ${stopped} runs`);
});

/** Findings as plain data, fixes included. */
function found(m: ReturnType<typeof buildModel>, s: ReturnType<typeof defaultSettings>) {
  return plain(check(m, s));
}
function plain(findings: readonly Finding[]) {
  return findings.map((f) => [
    f.code,
    f.severity,
    f.range.start,
    f.range.end,
    f.message,
    f.related.map((r) => [r.range.start, r.range.end, r.message]),
    f.fixes.map((x) => [x.title, x.safe, x.edits.map((e) => [e.start, e.end, e.newText])]),
  ]);
}

/** A model as plain data: everything a feature or rule reads, objects named by their line. */
function modelShape(m: ReturnType<typeof buildModel>) {
  const unit = (u: ReturnType<typeof buildModel>["tasks"][number]["lead"][number]) => [u.name, u.start, u.end, u.canonical, u.resolution, u.field.node.line, u.inheritedFrom?.line ?? null];
  const task = (t: ReturnType<typeof buildModel>["tasks"][number]): unknown => ({
    line: t.line,
    level: t.level,
    number: t.number,
    title: t.title,
    section: t.section?.line ?? null,
    subsection: t.subsection?.line ?? null,
    parent: t.parent?.line ?? null,
    fields: t.fields.map((f) => [f.node.line, f.role, f.responsible, f.label, f.text, f.units.map(unit), f.items?.length ?? null, f.unresolvedDitto, f.dittoSource?.line ?? null]),
    lead: t.lead.map(unit),
    partners: t.partners.map(unit),
    requirement: t.requirement,
    deadline: t.deadline,
    note: t.note,
    items: t.items.map(task),
  });
  return JSON.stringify({
    title: m.title,
    columns: m.columns,
    leadSource: m.leadSource,
    sections: m.sections.map((s) => [s.line, s.number, s.title, s.subsections.map((x) => x.line), s.tasks.map((x) => x.line)]),
    subsections: m.subsections.map((s) => [s.line, s.number, s.title, s.section?.line ?? null, s.tasks.map((x) => x.line)]),
    tasks: m.tasks.map(task),
    orphanItems: m.orphanItems.map(task),
    notes: m.notes.map((n) => n.line),
  });
}

/** Every section a task, item or subsection of `m` names is one of `m`'s own. */
function assertOwnSections(m: ReturnType<typeof buildModel>) {
  const sections = new Set(m.sections);
  const inModel = (t: (typeof m.tasks)[number]): void => {
    assert.ok(t.section === null || sections.has(t.section), `task at line ${t.line} names a section not in the model`);
    t.items.forEach(inModel);
  };
  m.tasks.forEach(inModel);
  m.orphanItems.forEach(inModel);
  for (const x of m.subsections) assert.ok(x.section === null || sections.has(x.section), `subsection at line ${x.line} names a section not in the model`);
}

// Sections of a few lines each, so that an edit has whole sections above and below it.
const sectionOf = fc.tuple(fc.constantFrom("一、甲", "二、乙", "三、丙"), fc.array(fc.oneof(lineOf, fc.constantFrom("1. 任务", "   牵头：同上", "   要求：同上")), { maxLength: 6 }));
const sectionsDoc = (minLength: number) => fc.array(sectionOf, { minLength, maxLength: 6 }).map((ss) => ss.map(([h, ls]) => [h, ...ls].join("\n")).join("\n") + "\n");
const sectionDoc = sectionsDoc(0);
const withUnits = settingsFrom(JSON.stringify({ units: ["区财政局", { name: "区文化和旅游局", aliases: ["文旅局"] }, "区教育局"] }));

test("a model built after an edit, taking over the sections above and below it, equals one built afresh", () => {
  const edit = fc.record({ at: fc.nat(), cut: fc.nat({ max: 12 }), put: fc.array(piece, { maxLength: 4 }).map((p) => p.join("")), until: fc.option(fc.nat()) });
  let kept = 0;
  fc.assert(
    // Documents of whole sections twice as often: they are the ones with sections to take over.
    fc.property(fc.oneof({ weight: 1, arbitrary: lineDoc }, { weight: 2, arbitrary: sectionDoc }), edit, fc.boolean(), (before, { at, cut, put, until }, registry) => {
      const s = registry ? withUnits : settings;
      // The version before may itself have been parsed only part of the way.
      const oldTree = parse(before, { labels: s.labels, until: until === null ? undefined : until % (before.length + 1) });
      const old = buildModel(oldTree, s);
      // The old version checked (as the server does before the next edit): the new tree then
      // takes over the old one's character marks for the nodes it takes over.
      check(old, s);
      const start = before.length ? at % (before.length + 1) : 0;
      const end = Math.min(before.length, start + cut);
      const after = before.slice(0, start) + put + before.slice(end);
      const tree = parse(after, { labels: s.labels, previous: { tree: oldTree, editStart: start, unchangedTail: before.length - end } });
      const again = buildModel(tree, s, old);
      if (old.sections.length && again.sections[0] === old.sections[0]) kept++;
      assert.equal(modelShape(again), modelShape(buildModel(parse(after, { labels: s.labels }), s)));
      // What was taken over reads the new text, and keeps no string joined from the old one.
      for (const t of again.tasks) assert.equal((t as unknown as { source: string }).source, after);
      // The tasks taken over were checked with the old version: what was found about them is
      // moved, not found again, and equals a fresh check's.
      assert.deepEqual(found(again, s), found(buildModel(parse(after, { labels: s.labels }), s), s));
    }),
    RUNS,
  );
  assert.ok(kept > RUNS.numRuns / 20, `took sections over in only ${kept} runs`);
});

test("after an edit above the last section, the model takes over the sections below it, moved, and equals one built afresh", () => {
  const edit = fc.record({ at: fc.nat(), cut: fc.nat({ max: 12 }), put: fc.array(piece, { maxLength: 4 }).map((p) => p.join("")) });
  let moved = 0;
  fc.assert(
    fc.property(sectionsDoc(2), edit, fc.boolean(), (before, { at, cut, put }, registry) => {
      const s = registry ? withUnits : settings;
      const oldTree = parse(before, { labels: s.labels });
      const old = buildModel(oldTree, s);
      check(old, s);
      // Somewhere above the last section's heading.
      const lastHeading = Math.max(before.lastIndexOf("一、"), before.lastIndexOf("二、"), before.lastIndexOf("三、"));
      const start = at % (lastHeading + 1);
      const end = Math.min(lastHeading, start + cut);
      const after = before.slice(0, start) + put + before.slice(end);
      const lastSection = old.sections[old.sections.length - 1];
      const lastTask = oldTree.nodes[oldTree.nodes.length - 1];
      const tree = parse(after, { labels: s.labels, previous: { tree: oldTree, editStart: start, unchangedTail: before.length - end } });
      const again = buildModel(tree, s, old);
      if (again.sections[again.sections.length - 1] === lastSection) moved++;
      const fresh = buildModel(parse(after, { labels: s.labels }), s);
      assert.equal(shape(tree), shape(fresh.tree));
      assert.equal(modelShape(again), modelShape(fresh));
      for (const t of again.tasks) assert.equal((t as unknown as { source: string }).source, after);
      assert.deepEqual(found(again, s), found(fresh, s));
      // Nothing taken over points into the old model.
      assertOwnSections(again);
      // 同上 in a task taken over reads the task now above it, and nothing of the old model.
      again.tasks.forEach((t, i) => assert.equal((t as unknown as { dittoFrom: unknown }).dittoFrom, i ? again.tasks[i - 1] : null));
      // The nodes moved are the previous tree's own objects, not copies.
      if (again.sections[again.sections.length - 1] === lastSection) assert.equal(tree.nodes[tree.nodes.length - 1], lastTask);
    }),
    RUNS,
  );
  assert.ok(moved > RUNS.numRuns / 4, `took the last section over in only ${moved} runs`);
});

// Sections of subsections of tasks: an edit in a later subsection reopens its section.
const subsectionOf = fc.tuple(
  fc.constantFrom("（一）丙", "(二)丁", "（三）戊"),
  fc.array(fc.oneof(lineOf, fc.constantFrom("1. 任务", "   牵头：区财政局", "   牵头：同上", "   要求：同上", "   （1）事项")), { maxLength: 5 }),
);
const subsectionsDoc = fc
  .array(fc.tuple(fc.constantFrom("一、甲", "二、乙"), fc.array(subsectionOf, { minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 3 })
  .map((ss) => ss.map(([h, subs]) => [h, ...subs.map(([sh, ls]) => [sh, ...ls].join("\n"))].join("\n")).join("\n") + "\n");

test("after an edit in a later subsection, the model reopens the section around it, keeps what is above the edit, and equals one built afresh", () => {
  const edit = fc.record({ at: fc.nat(), cut: fc.nat({ max: 12 }), put: fc.array(piece, { maxLength: 4 }).map((p) => p.join("")) });
  let reopened = 0;
  fc.assert(
    fc.property(subsectionsDoc, edit, fc.boolean(), (before, { at, cut, put }, registry) => {
      const s = registry ? withUnits : settings;
      const oldTree = parse(before, { labels: s.labels });
      const old = buildModel(oldTree, s);
      check(old, s);
      const start = before.length ? at % (before.length + 1) : 0;
      const end = Math.min(before.length, start + cut);
      const after = before.slice(0, start) + put + before.slice(end);
      const tree = parse(after, { labels: s.labels, previous: { tree: oldTree, editStart: start, unchangedTail: before.length - end } });
      const oldTasks = new Set(old.tasks);
      const oldSubsections = new Set(old.subsections);
      const again = buildModel(tree, s, old);
      const fresh = buildModel(parse(after, { labels: s.labels }), s);
      assert.equal(shape(tree), shape(fresh.tree));
      assert.equal(modelShape(again), modelShape(fresh));
      assert.deepEqual(found(again, s), found(fresh, s));
      for (const t of again.tasks) assert.equal((t as unknown as { source: string }).source, after);
      // Every section named is one of this model's, and lists exactly its own.
      assertOwnSections(again);
      for (const x of again.sections) {
        assert.deepEqual(x.tasks, again.tasks.filter((t) => t.section === x), `tasks of the section at line ${x.line}`);
        assert.deepEqual(x.subsections, again.subsections.filter((y) => y.section === x), `subsections of the section at line ${x.line}`);
      }
      // Reopened: the section around the edit is the old object, and a task or subsection of
      // it above the edit, in an earlier subsection, was kept as it was.
      const editLine = tree.lines.positionAt(start).line;
      const around = again.sections.find((x) => x.line <= editLine && old.sections.includes(x));
      if (around && (around.tasks.some((t) => oldTasks.has(t) && t.line < editLine) || around.subsections.some((y) => oldSubsections.has(y) && y.line < editLine))) reopened++;
    }),
    RUNS,
  );
  assert.ok(reopened > RUNS.numRuns / 10, `reopened a section in only ${reopened} runs`);
});

test("completion answered from a parse that stops after the cursor equals completion from the whole table", () => {
  const index = new UnitIndex(settings.registry, new Map([["区财政局", 3], ["各街道", 1]]));
  let fromBlock = 0;
  fc.assert(
    fc.property(fc.oneof(lineDoc, doc), fc.nat(), fc.boolean(), (text, at, afterColon) => {
      // Half the places just after a colon, where unit names are completed.
      const colons = [...text.matchAll(/[：:]/g)].map((m) => m.index! + 1);
      const offset = afterColon && colons.length ? Math.min(text.length, colons[at % colons.length] + (at % 4)) : at % (text.length + 1);
      const whole = buildModel(parse(text), settings);
      const part = buildModel(parse(text, { until: offset }), settings);
      assert.equal(completesFromBlock(part, offset), completesFromBlock(whole, offset));
      if (!completesFromBlock(part, offset)) return;
      fromBlock++;
      assert.deepEqual(complete(part, offset, index, settings), complete(whole, offset, index, settings));
    }),
    RUNS,
  );
  assert.ok(fromBlock > RUNS.numRuns / 40, `completed from the block in only ${fromBlock} runs`);
});

test("after an edit in a later section, the nodes above it are taken over, not parsed again", () => {
  const text = "一、甲\n1. 任务一\n   牵头：区财政局\n二、乙\n2. 任务二\n   牵头：区财政局\n（一）丙\n3. 任务三\n   牵头：区财政局\n";
  const old = parse(text);
  const at = text.indexOf("任务三");
  const after = text.slice(0, at) + "新" + text.slice(at);
  const again = parse(after, { previous: { tree: old, editStart: at } });
  assert.equal(shape(again), shape(parse(after)));
  // Everything up to the last heading above the edit, that heading included, is the same object.
  const kept = again.nodes.filter((n, i) => n === old.nodes[i]).length;
  assert.equal(kept, 5, "the first two sections, headings and tasks, and the heading （一）, kept");
});

test("after an edit in a subsection, the next subsection is taken over, moved, into the section reopened around it", () => {
  const text = "一、甲\n（一）丙\n1. 任务一\n   牵头：区财政局\n（二）丁\n2. 任务二\n   牵头：区财政局\n   （1）事项\n      牵头：区财政局\n二、乙\n3. 任务三\n   牵头：区财政局\n";
  const oldTree = parse(text, { labels: settings.labels });
  const old = buildModel(oldTree, settings);
  const at = text.indexOf("   牵头");
  const after = text.slice(0, at) + "   要求：加一行\n   时限：年底\n" + text.slice(at);
  const tree = parse(after, { labels: settings.labels, previous: { tree: oldTree, editStart: at, unchangedTail: text.length - at } });
  const oldTask2 = old.tasks[1];
  const again = buildModel(tree, settings, old);
  const fresh = buildModel(parse(after, { labels: settings.labels }), settings);
  assert.equal(shape(tree), shape(fresh.tree));
  assert.equal(modelShape(again), modelShape(fresh));
  // Task 2, its item and subsection （二） are the old objects, moved two lines down, and
  // belong to the section reopened for the edit, which is the old section object.
  assert.equal(again.tasks[1], oldTask2);
  assert.equal(again.tasks[1].line, 7);
  assert.equal(again.tasks[1].items[0].line, 9);
  assert.equal(again.tasks[1].section, again.sections[0]);
  assert.equal(again.tasks[1].items[0].section, again.sections[0]);
  assert.equal(again.subsections[1].section, again.sections[0]);
  assert.deepEqual(again.sections[0].tasks, [again.tasks[0], again.tasks[1]]);
  assert.equal(again.sections[0], old.sections[0]);
  // Task 1, where the edit is, and its subsection were built again.
  assert.notEqual(again.tasks[0], old.tasks[0]);
  assert.notEqual(again.subsections[0], old.subsections[0]);
  assert.deepEqual(again.sections[0].subsections, [again.subsections[0], again.subsections[1]]);
});

test("a chain of edits, each version built from the one before, checked or outlined or not, equals a fresh analysis at every step", () => {
  const step = fc.record({
    at: fc.nat(),
    cut: fc.nat({ max: 12 }),
    put: fc.array(piece, { maxLength: 4 }).map((p) => p.join("")),
    checked: fc.boolean(),
    outlined: fc.boolean(),
    until: fc.option(fc.nat(), { freq: 3 }),
  });
  let moved = 0;
  let given = 0;
  fc.assert(
    fc.property(sectionsDoc(1), fc.array(step, { minLength: 2, maxLength: 5 }), fc.boolean(), (first, steps, registry) => {
      const s = registry ? withUnits : settings;
      let text = first;
      let a = new Analysis("u", 1, text, s);
      void a.findings;
      let version = 1;
      for (const [k, st] of steps.entries()) {
        const start = st.at % (text.length + 1);
        const end = Math.min(text.length, start + st.cut);
        const next = text.slice(0, start) + st.put + text.slice(end);
        const last = a.model.tasks[a.model.tasks.length - 1];
        // As the server does: the edits' unchanged ends, a partial parse for a completion,
        // then the whole of the same version parsed on from it.
        a = new Analysis("u", ++version, next, s, { analysis: a, editStart: start, unchangedTail: text.length - end }, st.until === null ? undefined : st.until % (next.length + 1));
        if (!a.whole) a = new Analysis("u", version, next, s, { analysis: a, editStart: next.length });
        text = next;
        if (last && a.model.tasks[a.model.tasks.length - 1] === last) moved++;
        const fresh = buildModel(parse(text, { labels: s.labels }), s);
        assert.equal(shape(a.model.tree), shape(fresh.tree), `tree after step ${k}`);
        assert.equal(modelShape(a.model), modelShape(fresh), `model after step ${k}`);
        if (st.checked || k === steps.length - 1) assert.deepEqual(plain(a.findings), plain(check(fresh, s)), `findings after step ${k}`);
        if (st.outlined || k === steps.length - 1) {
          const tasks: Task[] = [];
          const walk = (ts: Task[]) => ts.forEach((t) => (tasks.push(t), walk(t.items)));
          walk([...a.model.tasks, ...a.model.orphanItems]);
          const before = tasks.map((t) => t.shown);
          assert.deepEqual(documentSymbols(a.model, a.lines), outline(fresh).map((x) => documentSymbol(fresh.tree.lines, x)), `outline after step ${k}`);
          given += tasks.filter((t, i) => before[i] !== null && t.shown === before[i]).length;
        }
      }
    }),
    RUNS,
  );
  assert.ok(moved > RUNS.numRuns / 4, `took the last task over in only ${moved} steps`);
  assert.ok(given > 0, "no task's outline entry was made from what it kept");
});

test("the line index after an edit, from the one before it, equals a fresh one, whatever the line breaks", () => {
  const text = fc.array(fc.constantFrom("a", "甲", "\n", "\r", "\r\n", " "), { maxLength: 30 }).map((p) => p.join(""));
  fc.assert(
    fc.property(text, fc.nat(), fc.nat({ max: 6 }), text, fc.nat({ max: 3 }), fc.nat({ max: 3 }), (before, at, cut, put, lessStart, lessTail) => {
      const start = at % (before.length + 1);
      const end = Math.min(before.length, start + cut);
      const after = before.slice(0, start) + put + before.slice(end);
      // What an editor reports may say less was kept than was: both ends only shrink.
      const editStart = Math.max(0, start - lessStart);
      const unchangedTail = Math.max(0, before.length - end - lessTail);
      const moved = LineIndex.afterEdit(new LineIndex(before), after, editStart, unchangedTail);
      // A line starts after every LF, and after every CR that no LF follows.
      const naive = [0];
      for (let i = 0; i < after.length; i++) if (after[i] === "\n" || (after[i] === "\r" && after[i + 1] !== "\n")) naive.push(i + 1);
      assert.deepEqual(Array.from(new LineIndex(after).starts), naive, JSON.stringify(after));
      assert.deepEqual(Array.from(moved.starts), naive, JSON.stringify({ before, after, editStart, unchangedTail }));
      // A line looked up from a line near it is the line a search finds, wherever it starts.
      for (let o = 0; o <= after.length; o++) for (const near of [-1, 0, at % (naive.length + 1), naive.length]) assert.equal(moved.lineAtFrom(o, near), moved.lineAt(o));
    }),
    { numRuns: 2000 },
  );
});

test("one model checked with other settings is checked again, not answered from what the first check kept", () => {
  const text = "一、甲\n1. 任务\n   牵头：文旅局、区外事办\n   配合：区财政局、区财政局\n";
  const model = buildModel(parse(text, { labels: withUnits.labels }), withUnits);
  const english = { ...withUnits, locale: "en" as const };
  const quiet = { ...withUnits, rules: { ...withUnits.rules, "unknown-unit": "off" as const, "TT204": "off" as const } };
  const zh = plain(check(model, withUnits));
  assert.ok(zh.some((f) => f[0] === "TT205") && zh.some((f) => f[0] === "TT204"), "the Chinese check finds the unknown and the repeated unit");
  for (const s of [english, quiet, withUnits]) {
    assert.deepEqual(plain(check(model, s)), plain(check(buildModel(parse(text, { labels: s.labels }), s), s)), `settings ${s.locale} ${JSON.stringify(s.rules)}`);
  }
});

test("the fingerprint of diagnostics holds each finding's positions as the line index gives them", () => {
  // Findings in order of their starts, some ending many lines on, some past the text.
  const spans = fc.array(fc.tuple(fc.nat(), fc.nat({ max: 400 }), fc.nat({ max: 2 })), { maxLength: 30 });
  fc.assert(
    fc.property(lineDoc, spans, (text, raw) => {
      const lines = new LineIndex(text);
      const made = raw
        .map(([at, len, rel]) => {
          const start = at % (text.length + 2);
          const range = { start, end: start + len };
          const related = Array.from({ length: rel }, (_, i) => ({ range: { start: (at * (i + 3)) % (text.length + 1), end: (at * (i + 3)) % (text.length + 1) + i }, message: "m" }));
          return { code: "TT000", name: "x", severity: "warning" as const, message: "m", range, related, fixes: [] };
        })
        .sort((a, b) => a.range.start - b.range.start);
      const real = check(buildModel(parse(text), settings), settings);
      for (const findings of [made, real]) {
        const { numbers } = fingerprint(lines, findings as unknown as Finding[]);
        const naive: number[] = [];
        const put = (r: { start: number; end: number }, extra: number) => {
          const a = lines.positionAt(r.start);
          const b = lines.positionAt(r.end);
          naive.push(a.line, a.character, b.line, b.character, extra);
        };
        const SEVERITY = { error: 1, warning: 2, info: 3, hint: 4 } as const;
        for (const f of findings) {
          put(f.range, SEVERITY[f.severity] * 65536 + f.related.length);
          for (const r of f.related) put(r.range, 0);
        }
        assert.deepEqual(Array.from(numbers), naive);
      }
    }),
    RUNS,
  );
});

test("a document's diagnostics, made in one pass, are as JSON what each finding converted alone gives", () => {
  // Findings in any order, some ending many lines on or past the text, some with a second place.
  const spans = fc.array(fc.tuple(fc.nat(), fc.nat({ max: 400 }), fc.nat({ max: 2 })), { maxLength: 30 });
  fc.assert(
    fc.property(lineDoc, spans, fc.boolean(), (text, raw, sorted) => {
      const lines = new LineIndex(text);
      const made = raw.map(([at, len, rel]) => {
        const start = at % (text.length + 2);
        const related = Array.from({ length: rel }, (_, i) => ({ range: { start: (at * (i + 3)) % (text.length + 1), end: (at * (i + 3)) % (text.length + 1) + i }, message: "m" }));
        return { code: "TT000", name: "x", severity: "warning" as const, message: "m", range: { start, end: start + len }, related, fixes: [] };
      });
      if (sorted) made.sort((a, b) => a.range.start - b.range.start);
      const real = check(buildModel(parse(text), settings), settings);
      for (const [findings, base] of [[made, null], [real, "file:///docs"]] as const) {
        const one = toDiagnostics(lines, "file:///t.tasktable", findings as unknown as Finding[], base);
        const each = (findings as unknown as Finding[]).map((f) => toDiagnostic(lines, "file:///t.tasktable", f, base));
        assert.equal(JSON.stringify(one), JSON.stringify(each));
      }
    }),
    RUNS,
  );
});
