// Requests the client and server add to LSP, and their shapes: one definition for both.

export interface Stats {
  sections: number;
  subsections: number;
  tasks: number;
  withoutLead: number;
  errors: number;
  warnings: number;
  notes: number;
}

export interface WorkspaceCheck {
  files: number;
  errors: number;
  warnings: number;
}

export const STATS_REQUEST = "tasktable/stats";
export const CHECK_WORKSPACE_REQUEST = "tasktable/checkWorkspace";
export const PREVIEW_REQUEST = "tasktable/preview";

export const UNITS_REQUEST = "tasktable/units";

export interface UnitTaskRef {
  uri: string;
  /** 0-based line of the task. */
  line: number;
  /** Its number and title. */
  label: string;
}

/** One unit across the workspace: what it leads and joins, and every name it goes by. */
export interface UnitSummary {
  unit: string;
  names: string[];
  registered: boolean;
  leads: UnitTaskRef[];
  joins: UnitTaskRef[];
}
