// Field labels and the roles they play. The table is configurable; these are the labels
// real tables use.

export type Role = "lead" | "responsible" | "partners" | "requirement" | "deadline" | "note";
export const ROLES: readonly Role[] = ["lead", "responsible", "partners", "requirement", "deadline", "note"];

export const DEFAULT_LABELS: Readonly<Record<string, Role>> = {
  牵头单位: "lead",
  牵头处室: "lead",
  牵头部门: "lead",
  牵头科室: "lead",
  牵头: "lead",
  责任单位: "responsible",
  责任部门: "responsible",
  责任处室: "responsible",
  责任科室: "responsible",
  责任: "responsible",
  配合单位: "partners",
  配合部门: "partners",
  配合处室: "partners",
  协办单位: "partners",
  协办处室: "partners",
  参与单位: "partners",
  协办: "partners",
  配合: "partners",
  工作要求: "requirement",
  具体要求: "requirement",
  工作内容: "requirement",
  要求: "requirement",
  时限: "deadline",
  完成时限: "deadline",
  完成时间: "deadline",
  公开时限: "deadline",
  时间: "deadline",
  备注: "note",
  说明: "note",
};

/** The short label `fmt` writes with `format.labels: "short"`, per role. */
export const SHORT_LABEL: Readonly<Record<Role, string>> = {
  lead: "牵头",
  responsible: "责任",
  partners: "配合",
  requirement: "要求",
  deadline: "时限",
  note: "备注",
};

/** The long label `fmt` writes with `format.labels: "long"`, per role. */
export const LONG_LABEL: Readonly<Record<Role, string>> = {
  lead: "牵头单位",
  responsible: "责任单位",
  partners: "配合单位",
  requirement: "工作要求",
  deadline: "完成时限",
  note: "备注",
};

export type LabelTable = ReadonlyMap<string, Role>;

export function labelTable(extra?: Record<string, Role | "none">): LabelTable {
  const m = new Map<string, Role>(Object.entries(DEFAULT_LABELS));
  if (extra) {
    for (const [k, v] of Object.entries(extra)) {
      if (v === "none") m.delete(k);
      else m.set(k, v);
    }
  }
  return m;
}

export function isUnitRole(r: Role): boolean {
  return r === "lead" || r === "responsible" || r === "partners";
}
