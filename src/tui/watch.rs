//! Others' writes wake the loop at once where the file system tells (notify); where it does
//! not (network shares), the loop still looks every 300 ms.
//!
//! Only the folders whose logs are shown are watched: the forum's, the meeting's, and the
//! log folder itself (a meeting's folder made by another samrad). A watch of every log
//! folder would walk an archive of thousands at every start and could use up the system's
//! inotify watches.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;

use notify::{RecommendedWatcher, RecursiveMode, Watcher};

use crate::model::Scope;
use crate::store::layout::Layout;

pub struct LogWatch {
    watcher: Option<RecommendedWatcher>,
    layout: Layout,
    /// The meeting folder watched, when one is.
    meeting: Option<PathBuf>,
    /// The meeting whose folder should be watched (it may not exist yet).
    wanted: Option<String>,
}

impl LogWatch {
    /// Watch the forum's log folder and the log folder; `watcher` is `None` where the file
    /// system cannot be watched.
    pub fn new(layout: &Layout, tx: Sender<()>) -> LogWatch {
        let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            if event.is_ok_and(|e| e.kind.is_modify() || e.kind.is_create()) {
                let _ = tx.send(());
            }
        })
        .ok()
        .and_then(|mut w| {
            w.watch(&layout.log_root(), RecursiveMode::NonRecursive)
                .ok()?;
            // The forum's folder is made with the data folder; without it, the loop's look
            // every 300 ms still sees others' writes.
            let _ = w.watch(
                &layout.scope_dir(&Scope::Forum),
                RecursiveMode::NonRecursive,
            );
            Some(w)
        });
        LogWatch {
            watcher,
            layout: layout.clone(),
            meeting: None,
            wanted: None,
        }
    }

    /// Watch the folder of `meeting` (the one shown) and no other meeting's. A folder not
    /// made yet is watched once it is there: call again after a wake or now and then.
    pub fn follow(&mut self, meeting: Option<&str>) {
        let Some(w) = self.watcher.as_mut() else {
            return;
        };
        if self.wanted.as_deref() != meeting {
            if let Some(old) = self.meeting.take() {
                let _ = w.unwatch(&old);
            }
            self.wanted = meeting.map(str::to_string);
        }
        if self.meeting.is_none()
            && let Some(id) = &self.wanted
        {
            let dir = self.layout.scope_dir(&Scope::Meeting(id.clone()));
            if watch_dir(w, &dir) {
                self.meeting = Some(dir);
            }
        }
    }

    /// Whether the shown meeting's folder is watched now (for tests).
    #[cfg(test)]
    fn watches_meeting(&self) -> bool {
        self.meeting.is_some()
    }
}

fn watch_dir(w: &mut RecommendedWatcher, dir: &Path) -> bool {
    dir.is_dir() && w.watch(dir, RecursiveMode::NonRecursive).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    /// Whether a wake comes: waited for long when one should, briefly when none should.
    /// One write is several events (made, written, closed), which on a busy machine come
    /// apart: the rest of them are let come and dropped, so that they are not taken for
    /// the next write's.
    fn woken_within(rx: &mpsc::Receiver<()>, wait: Duration) -> bool {
        let got = rx.recv_timeout(wait).is_ok();
        if got {
            std::thread::sleep(Duration::from_millis(150));
        }
        while rx.try_recv().is_ok() {}
        got
    }

    fn woken(rx: &mpsc::Receiver<()>) -> bool {
        woken_within(rx, Duration::from_secs(5))
    }

    fn quiet(rx: &mpsc::Receiver<()>) -> bool {
        !woken_within(rx, Duration::from_millis(400))
    }

    #[test]
    fn an_append_to_the_shown_meeting_wakes_and_one_to_another_meeting_does_not() {
        let dir = tempfile::tempdir().expect("tempdir");
        let layout = Layout::new(dir.path());
        let forum = layout.scope_dir(&Scope::Forum);
        let shown = layout.scope_dir(&Scope::Meeting("m-1".into()));
        let other = layout.scope_dir(&Scope::Meeting("m-2".into()));
        for d in [&forum, &shown, &other] {
            std::fs::create_dir_all(d).expect("mkdir");
        }
        let (tx, rx) = mpsc::channel();
        let mut watch = LogWatch::new(&layout, tx);
        watch.follow(Some("m-1"));
        assert!(watch.watches_meeting());
        std::fs::write(shown.join("w1.jsonl"), b"{}\n").expect("write");
        assert!(woken(&rx), "the shown meeting's log");
        std::fs::write(forum.join("w1.jsonl"), b"{}\n").expect("write");
        assert!(woken(&rx), "the forum's log");
        std::fs::write(other.join("w1.jsonl"), b"{}\n").expect("write");
        assert!(quiet(&rx), "another meeting's log is not watched");
        watch.follow(Some("m-2"));
        std::fs::write(other.join("w1.jsonl"), b"{}\n{}\n").expect("write");
        assert!(woken(&rx), "once it is shown, it is");
        std::fs::write(shown.join("w1.jsonl"), b"{}\n{}\n").expect("write");
        assert!(quiet(&rx), "and the one shown before no longer");
    }

    #[test]
    fn a_meeting_folder_made_later_is_watched_once_it_is_there() {
        let dir = tempfile::tempdir().expect("tempdir");
        let layout = Layout::new(dir.path());
        std::fs::create_dir_all(layout.scope_dir(&Scope::Forum)).expect("mkdir");
        let (tx, rx) = mpsc::channel();
        let mut watch = LogWatch::new(&layout, tx);
        watch.follow(Some("m-new"));
        assert!(!watch.watches_meeting());
        let dir = layout.scope_dir(&Scope::Meeting("m-new".into()));
        std::fs::create_dir_all(&dir).expect("mkdir");
        assert!(woken(&rx), "a folder made in log/ wakes the loop");
        watch.follow(Some("m-new"));
        assert!(watch.watches_meeting());
        std::fs::write(dir.join("w1.jsonl"), b"{}\n").expect("write");
        assert!(woken(&rx));
    }
}
