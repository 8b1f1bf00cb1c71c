//! Others' changes while a meeting is shown: the rule for when ops read from other logs can
//! be applied on top of what is shown, and when everything must be folded again.

use super::{Hlc, Load, Op, Store, fold};

/// What to do with what other writers appended since the last read.
#[derive(Debug)]
pub enum CatchUp {
    Nothing,
    /// Apply these, in this order (fold order, duplicates dropped): they all come after
    /// everything applied so far.
    Apply(Vec<Op>),
    /// Some come before what is applied already: fold again from the logs.
    Refold,
}

impl Store {
    /// Read what other writers appended to the chosen scopes since the last read, and say
    /// whether it can be applied on top of a state that holds every op up to `applied`.
    pub fn catch_up(&mut self, load: &Load, applied: Hlc) -> CatchUp {
        let mut new = self.read_new_ops(load);
        if new.is_empty() {
            return CatchUp::Nothing;
        }
        if new.iter().any(|op| op.clock <= applied) {
            return CatchUp::Refold;
        }
        fold::merge(&mut new);
        CatchUp::Apply(new)
    }
}
