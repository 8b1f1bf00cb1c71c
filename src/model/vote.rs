//! Votes (avstemning) and the rules that turn ballots into a result.

use serde::{Deserialize, Serialize};

use super::Id;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum VoteMethod {
    /// One vote per party, cast by a writer of that party.
    PerParty,
    /// One vote per person.
    PerPerson,
    /// The chair types in the counts.
    Count,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum VoteRule {
    /// More votes for than against; abstentions and blank votes are not cast votes.
    SimpleMajority,
    /// At least two thirds of the votes cast.
    TwoThirds,
    /// Everyone who voted voted for, and nobody abstained.
    Unanimity,
    /// Nobody objects.
    Consensus,
}

impl VoteMethod {
    pub const ALL: [VoteMethod; 3] = [
        VoteMethod::PerParty,
        VoteMethod::PerPerson,
        VoteMethod::Count,
    ];
}

impl VoteRule {
    pub const ALL: [VoteRule; 4] = [
        VoteRule::SimpleMajority,
        VoteRule::TwoThirds,
        VoteRule::Unanimity,
        VoteRule::Consensus,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum VoteOptionKind {
    For,
    Against,
    Abstain,
    /// One of several alternatives (A, B, C …).
    Choice,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VoteOption {
    pub label: String,
    pub kind: VoteOptionKind,
}

/// One ballot: a voter (party or person id) and the option index, or `None` for a blank vote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Ballot {
    pub voter: Id,
    pub option: Option<usize>,
    pub at: String,
    pub by: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Vote {
    pub id: Id,
    pub question: String,
    pub options: Vec<VoteOption>,
    pub method: VoteMethod,
    pub rule: VoteRule,
    pub open: bool,
    /// The last ballot of each voter counts.
    #[serde(default)]
    pub ballots: Vec<Ballot>,
    /// Counts typed in by the chair (method `Count`), one per option, plus blank.
    /// The settled counts; `None` while there are none, or while counts conflict.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counts: Option<Vec<u32>>,
    /// Every count typed in, in fold order. Two that neither saw the other and differ are a
    /// conflict the chair settles with a new count; samrad never picks one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub count_entries: Vec<CountEntry>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<VoteOutcome>,
}

impl VoteOption {
    pub fn defaults(labels: [&str; 3]) -> Vec<VoteOption> {
        vec![
            VoteOption {
                label: labels[0].into(),
                kind: VoteOptionKind::For,
            },
            VoteOption {
                label: labels[1].into(),
                kind: VoteOptionKind::Against,
            },
            VoteOption {
                label: labels[2].into(),
                kind: VoteOptionKind::Abstain,
            },
        ]
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CountEntry {
    pub op: String,
    pub counts: Vec<u32>,
    pub at: String,
    pub by: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replaces: Vec<String>,
}

impl Vote {
    /// Count entries that no later entry settled.
    /// Who has a ballot in: each voter once, in the order they first voted.
    pub fn voters(&self) -> Vec<&Id> {
        let mut out: Vec<&Id> = Vec::new();
        for b in &self.ballots {
            if !out.contains(&&b.voter) {
                out.push(&b.voter);
            }
        }
        out
    }

    pub fn current_counts(&self) -> Vec<&CountEntry> {
        self.count_entries
            .iter()
            .filter(|e| {
                !self
                    .count_entries
                    .iter()
                    .any(|o| o.replaces.contains(&e.op))
            })
            .collect()
    }

    /// Two or more current counts that differ.
    pub fn count_conflict(&self) -> bool {
        let current = self.current_counts();
        current.iter().any(|e| e.counts != current[0].counts)
    }

    /// Recompute the settled counts and the outcome after a change.
    pub fn settle(&mut self) {
        self.counts = if self.count_conflict() {
            None
        } else {
            self.current_counts().first().map(|e| e.counts.clone())
        };
        self.outcome = if self.count_conflict() {
            None
        } else {
            Some(tally(self))
        };
    }
}

/// The computed result of a vote, in numbers; words are made by the export and UI layers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VoteOutcome {
    /// Votes per option, in option order.
    pub counts: Vec<u32>,
    pub blank: u32,
    /// Votes cast: for + against, or all choice votes. Abstentions and blanks are not cast.
    pub cast: u32,
    /// Adopted (yes/no votes), or the winning option index (choice votes) as `winner`.
    pub adopted: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub winner: Option<usize>,
    /// True when the result is undecided because of equal votes.
    pub tie: bool,
}

/// Count ballots (last ballot per voter wins) or take the chair's counts, and apply the rule.
pub fn tally(vote: &Vote) -> VoteOutcome {
    let n = vote.options.len();
    let (counts, blank) = match &vote.counts {
        Some(c) => {
            let mut counts: Vec<u32> = c.iter().take(n).copied().collect();
            counts.resize(n, 0);
            (counts, c.get(n).copied().unwrap_or(0))
        }
        None => {
            let mut last: Vec<(&str, Option<usize>)> = Vec::new();
            for b in &vote.ballots {
                match last.iter_mut().find(|(v, _)| *v == b.voter) {
                    Some(slot) => slot.1 = b.option,
                    None => last.push((&b.voter, b.option)),
                }
            }
            let mut counts = vec![0u32; n];
            let mut blank = 0;
            for (_, opt) in last {
                match opt.filter(|&i| i < n) {
                    Some(i) => counts[i] += 1,
                    None => blank += 1,
                }
            }
            (counts, blank)
        }
    };
    decide(&vote.options, counts, blank, vote.rule)
}

fn sum_kind(options: &[VoteOption], counts: &[u32], kind: VoteOptionKind) -> u32 {
    options
        .iter()
        .zip(counts)
        .filter(|(o, _)| o.kind == kind)
        .map(|(_, c)| *c)
        .sum()
}

fn decide(options: &[VoteOption], counts: Vec<u32>, blank: u32, rule: VoteRule) -> VoteOutcome {
    let yes = sum_kind(options, &counts, VoteOptionKind::For);
    let no = sum_kind(options, &counts, VoteOptionKind::Against);
    let abstain = sum_kind(options, &counts, VoteOptionKind::Abstain);
    let choice = sum_kind(options, &counts, VoteOptionKind::Choice);
    let has_choices = options.iter().any(|o| o.kind == VoteOptionKind::Choice);

    if has_choices {
        let cast = choice;
        let best = counts
            .iter()
            .enumerate()
            .filter(|(i, _)| options[*i].kind == VoteOptionKind::Choice)
            .map(|(_, c)| *c)
            .max()
            .unwrap_or(0);
        let leaders: Vec<usize> = (0..options.len())
            .filter(|&i| options[i].kind == VoteOptionKind::Choice && counts[i] == best)
            .collect();
        let tie = best > 0 && leaders.len() > 1;
        let top = if leaders.len() == 1 && best > 0 {
            Some(leaders[0])
        } else {
            None
        };
        let winner = top.filter(|_| match rule {
            VoteRule::SimpleMajority => best * 2 > cast,
            VoteRule::TwoThirds => best * 3 >= cast * 2,
            VoteRule::Unanimity => best == cast && abstain == 0 && no == 0,
            VoteRule::Consensus => best == cast && no == 0,
        });
        return VoteOutcome {
            counts,
            blank,
            cast,
            adopted: winner.is_some(),
            winner,
            tie,
        };
    }

    let cast = yes + no;
    let (adopted, tie) = match rule {
        VoteRule::SimpleMajority => (yes > no, cast > 0 && yes == no),
        VoteRule::TwoThirds => (cast > 0 && yes * 3 >= cast * 2, false),
        VoteRule::Unanimity => (yes > 0 && no == 0 && abstain == 0, false),
        VoteRule::Consensus => (no == 0 && (yes + abstain) > 0, false),
    };
    VoteOutcome {
        counts,
        blank,
        cast,
        adopted,
        winner: None,
        tie,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vote(rule: VoteRule, ballots: &[Option<usize>]) -> Vote {
        Vote {
            id: "v".into(),
            question: "q".into(),
            options: VoteOption::defaults(["For", "Mot", "Avstår"]),
            method: VoteMethod::PerParty,
            rule,
            open: false,
            ballots: ballots
                .iter()
                .enumerate()
                .map(|(i, o)| Ballot {
                    voter: format!("p{i}"),
                    option: *o,
                    at: String::new(),
                    by: String::new(),
                })
                .collect(),
            counts: None,
            count_entries: Vec::new(),
            outcome: None,
        }
    }
    const F: Option<usize> = Some(0);
    const A: Option<usize> = Some(1);
    const X: Option<usize> = Some(2);
    const BLANK: Option<usize> = None;

    #[test]
    fn simple_majority_counts_only_votes_cast() {
        let o = tally(&vote(VoteRule::SimpleMajority, &[F, F, A, X, X, X, BLANK]));
        assert!(o.adopted);
        assert_eq!(o.counts, vec![2, 1, 3]);
        assert_eq!(o.blank, 1);
        assert_eq!(o.cast, 3);
    }

    #[test]
    fn simple_majority_tie_is_not_adopted_and_says_tie() {
        let o = tally(&vote(VoteRule::SimpleMajority, &[F, A, X]));
        assert!(!o.adopted);
        assert!(o.tie);
    }

    #[test]
    fn nobody_voting_adopts_nothing() {
        for rule in [
            VoteRule::SimpleMajority,
            VoteRule::TwoThirds,
            VoteRule::Unanimity,
            VoteRule::Consensus,
        ] {
            let o = tally(&vote(rule, &[]));
            assert!(!o.adopted, "{rule:?}");
            assert!(!o.tie);
        }
    }

    #[test]
    fn two_thirds_boundary() {
        assert!(tally(&vote(VoteRule::TwoThirds, &[F, F, A])).adopted);
        assert!(!tally(&vote(VoteRule::TwoThirds, &[F, F, F, A, A])).adopted);
        assert!(tally(&vote(VoteRule::TwoThirds, &[F, F, F, F, A, A, X, X])).adopted);
    }

    #[test]
    fn unanimity_is_broken_by_an_abstention() {
        assert!(tally(&vote(VoteRule::Unanimity, &[F, F, F])).adopted);
        assert!(!tally(&vote(VoteRule::Unanimity, &[F, F, X])).adopted);
        assert!(!tally(&vote(VoteRule::Unanimity, &[F, F, A])).adopted);
        assert!(tally(&vote(VoteRule::Unanimity, &[F, F, BLANK])).adopted);
    }

    #[test]
    fn consensus_means_no_objection() {
        assert!(tally(&vote(VoteRule::Consensus, &[F, X, X])).adopted);
        assert!(tally(&vote(VoteRule::Consensus, &[X, X])).adopted);
        assert!(!tally(&vote(VoteRule::Consensus, &[F, F, F, A])).adopted);
    }

    #[test]
    fn last_ballot_of_a_voter_counts() {
        let mut v = vote(VoteRule::SimpleMajority, &[A]);
        v.ballots.push(Ballot {
            voter: "p0".into(),
            option: F,
            at: String::new(),
            by: String::new(),
        });
        let o = tally(&v);
        assert_eq!(o.counts, vec![1, 0, 0]);
        assert!(o.adopted);
    }

    #[test]
    fn chair_counts_replace_ballots() {
        let mut v = vote(VoteRule::SimpleMajority, &[A, A, A]);
        v.counts = Some(vec![7, 2, 1, 1]);
        let o = tally(&v);
        assert_eq!(o.counts, vec![7, 2, 1]);
        assert_eq!(o.blank, 1);
        assert!(o.adopted);
    }

    #[test]
    fn choice_vote_needs_majority_and_reports_ties() {
        let mut v = vote(
            VoteRule::SimpleMajority,
            &[Some(0), Some(0), Some(1), Some(2)],
        );
        v.options = ["A", "B", "C"]
            .iter()
            .map(|l| VoteOption {
                label: l.to_string(),
                kind: VoteOptionKind::Choice,
            })
            .collect();
        let o = tally(&v);
        assert_eq!(o.winner, None, "2 of 4 is not more than half");
        v.rule = VoteRule::TwoThirds;
        v.ballots.truncate(3);
        v.ballots[2].option = Some(0);
        assert_eq!(tally(&v).winner, Some(0));
        v.ballots[2].option = Some(1);
        v.ballots.truncate(2);
        v.ballots[1].option = Some(1);
        let o = tally(&v);
        assert!(o.tie);
        assert!(!o.adopted);
    }
}
