//! What merging text costs: one three-way merge of a page of notes, and the fold of a
//! meeting whose notes 20 writers edited at once (each from what it had seen a few saves
//! back), against the same saves as whole-field overwrites.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use samrad::demo::{author, forum_log};
use samrad::model::{Change, ItemField, ItemKind, ItemNumber, TextField, merge_text};
use samrad::store::fold::fold;
use samrad::store::{Clock, Op, OpChain};

const MEETING: &str = "m-bench";
const ITEM: &str = "s-bench";

/// A page of notes: `lines` lines of about 60 characters.
fn page(lines: usize) -> String {
    (0..lines)
        .map(|n| format!("Linje {n}: NTL og Unio drøftet kompetanse og samordning i sak {n}."))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The meeting, then `saves` saves of its notes by 20 writers, each written from the text
/// as it stood `lag` saves earlier: with `merge`, as edits that carry their base; without,
/// as the whole field set to what the writer typed.
fn meeting(saves: usize, lag: usize, merge: bool) -> Vec<Op> {
    let mut ops = forum_log();
    let mut chain = OpChain::one_file("setup");
    let mut clock = Clock::default();
    let at = "2026-12-08T10:00:00+01:00".to_string();
    for change in [
        Change::MeetingCreate {
            meeting: MEETING.into(),
            title: "Bench".into(),
            starts_at: at.clone(),
        },
        Change::ItemAdd {
            meeting: MEETING.into(),
            item: ITEM.into(),
            number: ItemNumber { n: 1, year: 2026 },
            title: "Notater".into(),
            kind: ItemKind::Consultation,
            rank: 1024,
        },
    ] {
        ops.push(chain.next(clock.tick(1), at.clone(), author(0), change));
    }
    let mut chains: Vec<OpChain> = (0..20)
        .map(|w| OpChain::one_file(format!("w{w:02}")))
        .collect();
    // What each save saw: the text `lag` saves back, plus its own line.
    let mut texts = vec![page(40)];
    for s in 0..saves {
        let base = texts[texts.len().saturating_sub(lag + 1)].clone();
        let text = format!("{base}\nLagt til av skriver {} i lagring {s}.", s % 20);
        let change = if merge {
            Change::ItemText {
                meeting: MEETING.into(),
                item: ITEM.into(),
                field: TextField::Notes,
                base,
                text: text.clone(),
            }
        } else {
            Change::ItemSet {
                meeting: MEETING.into(),
                item: ITEM.into(),
                set: ItemField::Notes(text.clone()),
            }
        };
        let tick = clock.tick(10 + s as i64);
        ops.push(chains[s % 20].next(tick, at.clone(), author(0), change));
        texts.push(text);
    }
    ops
}

fn benches(c: &mut Criterion) {
    let base = page(80);
    let mut chair = base.replacen("Linje 10:", "Linje 10 (endret av leder):", 1);
    chair.push_str("\nLederens tillegg.");
    let rep = base.replacen("Linje 60:", "Linje 60 (endret av referent):", 1);
    c.bench_function("merge: a page of notes, edits to different lines", |b| {
        b.iter(|| merge_text(&base, &chair, &rep, "Referent, 2026-12-08 10:20"))
    });
    let other = base.replacen("Linje 10:", "Linje 10 (endret av referent):", 1);
    c.bench_function(
        "merge: a page of notes, both edit one line (conflict)",
        |b| b.iter(|| merge_text(&base, &chair, &other, "Referent, 2026-12-08 10:20")),
    );
    for (name, merge) in [("merged edits", true), ("whole-field overwrites", false)] {
        let ops = meeting(300, 3, merge);
        c.bench_function(
            &format!("fold: 300 saves of one page of notes by 20 writers, {name}"),
            |b| b.iter_batched(|| ops.clone(), fold, BatchSize::LargeInput),
        );
    }
}

criterion_group! {
    name = merge;
    config = Criterion::default().sample_size(20);
    targets = benches
}
criterion_main!(merge);
