//! Reading a data folder back: its files, a meeting's own logs, and a log checked line by line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use samrad::store::log::parse_log;
use samrad::store::op::{encode_lines, line_hash};
use samrad::store::{Op, ProblemKind};

/// Every file under `dir`, sorted; none when `dir` does not exist.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries {
            let p = e.expect("dir entry").path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Every file under `dir` with its bytes, by its path below `dir`.
pub fn contents(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    files_under(dir)
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).expect("read file");
            (p.strip_prefix(dir).expect("under dir").to_path_buf(), bytes)
        })
        .collect()
}

/// The writers' logs in one log folder (`log/<meeting>`), without the template's.
pub fn own_logs(dir: &Path) -> Vec<PathBuf> {
    files_under(dir)
        .into_iter()
        .filter(|p| p.file_name().is_some_and(|n| n != "template.jsonl"))
        .collect()
}

/// One log file as read back.
pub struct CheckedLog {
    pub ops: Vec<Op>,
    /// Cut-off last lines reported (each a `ProblemKind::TornTail`).
    pub torn_tails: usize,
    /// The file does not end with a newline.
    pub cut_off: bool,
}

/// Read a log and check that it is one writer's: every complete line a valid op (only a
/// cut-off last line may be missing), written by the writer the file is named after,
/// chained to the line before, with seqs 1, 2, 3… (the template's aside), and the complete
/// lines are the ops byte for byte.
pub fn check_log(path: &Path) -> CheckedLog {
    let bytes = std::fs::read(path).expect("read log");
    let (ops, problems) = parse_log(path, &bytes);
    for p in &problems {
        assert_eq!(p.kind, ProblemKind::TornTail, "{}: {p:?}", path.display());
    }
    let stem = path
        .file_stem()
        .expect("a file name")
        .to_string_lossy()
        .into_owned();
    let mut prev = String::new();
    for (i, op) in ops.iter().enumerate() {
        let line = i + 1;
        assert_eq!(
            op.prev,
            prev,
            "{}:{line}: broken hash chain",
            path.display()
        );
        prev = line_hash(op.encode().as_bytes());
        assert_eq!(op.writer, stem, "{}:{line}: writer", path.display());
        if stem != "template" {
            assert_eq!(
                op.seq,
                i as u64 + 1,
                "{}:{line}: seqs are not 1, 2, 3…",
                path.display()
            );
        }
    }
    // A last line complete but for its newline is an op already: compare what both have.
    let whole = encode_lines(&ops);
    let n = whole.len().min(bytes.len());
    assert_eq!(&bytes[..n], &whole[..n], "{}", path.display());
    CheckedLog {
        ops,
        torn_tails: problems.len(),
        cut_off: bytes.last().is_some_and(|b| *b != b'\n'),
    }
}
