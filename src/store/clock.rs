//! Hybrid logical clock: wall-clock milliseconds plus a counter, so that an op is always
//! ordered after every op its writer had seen, even when machines' clocks disagree.

use serde::{Deserialize, Serialize};

#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Hlc {
    pub ms: i64,
    pub c: u32,
}

#[derive(Debug, Clone, Default)]
pub struct Clock {
    last: Hlc,
}

impl Clock {
    pub fn last(&self) -> Hlc {
        self.last
    }

    /// Take note of a clock seen in someone's op.
    pub fn observe(&mut self, seen: Hlc) {
        if seen > self.last {
            self.last = seen;
        }
    }

    /// The clock for a new op, given the wall time now.
    pub fn tick(&mut self, now_ms: i64) -> Hlc {
        self.last = if now_ms > self.last.ms {
            Hlc { ms: now_ms, c: 0 }
        } else if self.last.c == u32::MAX {
            // A counter run out (a line may say anything) moves on to the next millisecond,
            // so that a new op still comes after it.
            Hlc {
                ms: self.last.ms.saturating_add(1),
                c: 0,
            }
        } else {
            Hlc {
                ms: self.last.ms,
                c: self.last.c + 1,
            }
        };
        self.last
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_grow_even_when_the_wall_clock_goes_back() {
        let mut c = Clock::default();
        let a = c.tick(1000);
        let b = c.tick(900);
        let d = c.tick(1000);
        assert!(a < b && b < d);
    }

    #[test]
    fn a_counter_at_its_end_moves_on_to_the_next_millisecond() {
        let mut c = Clock::default();
        let end = Hlc {
            ms: 5000,
            c: u32::MAX,
        };
        c.observe(end);
        let next = c.tick(10);
        assert!(next > end, "{next:?}");
        assert!(c.tick(10) > next);
    }

    #[test]
    fn a_new_op_follows_everything_observed() {
        let mut c = Clock::default();
        c.observe(Hlc { ms: 5000, c: 3 });
        assert!(c.tick(10) > Hlc { ms: 5000, c: 3 });
        assert_eq!(c.tick(6000), Hlc { ms: 6000, c: 0 });
    }
}
