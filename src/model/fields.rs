//! Fields set as a whole, last writer wins: an enum with a variant per field, and `apply`
//! to write the value into its record.

/// Declares `enum $name { Variant(Type), … }` and `$name::apply(self, &mut $record)`,
/// each variant naming the field of the record it sets.
macro_rules! whole_fields {
    (
        $(#[$attr:meta])*
        pub enum $name:ident for $record:ty {
            $($(#[$vattr:meta])* $variant:ident($value:ty) => $field:ident,)*
        }
    ) => {
        $(#[$attr])*
        pub enum $name {
            $($(#[$vattr])* $variant($value),)*
        }

        impl $name {
            pub(crate) fn apply(self, record: &mut $record) {
                match self {
                    $($name::$variant(v) => record.$field = v,)*
                }
            }

            /// The same field with the value `record` has now: what undoes setting it.
            #[allow(clippy::clone_on_copy)]
            pub fn as_in(&self, record: &$record) -> $name {
                match self {
                    $($name::$variant(_) => $name::$variant(record.$field.clone()),)*
                }
            }

            /// Whether setting this field would change `record` (an edit form sends only
            /// the fields that do).
            pub fn changes(&self, record: &$record) -> bool {
                match self {
                    $($name::$variant(v) => record.$field != *v,)*
                }
            }
        }
    };
}

pub(super) use whole_fields;
