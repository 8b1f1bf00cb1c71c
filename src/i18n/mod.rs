//! Norwegian bokmål and English. Every text samrad shows goes through the catalogue: a
//! `Msg` key, and its text in nb.rs and en.rs. Each catalogue is an exhaustive match over
//! `Msg`, so the compiler refuses a message that one of them lacks.

mod dates;
mod en;
mod errors;
mod label;
mod lang;
mod msg;
mod nb;
mod words;

pub use dates::{long_date, long_datetime, long_span, short_date, short_datetime};
pub use errors::{
    breach, config_warning, date_error, doubts, lookup_error, problem, problem_count, store_error,
    sync_conflict, sync_error, sync_failed, unwritable,
};
pub use label::Label;
pub use lang::Lang;
pub use msg::Msg;
pub use words::{
    action_status, agreement, archive_status, dev_area_status, exempt_title, exemption, item_kind,
    meeting_status, owner, presence, reject_reason, search_field, seat_group, side, size, stance,
    vote_method, vote_rule,
};
