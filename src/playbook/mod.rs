//! Recovery playbooks: schema, pure engine, built-ins, reports.

use serde::{Deserialize, Serialize};

/// Playbook runs kept in the vault (placeholder until the engine lands).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PlaybookState {
    /// Runs in progress.
    #[serde(default)]
    pub active: Vec<Run>,
    /// Finished or reset runs, kept for the record.
    #[serde(default)]
    pub archived: Vec<Run>,
}

/// Progress of one playbook run, stored in the vault (placeholder until the engine lands).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Run {
    /// The playbook's id.
    pub playbook: String,
}
