//! Where new record ids come from. The app owns this source, so that `update` is a pure
//! function of its inputs under test: the same actions on the same state give the same ops.

use crate::store::ids::random_hex;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ids {
    /// Random ids, unique across writers and machines (the default).
    Random,
    /// `<prefix>-<tag><n>` with n counting up from 1: repeatable, for tests.
    Counting { tag: String, next: u64 },
}

impl Ids {
    pub fn counting(tag: &str) -> Ids {
        Ids::Counting {
            tag: tag.to_string(),
            next: 1,
        }
    }

    /// A new record id with a readable prefix, e.g. `i-3f9a2c1b7d0e`.
    pub fn new_id(&mut self, prefix: &str) -> String {
        format!("{prefix}-{}", self.hex(12))
    }

    /// `n` hex digits (random), or the next number (counting).
    pub fn hex(&mut self, n: usize) -> String {
        match self {
            Ids::Random => random_hex(n),
            Ids::Counting { tag, next } => {
                let s = format!("{tag}{next}");
                *next += 1;
                s
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counting_ids_repeat_and_random_ones_do_not() {
        let (mut a, mut b) = (Ids::counting("t"), Ids::counting("t"));
        assert_eq!(a.new_id("s"), "s-t1");
        assert_eq!(a.new_id("s"), "s-t2");
        assert_eq!(b.new_id("s"), "s-t1");
        let mut r = Ids::Random;
        assert_ne!(r.new_id("s"), r.new_id("s"));
    }
}
