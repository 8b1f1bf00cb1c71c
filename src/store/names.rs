//! The names of the files sync tools and samrad leave beside the logs, in one place.
//!
//! When two versions of one file meet, a sync tool keeps one under the file's name and the
//! other beside it under another name. samrad knows these names:
//!
//! | tool | a copy of `w1.jsonl` |
//! | --- | --- |
//! | Syncthing | `w1.sync-conflict-20261208-101010-ABCDEFG.jsonl` |
//! | Dropbox | `w1 (Kari's conflicted copy 2026-12-08).jsonl` |
//! | Nextcloud | `w1 (conflicted copy 2026-12-08 101010).jsonl` |
//! | ownCloud | `w1_conflict-20261208-101010.jsonl` |
//! | git (mergetool) | `w1.jsonl.orig` |
//! | samrad | `w1.samrad-kept-20261208T101010-3f9a.jsonl` (what was in its own log when a sync replaced it) |
//!
//! samrad's own temp files are `.NAME.RAND.tmp` (`atomic`); Syncthing's, `.syncthing.*.tmp`,
//! are its own business.

/// The file ending of a log.
pub const LOG_EXT: &str = ".jsonl";

/// The writer whose log a file of this name is, and whether it is a conflict copy of it:
/// `w1.jsonl` is w1's log, `w1.sync-conflict-….jsonl` a copy of it. `None`: not a log.
pub fn log_writer(name: &str) -> Option<(&str, bool)> {
    if name.starts_with('.') {
        return None;
    }
    if let Some(w) = copy_writer(name) {
        return super::ids::is_safe_id(w).then_some((w, true));
    }
    let stem = name.strip_suffix(LOG_EXT)?;
    if stem.contains(".syncthing.") {
        return None;
    }
    super::ids::is_safe_id(stem).then_some((stem, false))
}

/// The writer a conflict copy's name names, if the name is one of a known tool's.
fn copy_writer(name: &str) -> Option<&str> {
    // git's mergetool keeps the file as it was before the merge as `NAME.orig`.
    if let Some(stem) = name
        .strip_suffix(".orig")
        .and_then(|n| n.strip_suffix(LOG_EXT))
    {
        return Some(stem);
    }
    let stem = name.strip_suffix(LOG_EXT)?;
    for mark in [".sync-conflict-", ".samrad-kept-", "_conflict-"] {
        if let Some((writer, _)) = stem.split_once(mark) {
            return Some(writer);
        }
    }
    // Dropbox and Nextcloud: `NAME (… conflicted copy …)`.
    let (writer, rest) = stem.split_once(" (")?;
    rest.to_lowercase()
        .contains("conflicted copy")
        .then_some(writer)
}

/// The name samrad keeps what it found in its own log under, when a sync replaced it.
pub fn kept_name(writer: &str) -> String {
    let stamp = chrono::Local::now().format("%Y%m%dT%H%M%S");
    format!(
        "{writer}.samrad-kept-{stamp}-{}{LOG_EXT}",
        super::ids::random_hex(4)
    )
}

/// Whether a file name is one of samrad's temp files (`.NAME.RAND.tmp`, as
/// `atomic::write_atomic` and the write probe make them).
pub fn is_temp_name(name: &str) -> bool {
    let Some(inner) = name.strip_prefix('.').and_then(|n| n.strip_suffix(".tmp")) else {
        return false;
    };
    inner.rsplit_once('.').is_some_and(|(base, rand)| {
        !base.is_empty()
            && rand.len() == super::atomic::TEMP_RAND_LEN
            && rand.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_names_sync_tools_give_copies_name_their_writer() {
        for (name, writer) in [
            ("w1.jsonl", Some(("w1", false))),
            (
                "w1.sync-conflict-20261208-101010-ABCDEFG.jsonl",
                Some(("w1", true)),
            ),
            (
                "w1 (Kari's conflicted copy 2026-12-08).jsonl",
                Some(("w1", true)),
            ),
            (
                "w1 (Conflicted copy 2026-12-08 101010).jsonl",
                Some(("w1", true)),
            ),
            ("w1_conflict-20261208-101010.jsonl", Some(("w1", true))),
            ("w1.jsonl.orig", Some(("w1", true))),
            (
                "w1.samrad-kept-20261208T101010-3f9a.jsonl",
                Some(("w1", true)),
            ),
            (
                "template.sync-conflict-20261208-101010-ABC.jsonl",
                Some(("template", true)),
            ),
            (".syncthing.w1.jsonl.tmp", None),
            (".w1.jsonl.0123abcd.tmp", None),
            ("w1.jsonl.tmp", None),
            (".w1.jsonl", None),
            ("notes.txt", None),
            ("w1 (copy).jsonl", None),
            ("../x.sync-conflict-1.jsonl", None),
        ] {
            assert_eq!(log_writer(name), writer, "{name}");
        }
        let kept = kept_name("w1");
        assert_eq!(log_writer(&kept), Some(("w1", true)), "{kept}");
    }

    #[test]
    fn samrads_temp_files_are_known_by_their_pattern_only() {
        assert!(is_temp_name(".w1.jsonl.0123abcd.tmp"));
        assert!(is_temp_name(".archive.bin.ffffffff.tmp"));
        assert!(!is_temp_name(".syncthing.w1.jsonl.tmp"));
        assert!(!is_temp_name("w1.jsonl.0123abcd.tmp"));
        assert!(!is_temp_name(".w1.jsonl.0123abcz.tmp"));
        assert!(!is_temp_name("..0123abcd.tmp"));
    }
}
