//! Fresh identifiers for writers and records.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// `n` random hex digits (n ≤ 16), from the OS-seeded hasher keys, time and a counter.
pub fn random_hex(n: usize) -> String {
    let mut h = RandomState::new().build_hasher();
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    h.write_u32(std::process::id());
    let s = format!("{:016x}", h.finish());
    s[..n.min(16)].to_string()
}

/// A new record id with a readable prefix, e.g. `i-3f9a2c1b7d0e`.
pub fn new_id(prefix: &str) -> String {
    format!("{prefix}-{}", random_hex(12))
}

pub use crate::model::is_safe_id;
