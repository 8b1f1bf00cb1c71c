//! Drawing budget (docs/ARCHITECTURE.md): a frame at 200x60 of a meeting with 500 items, 5,000
//! positions and 2,000 actions under 2 ms, and no dearer than a meeting of 50 items.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use samrad::app::{Action, App, update};
use samrad::i18n::Lang;
use samrad::model::{
    ActionStatus, Author, Change, Doc, ItemKind, ItemNumber, OpMeta, Owner, Stance,
};

const MEETING: &str = "m-bench";
const PARTIES: [&str; 5] = ["ntl", "ys-stat", "unio", "jf", "hvo"];

fn meeting(items: usize, positions: usize, actions: usize) -> Doc {
    let author = Author {
        name: "bench".into(),
        person: Some("chair".into()),
        party: Some("kmd".into()),
    };
    let mut doc = Doc::default();
    let mut seq = 0u64;
    // The forum (parties and the chair's seat) comes with the template; the chair does the rest.
    let mut apply = |doc: &mut Doc, change: Change| {
        seq += 1;
        let writer = if change.is_roster() {
            samrad::model::TEMPLATE_WRITER
        } else {
            "w"
        };
        let meta = OpMeta {
            writer,
            seq,
            at: "2026-12-08T10:00:00+01:00",
            author: &author,
            key: None,
            clock: (seq as i64, 0),
        };
        let _ = doc.apply(&meta, change);
    };
    apply(
        &mut doc,
        Change::PersonPut {
            person: samrad::model::Person {
                id: "chair".into(),
                name: "Møteleder".into(),
                party: Some("kmd".into()),
                role: "leder".into(),
                roles: vec![samrad::model::Role::Chair],
            },
        },
    );
    for (id, name) in PARTIES.iter().map(|p| (p.to_string(), p.to_uppercase())) {
        let party = samrad::model::Party {
            id: id.clone(),
            name: name.clone(),
            short: name,
            side: samrad::model::Side::Union,
            confederation: None,
        };
        apply(&mut doc, Change::PartyPut { party });
    }
    apply(
        &mut doc,
        Change::MeetingCreate {
            meeting: MEETING.into(),
            title: "Benk".into(),
            starts_at: "2026-12-08T10:00:00+01:00".into(),
        },
    );
    for i in 0..items {
        let kind = ItemKind::ALL[i % 4];
        apply(
            &mut doc,
            Change::ItemAdd {
                meeting: MEETING.into(),
                item: format!("s{i}"),
                number: ItemNumber {
                    n: i as u32 + 1,
                    year: 2026,
                },
                title: format!("Sak nummer {i} om samordning og medbestemmelse"),
                kind,
                rank: i as i64,
            },
        );
    }
    for p in 0..positions {
        apply(
            &mut doc,
            Change::Position {
                meeting: MEETING.into(),
                item: format!("s{}", p % items),
                party: PARTIES[p % PARTIES.len()].into(),
                stance: Stance::ALL[p % 4],
                reason: format!("Begrunnelse {p} med litt tekst som tar plass i detaljruten."),
                base: None,
            },
        );
    }
    for a in 0..actions {
        apply(
            &mut doc,
            Change::ActionAdd {
                id: format!("t{a}"),
                title: format!("Tiltak {a}: følge opp saken"),
                owner: Owner::Party("ntl".into()),
                due: chrono::NaiveDate::from_ymd_opt(2026, 1 + (a % 12) as u32, 1),
                status: ActionStatus::Open,
                meeting: Some(MEETING.into()),
                item: Some(format!("s{}", a % items)),
                areas: Vec::new(),
                proposed_by: None,
            },
        );
    }
    doc
}

fn app_for(doc: Doc, w: u16, h: u16) -> App {
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-08T10:20:00+01:00").expect("time");
    let mut app = App::new(doc, Author::default(), Lang::Nb, now);
    app.size = (w, h);
    // Select an item in the middle, so the lists scroll.
    for _ in 0..25 {
        update(&mut app, Action::Down);
    }
    app
}

fn benches(c: &mut Criterion) {
    let big = meeting(500, 5_000, 2_000);
    let small = meeting(50, 500, 200);
    for (w, h) in [(200u16, 60u16), (80, 24)] {
        for (name, doc) in [
            ("500 items, 5000 positions, 2000 actions", &big),
            ("50 items, 500 positions, 200 actions", &small),
        ] {
            let app = app_for(doc.clone(), w, h);
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            c.bench_function(&format!("draw {w}x{h}: {name}"), |b| {
                b.iter(|| {
                    terminal.draw(|f| samrad::ui::draw(f, &app)).expect("draw");
                    black_box(());
                })
            });
        }
    }
}

criterion_group! {
    name = draw;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3));
    targets = benches
}
criterion_main!(draw);
