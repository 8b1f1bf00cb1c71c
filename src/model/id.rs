/// Stable identifier of any record. Opaque text, unique within a forum.
pub type Id = String;
