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
