//! Files written and fsynced by a few threads while the generator goes on.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};

use anyhow::{Context, Result, anyhow, bail};

use crate::store::{atomic, par, perms};

/// Threads writing and fsyncing files while the generator runs.
const WRITER_THREADS: usize = 16;
/// Files written and fsynced by a few threads while the generator goes on.
pub(super) struct Files {
    pub(super) tx: Option<mpsc::SyncSender<(PathBuf, Vec<u8>, bool)>>,
    pub(super) workers: Vec<std::thread::JoinHandle<()>>,
    pub(super) failed: Arc<Mutex<Option<String>>>,
    pub(super) dirs: Vec<PathBuf>,
    pub(super) files: usize,
    pub(super) bytes: u64,
}

impl Files {
    pub(super) fn new() -> Files {
        let (tx, rx) = mpsc::sync_channel::<(PathBuf, Vec<u8>, bool)>(256);
        let rx = Arc::new(Mutex::new(rx));
        let failed: Arc<Mutex<Option<String>>> = Arc::new(Mutex::new(None));
        let workers = (0..WRITER_THREADS)
            .map(|_| {
                let rx = Arc::clone(&rx);
                let failed = Arc::clone(&failed);
                std::thread::spawn(move || {
                    loop {
                        let job = match rx.lock() {
                            Ok(rx) => rx.recv(),
                            Err(_) => return,
                        };
                        let Ok((path, bytes, replace)) = job else {
                            return;
                        };
                        if failed.lock().map(|f| f.is_some()).unwrap_or(true) {
                            continue;
                        }
                        if let Err(e) = write_file(&path, &bytes, replace)
                            && let Ok(mut f) = failed.lock()
                        {
                            f.get_or_insert(format!("could not write {}: {e}", path.display()));
                        }
                    }
                })
            })
            .collect();
        Files {
            tx: Some(tx),
            workers,
            failed,
            dirs: Vec::new(),
            files: 0,
            bytes: 0,
        }
    }

    pub(super) fn dir(&mut self, dir: &Path) -> Result<()> {
        perms::create_dir_all(dir)
            .with_context(|| format!("could not create {}", dir.display()))?;
        self.dirs.push(dir.to_path_buf());
        Ok(())
    }

    fn check(&self) -> Result<()> {
        match self.failed.lock() {
            Ok(f) => match f.as_ref() {
                Some(e) => bail!("{e}"),
                None => Ok(()),
            },
            Err(_) => bail!("a file writer failed"),
        }
    }

    /// Queue a new file (a log, never replacing anything), or with `replace` a derived file
    /// that may exist (replaced atomically).
    pub(super) fn put(&mut self, path: PathBuf, bytes: Vec<u8>, replace: bool) -> Result<()> {
        self.check()?;
        self.files += 1;
        self.bytes += bytes.len() as u64;
        let tx = self
            .tx
            .as_ref()
            .ok_or_else(|| anyhow!("the file writers stopped"))?;
        tx.send((path, bytes, replace))
            .map_err(|_| anyhow!("the file writers stopped"))
    }

    /// Wait for every file, then flush the folders' entries.
    pub(super) fn finish(mut self) -> Result<(usize, u64)> {
        drop(self.tx.take());
        for w in self.workers.drain(..) {
            w.join().map_err(|_| anyhow!("a file writer failed"))?;
        }
        self.check()?;
        let dirs = std::mem::take(&mut self.dirs);
        let synced = par::map(
            &dirs,
            WRITER_THREADS,
            |d| perms::sync_dir(d),
            |_| Err(std::io::Error::other("sync failed")),
        );
        for r in synced {
            r.context("could not flush a folder")?;
        }
        Ok((self.files, self.bytes))
    }
}

fn write_file(path: &Path, bytes: &[u8], replace: bool) -> std::io::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    perms::private_file_mode(&mut options);
    match options.open(path) {
        Ok(mut f) => {
            f.write_all(bytes)?;
            f.sync_all()
        }
        Err(e) if replace && e.kind() == std::io::ErrorKind::AlreadyExists => {
            atomic::write_atomic(path, bytes)
        }
        Err(e) => Err(e),
    }
}
