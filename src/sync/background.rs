//! Syncing every N seconds on a thread of its own (`samrad --sync-every N`), so the TUI
//! never waits for git or the network. Each result is sent back to be shown; what came in
//! is picked up by the TUI's file watcher like any other writer's lines.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use super::outcome::{Options, Report, SyncError};
use super::run::sync;

/// The sync thread: started, asked for results, and stopped.
pub struct Background {
    root: PathBuf,
    opts: Options,
    stop: Option<Sender<()>>,
    results: Receiver<Result<Report, SyncError>>,
    thread: Option<JoinHandle<()>>,
}

impl Background {
    /// Sync `root` now and then every `every` after the last sync ended.
    pub fn start(root: PathBuf, every: Duration, opts: Options) -> Background {
        let (stop, stopped) = mpsc::channel::<()>();
        let (tx, results) = mpsc::channel();
        let (dir, o) = (root.clone(), opts.clone());
        let thread = std::thread::spawn(move || {
            loop {
                if tx.send(sync(&dir, &o)).is_err() {
                    return;
                }
                match stopped.recv_timeout(every) {
                    Err(RecvTimeoutError::Timeout) => {}
                    _ => return,
                }
            }
        });
        Background {
            root,
            opts,
            stop: Some(stop),
            results,
            thread: Some(thread),
        }
    }

    /// A result that has come in since the last call.
    pub fn take(&self) -> Option<Result<Report, SyncError>> {
        self.results.try_recv().ok()
    }

    /// Stop syncing in the background (a sync under way is finished first), then sync once
    /// more, so that what was written last goes out too.
    pub fn last_sync(mut self) -> Result<Report, SyncError> {
        self.stop = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
        sync(&self.root, &self.opts)
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        self.stop = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
