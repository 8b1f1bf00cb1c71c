// Each test binary uses only part of this module; what one of them leaves unused is not dead.
#![allow(dead_code)]
//! What the test files share: who writes, the app driven with a store, the binary run in a
//! sandbox, a TUI in a pty, the child-writer protocol, and reading a data folder back.

pub mod authors;
pub mod child;
pub mod files;
pub mod git;
pub mod meetings;
pub mod negotiation;
pub mod pty;
pub mod sandbox;
pub mod screen;
pub mod seats;
pub mod session;

use chrono::{DateTime, FixedOffset};

/// The meeting the template seeds into a fresh data folder.
pub const TEMPLATE_MEETING: &str = "m-2026-12-08-kontaktgruppen";

/// `SAMRAD_NOW` for the binary in tests: the tests' meetings (the template's is on
/// 8 December 2026) lie ahead of the machine's clock on some days, and samrad does not read
/// lines stamped more than a day ahead of its now.
pub const READER_NOW: &str = "2032-01-01T00:00:00+00:00";

/// What a test that uses `?` returns.
pub type R = Result<(), Box<dyn std::error::Error>>;

/// A point in time written as RFC 3339.
pub fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("a valid time")
}
