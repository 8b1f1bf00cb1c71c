/// Stable identifier of any record. Opaque text, unique within a forum.
pub type Id = String;

/// Whether an id can become a file or folder name: ASCII letters, digits, '-', '_' and '.',
/// not leading '.', at most 100 long. Meeting ids name log folders and minutes files, and
/// person ids signature files: a record read from a synced log may say anything.
pub fn is_safe_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && !id.starts_with('.')
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}
