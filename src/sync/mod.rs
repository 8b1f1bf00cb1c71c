//! `samrad sync`: git as the sync engine, so that nobody has to learn git. The data folder is
//! a git repository with one remote (`origin`); a sync commits this folder's new lines (only
//! samrad's files: `log/` and the ignore files), puts them on top of what the remote has
//! (a rebase, done file by file in `merge`, so the working files are never taken back to an
//! older state under a running samrad), writes what came in as samrad writes files
//! (`worktree`: private modes, appends), and pushes. Folders seeded apart meet on their own:
//! their histories are joined, identical files (the template) are one, and a file that
//! differs on both sides is kept twice, never lost.
//!
//! Derived files (`minutes/`, `index/`, `exports/`) and this machine's own (`local/`) are
//! never synced: the `.gitignore` samrad writes keeps them out. The minutes JSON in
//! particular is rebuilt from the logs on every machine; were it synced, two machines would
//! write one file and every sync of a meeting in progress would be a conflict.

pub mod background;
pub mod git;
pub mod merge;
mod outcome;
mod run;
mod stage;
pub mod worktree;

pub use background::Background;
pub use outcome::{Options, Report, SyncError};
pub use run::{REMOTE, clone, init, is_set_up, remote_label, remote_url, sync};
