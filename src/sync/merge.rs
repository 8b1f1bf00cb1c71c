//! Putting this folder's commits on top of the remote's ("rebase"), file by file, without
//! touching the working files: a three-way merge of trees (base, ours, theirs) that never
//! loses a line. Logs are append-only and have one writer each, so a file changed on both
//! sides is rare: when one side's content starts with the other's, the longer is taken;
//! else ours stays and theirs is kept beside it as a conflict copy
//! (`NAME.sync-conflict-<date>-<time>-<who>.jsonl`, as Syncthing names them), which samrad
//! reads. Only when both sides deleted or changed nothing is a file dropped.

use std::collections::{BTreeMap, BTreeSet};

pub use super::outcome::Conflict;
use super::outcome::SyncError;

/// A file in a commit: its mode (`100644`, …) and blob id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub mode: String,
    pub sha: String,
}

/// A commit's files by path.
pub type Tree = BTreeMap<String, Entry>;

/// The merged tree, with what had to be kept twice and what new content it needs.
#[derive(Debug, Default)]
pub struct Merged {
    pub tree: Tree,
    pub conflicts: Vec<Conflict>,
    /// Files whose merged content is new (joined ignore files): path, bytes.
    pub new_content: Vec<(String, Vec<u8>)>,
}

/// Where a file changed on both sides keeps the other side's version: beside it, named as
/// Syncthing names its conflict copies, so samrad reads it as one.
pub fn conflict_copy_name(path: &str, stamp: &str, who: &str) -> String {
    let (dir, name) = match path.rsplit_once('/') {
        Some((d, n)) => (format!("{d}/"), n),
        None => (String::new(), path),
    };
    let (stem, ext) = match name.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() => (s, format!(".{e}")),
        _ => (name, String::new()),
    };
    format!("{dir}{stem}.sync-conflict-{stamp}-{who}{ext}")
}

/// Whether a path is a writer's log (`log/<scope>/<writer>.jsonl`).
pub fn is_log(path: &str) -> bool {
    path.starts_with("log/")
        && path
            .rsplit('/')
            .next()
            .is_some_and(crate::store::layout::is_log_name)
}

/// The files samrad writes the ignore lines into: joined line by line when both differ.
fn is_ignore_file(path: &str) -> bool {
    path == ".gitignore" || path == ".stignore"
}

/// Merge `theirs` and `ours` from `base` (empty for histories that never met).
/// `read` gives a blob's bytes; `copy_name` where a conflict copy of a path goes.
pub fn merge(
    base: &Tree,
    ours: &Tree,
    theirs: &Tree,
    mut read: impl FnMut(&str) -> Result<Vec<u8>, SyncError>,
    copy_name: impl Fn(&str) -> String,
) -> Result<Merged, SyncError> {
    let mut out = Merged::default();
    let paths: BTreeSet<&String> = base
        .keys()
        .chain(ours.keys())
        .chain(theirs.keys())
        .collect();
    for path in paths {
        let (b, o, t) = (base.get(path), ours.get(path), theirs.get(path));
        let keep = |e: Option<&Entry>, tree: &mut Tree| {
            if let Some(e) = e {
                tree.insert(path.clone(), e.clone());
            }
        };
        if o == t || o == b {
            keep(t, &mut out.tree);
            continue;
        }
        if t == b {
            keep(o, &mut out.tree);
            continue;
        }
        // Changed on both sides, differently. A file one side deleted and the other
        // changed is kept as changed.
        let (Some(o), Some(t)) = (o, t) else {
            keep(o.or(t), &mut out.tree);
            continue;
        };
        let (ob, tb) = (read(&o.sha)?, read(&t.sha)?);
        if is_ignore_file(path) {
            let mut text = String::from_utf8_lossy(&ob).into_owned();
            let have: BTreeSet<String> = text.lines().map(str::to_string).collect();
            let theirs_text = String::from_utf8_lossy(&tb).into_owned();
            let missing: Vec<&str> = theirs_text.lines().filter(|l| !have.contains(*l)).collect();
            if !missing.is_empty() && !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            for l in missing {
                text.push_str(l);
                text.push('\n');
            }
            keep(Some(o), &mut out.tree);
            out.new_content.push((path.clone(), text.into_bytes()));
        } else if tb.starts_with(&ob) {
            keep(Some(t), &mut out.tree);
        } else if ob.starts_with(&tb) {
            keep(Some(o), &mut out.tree);
        } else {
            keep(Some(o), &mut out.tree);
            let copy = copy_name(path);
            out.tree.insert(copy.clone(), t.clone());
            out.conflicts.push(Conflict {
                path: path.clone(),
                copy,
                same_writer: is_log(path),
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(files: &[(&str, &str)]) -> Tree {
        files
            .iter()
            .map(|(p, sha)| {
                (
                    p.to_string(),
                    Entry {
                        mode: "100644".into(),
                        sha: sha.to_string(),
                    },
                )
            })
            .collect()
    }

    /// Blob ids are their content in these tests.
    fn run(base: &Tree, ours: &Tree, theirs: &Tree) -> Merged {
        merge(
            base,
            ours,
            theirs,
            |sha| Ok(sha.as_bytes().to_vec()),
            |p| conflict_copy_name(p, "20260301-101010", "ABC1234"),
        )
        .expect("merge")
    }

    fn shas(t: &Tree) -> Vec<(&str, &str)> {
        t.iter()
            .map(|(p, e)| (p.as_str(), e.sha.as_str()))
            .collect()
    }

    #[test]
    fn each_side_brings_its_own_files_and_shared_ones_meet() {
        let base = tree(&[]);
        let ours = tree(&[
            ("log/forum/template.jsonl", "T\n"),
            ("log/m/wa.jsonl", "a\n"),
        ]);
        let theirs = tree(&[
            ("log/forum/template.jsonl", "T\n"),
            ("log/m/wb.jsonl", "b\n"),
        ]);
        let m = run(&base, &ours, &theirs);
        assert!(m.conflicts.is_empty());
        assert_eq!(
            shas(&m.tree),
            vec![
                ("log/forum/template.jsonl", "T\n"),
                ("log/m/wa.jsonl", "a\n"),
                ("log/m/wb.jsonl", "b\n")
            ]
        );
    }

    #[test]
    fn a_log_grown_on_one_side_is_taken_longest_and_differing_ones_are_both_kept() {
        let base = tree(&[("log/m/w1.jsonl", "1\n"), ("log/m/w2.jsonl", "1\n")]);
        let ours = tree(&[
            ("log/m/w1.jsonl", "1\n2\n"),
            ("log/m/w2.jsonl", "1\nours\n"),
        ]);
        let theirs = tree(&[
            ("log/m/w1.jsonl", "1\n2\n3\n"),
            ("log/m/w2.jsonl", "1\ntheirs\n"),
        ]);
        let m = run(&base, &ours, &theirs);
        assert_eq!(
            shas(&m.tree),
            vec![
                ("log/m/w1.jsonl", "1\n2\n3\n"),
                ("log/m/w2.jsonl", "1\nours\n"),
                (
                    "log/m/w2.sync-conflict-20260301-101010-ABC1234.jsonl",
                    "1\ntheirs\n"
                ),
            ]
        );
        assert_eq!(
            m.conflicts,
            vec![Conflict {
                path: "log/m/w2.jsonl".into(),
                copy: "log/m/w2.sync-conflict-20260301-101010-ABC1234.jsonl".into(),
                same_writer: true,
            }]
        );
    }

    #[test]
    fn deletions_count_only_where_the_other_side_changed_nothing() {
        let base = tree(&[("a", "1"), ("b", "1"), ("c", "1")]);
        let ours = tree(&[("b", "1"), ("c", "2")]);
        let theirs = tree(&[("a", "1")]);
        let m = run(&base, &ours, &theirs);
        // a: we deleted, they kept it as it was: gone. b: they deleted: gone. c: we
        // changed, they deleted: kept as changed.
        assert_eq!(shas(&m.tree), vec![("c", "2")]);
    }

    #[test]
    fn ignore_files_are_joined() {
        let ours = tree(&[(".gitignore", "/minutes/\n/index/\n")]);
        let theirs = tree(&[(".gitignore", "/index/\nnotes.txt\n")]);
        let m = run(&tree(&[]), &ours, &theirs);
        assert_eq!(
            m.new_content,
            vec![(
                ".gitignore".into(),
                b"/minutes/\n/index/\nnotes.txt\n".to_vec()
            )]
        );
    }

    #[test]
    fn conflict_copies_are_named_as_syncthing_names_them() {
        assert_eq!(
            conflict_copy_name("log/m/w1.jsonl", "20260301-101010", "ABC1234"),
            "log/m/w1.sync-conflict-20260301-101010-ABC1234.jsonl"
        );
        assert_eq!(
            conflict_copy_name("README", "d", "w"),
            "README.sync-conflict-d-w"
        );
        assert!(is_log("log/forum/w1.jsonl"));
        assert!(!is_log("log/forum/w1.sync-conflict-1-2-3.jsonl"));
    }
}
