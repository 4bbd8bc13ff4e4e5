//! Backups, restore drills, recovery-key splitting, the emergency kit and the doctor check-up.
