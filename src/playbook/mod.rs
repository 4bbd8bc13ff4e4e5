//! Recovery playbooks: schema, pure engine, built-ins, reports.

use serde::{Deserialize, Serialize};

/// Progress of one playbook run, stored in the vault (placeholder until the engine lands).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Run {
    /// The playbook's id.
    pub playbook: String,
}
