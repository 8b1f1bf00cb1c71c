//! Long texts (notes, conclusion, background, a position's reason, a statement) merge
//! instead of overwriting. Every edit op carries the text its writer started from (the
//! base); the fold merges the edit into the text as it stands by a three-way line merge
//! (`diffy`). Where two edits changed the same lines differently, both versions are kept
//! between conflict markers until someone edits the text again and removes them.
//!
//! The merge is a pure function of (base, current, incoming), and every replica folds the
//! same ops in the same order, so every replica ends with the same text.

use diffy::{ConflictStyle, IncompleteHunkStyle, MergeOptions};

/// Opens a conflict: what the text held before the incoming edit follows.
pub const CONFLICT_START: &str = "<<<<<<<";
/// Between the two versions of a conflict.
pub const CONFLICT_SEPARATOR: &str = "=======";
/// Closes a conflict; the incoming edit's writer and time follow on the same line.
pub const CONFLICT_END: &str = ">>>>>>>";

/// A line of a text, as far as conflicts go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictLine<'a> {
    Text(&'a str),
    /// The start of a conflict.
    Start,
    /// Between the versions.
    Separator,
    /// The end of a conflict, with who wrote the second version and when.
    End(&'a str),
}

/// What a line is: ordinary text or one of the conflict markers.
pub fn conflict_line(line: &str) -> ConflictLine<'_> {
    if line == CONFLICT_START || line.starts_with("<<<<<<< ") {
        ConflictLine::Start
    } else if line == CONFLICT_SEPARATOR {
        ConflictLine::Separator
    } else if let Some(rest) = line.strip_prefix(CONFLICT_END) {
        ConflictLine::End(rest.trim())
    } else {
        ConflictLine::Text(line)
    }
}

/// How many unresolved conflicts a text holds.
pub fn conflict_count(text: &str) -> usize {
    if !text.contains(CONFLICT_START) {
        return 0;
    }
    text.lines()
        .filter(|l| conflict_line(l) == ConflictLine::Start)
        .count()
}

/// `incoming` (written from `base`) merged into `current`. `label` names the incoming
/// edit (writer and time) at the end of any conflict it makes. No line of `current` or
/// `incoming` that the other did not knowingly change is lost.
pub fn merge_text(base: &str, current: &str, incoming: &str, label: &str) -> String {
    if current == base || current == incoming {
        return incoming.to_string();
    }
    if incoming == base {
        return current.to_string();
    }
    let with_newline = |s: &str| {
        if s.is_empty() || s.ends_with('\n') {
            s.to_string()
        } else {
            format!("{s}\n")
        }
    };
    if [base, current, incoming]
        .iter()
        .map(|t| t.len())
        .sum::<usize>()
        > MERGE_LIMIT
    {
        // Too long to diff in good time (a hostile log could make every fold slow): both
        // texts are kept whole, as one conflict.
        return whole_conflict(current, incoming, label);
    }
    let mut options = MergeOptions::new();
    // Longer markers than the record's own, so that a conflict already in the text is
    // never taken for one this merge made.
    options
        .set_conflict_style(ConflictStyle::Diff3)
        .set_conflict_marker_length(FRESH)
        .set_incomplete_hunk_style(IncompleteHunkStyle::Git);
    let (b, c, i) = (
        with_newline(base),
        with_newline(current),
        with_newline(incoming),
    );
    let mut merged = match options.merge(&b, &c, &i) {
        Ok(clean) => clean,
        Err(conflicted) => settle(&conflicted, label),
    };
    if !incoming.ends_with('\n') && merged.ends_with('\n') {
        merged.pop();
    }
    merged
}

/// Both texts whole, as one conflict of the record's.
fn whole_conflict(current: &str, incoming: &str, label: &str) -> String {
    let mut out = String::with_capacity(current.len() + incoming.len() + 64);
    for part in [CONFLICT_START, current, CONFLICT_SEPARATOR, incoming] {
        out.push_str(part.trim_end_matches('\n'));
        out.push('\n');
    }
    push_end(&mut out, label);
    out
}

/// The closing marker, naming the incoming edit (on one line, whatever the label holds).
fn push_end(out: &mut String, label: &str) {
    out.push_str(CONFLICT_END);
    if !label.is_empty() {
        out.push(' ');
        out.push_str(&label.replace(['\n', '\r'], " "));
    }
}

/// Texts longer than this together are not merged line by line (see `merge_text`).
const MERGE_LIMIT: usize = 256 * 1024;

/// The length of the markers diffy writes here.
const FRESH: usize = 9;

/// diffy's conflicts as the record keeps them. Where both sides only added lines at the
/// same place (nothing of the base between the markers), both additions stand, the text
/// as it was first, then the incoming edit's: nothing overlapped. Where both changed the
/// same lines, both versions stay between the record's markers, the incoming edit's
/// writer and time on the closing one.
fn settle(conflicted: &str, label: &str) -> String {
    let marker = |c: char| c.to_string().repeat(FRESH);
    let (start, base, sep, end) = (marker('<'), marker('|'), marker('='), marker('>'));
    enum Part {
        Text,
        Ours,
        Base,
        Theirs,
    }
    let mut out = String::with_capacity(conflicted.len() + 64);
    let (mut ours, mut was, mut theirs) = (String::new(), String::new(), String::new());
    let mut part = Part::Text;
    for line in conflicted.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        let is = |m: &str| body == m || body.starts_with(&format!("{m} "));
        match part {
            Part::Text if is(&start) => part = Part::Ours,
            Part::Ours if is(&base) => part = Part::Base,
            Part::Ours | Part::Base if body == sep => part = Part::Theirs,
            Part::Theirs if is(&end) => {
                if was.is_empty() {
                    out.push_str(&ours);
                    out.push_str(&theirs);
                } else {
                    out.push_str(CONFLICT_START);
                    out.push('\n');
                    out.push_str(&ours);
                    out.push_str(CONFLICT_SEPARATOR);
                    out.push('\n');
                    out.push_str(&theirs);
                    push_end(&mut out, label);
                    out.push('\n');
                }
                ours.clear();
                was.clear();
                theirs.clear();
                part = Part::Text;
            }
            Part::Text => out.push_str(line),
            Part::Ours => ours.push_str(line),
            Part::Base => was.push_str(line),
            Part::Theirs => theirs.push_str(line),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edit_from_the_current_text_replaces_it() {
        assert_eq!(merge_text("a", "a", "a b", "x"), "a b");
    }

    #[test]
    fn edits_to_different_lines_both_land() {
        let base = "one\ntwo\nthree";
        let chair = "ONE\ntwo\nthree";
        let rep = "one\ntwo\nTHREE";
        assert_eq!(merge_text(base, chair, rep, "rep"), "ONE\ntwo\nTHREE");
    }

    #[test]
    fn edits_to_the_same_line_keep_both_versions() {
        let merged = merge_text("notes", "NOTES FROM A", "NOTES FROM B", "Bea, 10:32");
        assert!(merged.contains("NOTES FROM A"), "{merged}");
        assert!(merged.contains("NOTES FROM B"), "{merged}");
        assert_eq!(conflict_count(&merged), 1);
        assert!(merged.contains(">>>>>>> Bea, 10:32"), "{merged}");
        let lines: Vec<ConflictLine> = merged.lines().map(conflict_line).collect();
        assert_eq!(
            lines,
            vec![
                ConflictLine::Start,
                ConflictLine::Text("NOTES FROM A"),
                ConflictLine::Separator,
                ConflictLine::Text("NOTES FROM B"),
                ConflictLine::End("Bea, 10:32"),
            ]
        );
    }

    #[test]
    fn two_additions_at_one_place_both_stand_without_a_conflict() {
        let merged = merge_text("intro", "intro\nfrom a", "intro\nfrom b", "b");
        assert_eq!(merged, "intro\nfrom a\nfrom b");
        let merged = merge_text("a\nz", "a\nmid 1\nz", "a\nmid 2\nz", "b");
        assert_eq!(merged, "a\nmid 1\nmid 2\nz");
    }

    #[test]
    fn a_conflict_already_in_the_text_is_not_taken_for_a_new_one() {
        let first = merge_text("n", "A", "B", "b");
        // Someone adds a line under the conflict while someone else adds one at the end.
        let one = format!("{first}\nC");
        let two = format!("{first}\nD");
        let merged = merge_text(&first, &one, &two, "d");
        assert_eq!(conflict_count(&merged), 1, "{merged}");
        assert!(merged.ends_with("C\nD"), "{merged}");
    }

    #[test]
    fn an_edit_that_changed_nothing_keeps_the_current_text() {
        assert_eq!(merge_text("a", "a and more", "a", "x"), "a and more");
    }

    #[test]
    fn texts_too_long_to_diff_are_kept_whole_as_one_conflict() {
        let base = "x\n".repeat(MERGE_LIMIT / 4);
        let current = format!("{base}from a");
        let incoming = format!("{base}from b");
        let merged = merge_text(&base, &current, &incoming, "b");
        assert_eq!(conflict_count(&merged), 1);
        assert!(merged.contains("from a") && merged.contains("from b"));
        assert!(merged.ends_with(">>>>>>> b"));
    }

    #[test]
    fn resolving_removes_the_conflict() {
        let conflicted = merge_text("n", "A", "B", "b");
        let resolved = merge_text(&conflicted, &conflicted, "A and B", "c");
        assert_eq!(resolved, "A and B");
        assert_eq!(conflict_count(&resolved), 0);
    }

    #[test]
    fn a_label_cannot_break_the_marker_line() {
        let merged = merge_text("n", "A", "B", "evil\n=======\nx");
        assert_eq!(conflict_count(&merged), 1);
        assert_eq!(
            merged.lines().filter(|l| *l == CONFLICT_SEPARATOR).count(),
            1
        );
    }
}
