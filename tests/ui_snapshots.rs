//! What the screens look like: every view and popup drawn into a `TestBackend` at two sizes
//! and in both languages (the main screen and a live meeting at 120×40 and 200×60 too),
//! kept as insta snapshots; and checks on the buffer for what style must show (focus,
//! selection, no colour, where the cursor is) and for what the layout keeps (the header's
//! date, whole hints, the meeting clock beside the floor, where a pane goes on).
//!
//! Regenerate with `INSTA_UPDATE=always cargo test --test ui_snapshots`, then read the diff.

mod common;

use chrono::{DateTime, Duration, FixedOffset};
use common::TEMPLATE_MEETING;
use common::authors::{chair, for_party, ntl, rep};
use common::meetings::{self, OneItemMeeting};
use common::session::Session;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier};
use samrad::app::{Action, Pane, SaveState, ThemeName};
use samrad::i18n::Lang;
use samrad::model::Author;
use samrad::store::{Load, Store};
use samrad::ui::Theme;

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];
const LANGS: [(Lang, &str); 2] = [(Lang::Nb, "nb"), (Lang::En, "en")];

fn fixed_now() -> DateTime<FixedOffset> {
    common::at("2026-12-08T10:20:00+01:00")
}

/// NTL's representative on the template's first meeting, in a `w`×`h` terminal.
fn fixture(lang: Lang, (w, h): (u16, u16)) -> Session {
    let mut fx = Session::new(ntl(), lang, fixed_now());
    fx.app.size = (w, h);
    assert_eq!(
        fx.app.meeting.as_deref(),
        Some(TEMPLATE_MEETING),
        "the template's first meeting is shown"
    );
    fx
}

/// Draw the app as it is now into a terminal of its size, the save state fixed.
fn render(fx: &mut Session) -> Terminal<TestBackend> {
    assert!(!fx.app.quit, "nothing in these scenes quits");
    fx.app.save = SaveState::Saved("10:20:00".into());
    let (w, h) = fx.app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|f| samrad::ui::draw(f, &fx.app))
        .expect("draw");
    terminal
}

/// Snapshot one scene at every size and in both languages, as `{view}_{w}x{h}_{lang}`.
fn snap_all(view: &str, scene: impl Fn(&mut Session)) {
    snap_sizes(view, &SIZES, scene);
}

/// Snapshot one scene at `sizes` and in both languages, as `{view}_{w}x{h}_{lang}`.
fn snap_sizes(view: &str, sizes: &[(u16, u16)], scene: impl Fn(&mut Session)) {
    for &size in sizes {
        for (lang, code) in LANGS {
            let mut fx = fixture(lang, size);
            scene(&mut fx);
            let terminal = render(&mut fx);
            let name = format!("{view}_{}x{}_{code}", size.0, size.1);
            insta::assert_snapshot!(name, terminal.backend());
        }
    }
}

// ---- the scenes ----

fn main_screen(_: &mut Session) {}

fn agenda_current(fx: &mut Session) {
    fx.as_author(chair());
    fx.acts([
        Action::Command("start".into()),
        Action::Down,
        Action::SetCurrent,
        Action::Tick(fixed_now() + Duration::minutes(12)),
    ]);
}

/// The chair in a live meeting: item 2/26 current for four minutes, NTL has the floor and
/// Unio waits, a vote is open on the item and NTL has voted.
fn live_meeting(fx: &mut Session) {
    fx.as_author(chair());
    fx.acts([
        Action::Command("start".into()),
        Action::Down,
        Action::SetCurrent,
    ]);
    for party in ["ntl", "unio"] {
        fx.as_author(rep(party));
        fx.act(Action::RequestFloor);
    }
    fx.as_author(chair());
    fx.acts([Action::NextSpeaker, Action::OpenVote, Action::Save]);
    fx.as_author(ntl());
    fx.acts([Action::CastVote, Action::Save]);
    fx.as_author(chair());
    fx.act(Action::Tick(fixed_now() + Duration::minutes(4)));
}

/// The approval round: the minutes circulated, NTL and Unio ask for changes, seen by the
/// chair; `i` shows the meeting's details with the whole text.
fn approval_round(fx: &mut Session) {
    fx.as_author(chair());
    fx.acts([
        Action::Command("start".into()),
        Action::Command("close".into()),
        Action::Yes,
        Action::Command("circulate 22.12.2026".into()),
    ]);
    for (party, text) in [
        (
            "ntl",
            "Vårt standpunkt i sak 2/26 mangler begrunnelsen om involvering av de ansatte i alle departementene.",
        ),
        ("unio", "Rett navnet på innlederen i sak 3/26."),
    ] {
        fx.as_author(rep(party));
        fx.act(Action::Command(format!("changes {text}")));
    }
    fx.as_author(chair());
}

fn approval_details(fx: &mut Session) {
    approval_round(fx);
    fx.act(Action::MeetingInfo);
}

fn areas_focused(fx: &mut Session) {
    fx.acts([Action::NextPane, Action::Down]);
}

fn actions_focused(fx: &mut Session) {
    fx.acts([Action::NextPane, Action::NextPane, Action::Down]);
}

fn detail_scrolled(fx: &mut Session) {
    fx.acts([Action::Down, Action::Open]);
    assert_eq!(fx.app.focus, Pane::Detail);
    fx.acts(std::iter::repeat_n(Action::Down, 6));
    assert_eq!(fx.app.detail_scroll, 6);
}

fn help(fx: &mut Session) {
    fx.act(Action::Help);
}

fn new_item_form(fx: &mut Session) {
    fx.as_author(chair());
    fx.act(Action::Add);
    fx.type_text("Budsjett 2027");
}

/// `x` on the second item: offl. § 14 chosen, a public title typed.
fn exemption_form(fx: &mut Session) {
    use ratatui::crossterm::event::KeyCode;
    fx.as_author(chair());
    fx.acts([Action::Down, Action::Exemption]);
    fx.key(KeyCode::Right);
    fx.key(KeyCode::Right);
    fx.act(Action::Down);
    fx.type_text("Omorganisering av en seksjon");
}

/// The exemption saved: the agenda marks the item, its details name the hjemmel.
fn exempt_item(fx: &mut Session) {
    exemption_form(fx);
    fx.save_form();
    fx.act(Action::Open);
}

fn action_form_date_error(fx: &mut Session) {
    fx.acts([Action::Down, Action::AddActionFromItem]);
    fx.fill(&["Sende ut referatet", "", "31.02.2027"]);
    fx.act(Action::Save);
}

fn notes_editor(fx: &mut Session) {
    fx.as_author(chair());
    fx.acts([Action::Down, Action::EditNotes]);
    fx.type_text("NTL ber om mer tid.\nUnio støtter forslaget");
}

/// Two edits of one line of the notes from the same text: both versions shown, as a
/// conflict, in the details and counted in the agenda.
fn notes_conflict(fx: &mut Session) {
    fx.as_author(chair());
    fx.acts([Action::Down, Action::EditNotes]);
    fx.type_text("Felles linje");
    fx.act(Action::Save);
    let item = fx
        .app
        .selected_item()
        .map(|i| i.id.clone())
        .expect("an item");
    let edit = |text: &str| samrad::model::Change::ItemText {
        meeting: TEMPLATE_MEETING.into(),
        item: item.clone(),
        field: samrad::model::TextField::Notes,
        base: "Felles linje".into(),
        text: text.into(),
    };
    for text in [
        "Felles linje – KMD mener",
        "Felles linje – referenten mener",
    ] {
        let fx_commit = vec![samrad::app::Effect::Commit(edit(text))];
        fx.rt.run(&mut fx.app, fx_commit);
    }
    fx.act(Action::Open);
}

/// Text left in the notes editor by a samrad that is gone, offered back (one more waits).
fn draft_offer(fx: &mut Session) {
    notes_editor(fx);
    let draft = samrad::app::current_draft(&fx.app).expect("a draft of the editor");
    fx.acts([Action::Cancel, Action::Yes]);
    let left = |writer: &str| samrad::app::Draft {
        writer: writer.into(),
        ..draft.clone()
    };
    samrad::app::offer_drafts(&mut fx.app, vec![left("w1"), left("w2")], &[]);
}

fn confirm_delete(fx: &mut Session) {
    fx.as_author(chair());
    fx.acts([Action::Down, Action::Delete]);
}

fn meetings(fx: &mut Session) {
    fx.act(Action::Meetings);
}

fn attendance(fx: &mut Session) {
    fx.as_author(chair());
    fx.acts([Action::Attendance, Action::Open, Action::Down]);
}

fn documents(fx: &mut Session) {
    fx.as_author(chair());
    fx.acts([Action::Documents, Action::Add]);
    fx.fill(&["Utkast til strategi", "", "26/1234"]);
    fx.act(Action::Save);
}

/// The header filled in (end time, place, hjemmel, the archive's numbers, distribution,
/// next meeting) through `:meeting`, a document sent the day of the meeting (too late by
/// the forum's 7 days), and a drøfting demanded, with a start the parties agreed, under way.
fn header_full(fx: &mut Session) {
    fx.as_author(chair());
    fx.act(Action::Command("meeting".into()));
    // Title, date and start time stay; then the end.
    fx.acts([Action::Down, Action::Down, Action::Down]);
    fx.type_text("12:00");
    fx.act(Action::Down);
    fx.clear_field();
    fx.type_text("Møterom 4, Akersgata 59");
    fx.act(Action::Down);
    fx.type_text("HA § 11 / tilpasningsavtalen");
    // Chair and referent stay; then the archive's numbers.
    fx.acts([Action::Down, Action::Down, Action::Down]);
    fx.type_text("26/101");
    fx.act(Action::Down);
    fx.type_text("26/101-3");
    fx.act(Action::Down);
    fx.type_text("Partene; KMDs ledergruppe");
    fx.act(Action::Down);
    fx.type_text("12.01.2027 10:00");
    fx.save_form();
    fx.acts([Action::Documents, Action::Add]);
    fx.fill(&["Saksframlegg strategi", "", "26/99"]);
    fx.acts([Action::Save, Action::Cancel]);
    assert!(fx.app.popups.is_empty(), "back on the main screen");
    // The drøfting (item 2): demanded 20 November, start agreed for 8 December.
    fx.acts([Action::Down, Action::Edit]);
    fx.acts(std::iter::repeat_n(Action::Down, 6));
    fx.type_text("20.11.2026");
    fx.act(Action::Down);
    fx.type_text("08.12.2026");
    fx.save_form();
    fx.acts([Action::Command("start".into()), Action::SetCurrent]);
}

/// `:meeting` on its last field (the next meeting): a form taller than 80×24 scrolls so
/// the field being filled in shows.
fn meeting_form_last_field(fx: &mut Session) {
    fx.as_author(chair());
    fx.act(Action::Command("meeting".into()));
    fx.acts(std::iter::repeat_n(Action::Down, 11));
    fx.type_text("12.01.2027 10:00");
}

fn documents_empty(fx: &mut Session) {
    fx.act(Action::Documents);
}

fn command_line(fx: &mut Session) {
    fx.act(Action::CommandLine);
    fx.type_text("export md");
}

fn identity(fx: &mut Session) {
    samrad::app::ask_identity(&mut fx.app);
    fx.act(Action::Down);
}

fn position_form(fx: &mut Session) {
    fx.acts([Action::Down, Action::Position]);
    // Stance: disagree (a drøfting offers view, agree, disagree, abstain).
    fx.pick(&[2, 0]);
    fx.type_text("Arbeidsgruppen var for smal");
}

/// Positions from two parties, a closed vote, a statement and a speakers list, in the
/// detail pane.
fn item_with_positions_vote_and_speakers(fx: &mut Session) {
    fx.act(Action::Down);
    position_form(fx);
    fx.acts([Action::Save, Action::Statement]);
    fx.type_text("NTL tar forbehold.");
    fx.act(Action::Save);
    fx.as_author(chair());
    fx.acts([Action::OpenVote, Action::Save]);
    fx.as_author(ntl());
    fx.acts([Action::CastVote, Action::Save]);
    fx.as_author(chair());
    fx.act(Action::Command("closevote".into()));
    fx.as_author(ntl());
    fx.act(Action::RequestFloor);
    fx.as_author(chair());
    fx.acts([
        Action::NextSpeaker,
        Action::Tick(fixed_now() + Duration::minutes(3)),
        Action::Open,
        Action::Bottom,
    ]);
    // Back to NTL's representative, whose screen this is.
    fx.as_author(ntl());
}

/// Past meetings in the folder: one approved, one out for approval past its deadline with
/// NTL asking for changes, each with an item on development area 1 and positions.
fn history(fx: &mut Session) {
    use samrad::model::{Change, ItemNumber, MeetingStatus, Stance};
    let store = fx.store();
    let mut t = common::at("2026-09-01T10:00:00+02:00");
    let mut commit = |store: &mut Store, who: &Author, c: Change| {
        store.set_author(who.clone());
        t += Duration::minutes(1);
        store.commit_at(c, t).expect("commit");
    };
    for (id, date, n, title, stance, status) in [
        (
            "m-sep",
            "2026-09-10",
            20,
            "Kompetanseplan for departementsfellesskapet",
            Stance::Agree,
            "approved",
        ),
        (
            "m-okt",
            "2026-10-15",
            24,
            "Samordnet IKT-drift og arbeidsmiljø",
            Stance::Disagree,
            "circulated",
        ),
    ] {
        let kmd = chair();
        let past = OneItemMeeting::new(
            id,
            &format!("Kontaktgruppemøte {date}"),
            &format!("{date}T10:00:00+02:00"),
        )
        .item(&format!("{id}-1"), ItemNumber { n, year: 2026 }, title)
        .on(&["uo1"])
        .position(
            "ntl",
            stance,
            "Kompetansetiltakene må drøftes med de tillitsvalgte først.",
        )
        .position("unio", Stance::Agree, "");
        for (who, change) in past.changes(&kmd) {
            commit(store, &who, change);
        }
        for to in [MeetingStatus::Open, MeetingStatus::Closed] {
            commit(store, &kmd, meetings::status(id, to));
        }
        let doc = store.load(&Load::Meeting(id.into()));
        let hash = samrad::store::seal::content_hash(doc.meeting(id).expect("meeting"));
        let deadline = chrono::NaiveDate::from_ymd_opt(2026, 11, 1);
        commit(store, &kmd, meetings::circulate(id, &hash, deadline));
        let parties: Vec<String> = doc.forum.parties.iter().map(|p| p.id.clone()).collect();
        for p in &parties {
            if status == "circulated" && (p == "ntl" || p == "hvo") {
                continue;
            }
            commit(store, &for_party(p), meetings::approve(id, p, &hash));
        }
        if status == "circulated" {
            let text = "Vårt standpunkt i sak 24/26 mangler begrunnelsen.";
            let asked = meetings::request_changes(id, "ntl", &hash, text);
            commit(store, &for_party("ntl"), asked);
        }
    }
    fx.store().set_author(ntl());
}

/// What the store found: a bad line in another writer's log, a conflict copy that forks,
/// this machine's log put back, and a warning from before the screen was there.
fn problems(fx: &mut Session) {
    use samrad::store::{Problem, ProblemKind};
    use std::path::PathBuf;
    let meeting = PathBuf::from(format!("log/{TEMPLATE_MEETING}"));
    let copy = meeting.join("w3f9a2c1b7d0e.sync-conflict-20261208-101010-ABCDEFG.jsonl");
    let log = meeting.join("w3f9a2c1b7d0e.jsonl");
    fx.app.problems = vec![
        Problem {
            path: meeting.join("w0a1b2c3d4e5f.jsonl"),
            line: Some(7),
            kind: ProblemKind::BadLine("expected value at line 1 column 1".into()),
        },
        Problem {
            path: copy.clone(),
            line: None,
            kind: ProblemKind::ConflictCopy {
                log: log.clone(),
                new_lines: 37,
            },
        },
        Problem {
            path: copy,
            line: Some(12),
            kind: ProblemKind::Fork {
                log,
                log_line: 12,
                op: "w3f9a2c1b7d0e:15".into(),
            },
        },
        Problem {
            path: meeting.join("w77aa00bb11cc.jsonl"),
            line: None,
            kind: ProblemKind::Restored {
                lines: 12,
                kept: None,
            },
        },
    ];
    fx.app.start_warnings = vec!["SAMRAD_NOW=tomorrow: input contains invalid characters".into()];
    fx.act(Action::Problems);
}

fn archive(fx: &mut Session) {
    history(fx);
    fx.act(Action::Archive);
}

/// `A` at the TUI's start, before the archive index (read in the background) has landed:
/// `update` alone, the runtime not yet run.
fn archive_loading(fx: &mut Session) {
    fx.app.archive_loading = true;
    let _ = samrad::app::update(&mut fx.app, Action::Archive);
}

fn archive_search(fx: &mut Session) {
    archive(fx);
    fx.act(Action::Search);
    fx.type_text("KOMPETANSE");
    fx.act(Action::Open);
}

fn archive_filter(fx: &mut Session) {
    archive(fx);
    fx.act(Action::Filter);
    // Party: NTL; position: disagree; area 1.
    fx.pick(&[2, 2, 1]);
}

fn archive_filtered(fx: &mut Session) {
    archive_filter(fx);
    fx.act(Action::Save);
}

fn area_thread(fx: &mut Session) {
    history(fx);
    fx.act(Action::NextPane);
    fx.act(Action::Thread);
}

// ---- snapshots ----

#[test]
fn snapshot_problems() {
    snap_all("problems", problems);
}

#[test]
fn snapshot_archive() {
    snap_all("archive", archive);
}

#[test]
fn snapshot_archive_loading() {
    snap_sizes("archive_loading", &[(80, 24)], archive_loading);
}

/// The spinner turns while the archive loads, and gives way to the list when it lands.
#[test]
fn the_archive_loading_spinner_fills_in_when_the_index_lands() {
    let mut fx = fixture(Lang::En, (80, 24));
    archive_loading(&mut fx);
    assert!(
        fx.app.archive_view.is_some(),
        "A shows the archive view at once"
    );
    let text = |fx: &mut Session| {
        let t = render(fx);
        let b = t.backend().buffer();
        (0..b.area.height)
            .map(|y| {
                (0..b.area.width)
                    .map(|x| b[(x, y)].symbol().to_string())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let first = text(&mut fx);
    assert!(first.contains("Loading the archive …"), "{first}");
    fx.app.now += Duration::milliseconds(500);
    let later = text(&mut fx);
    assert_ne!(first, later, "the spinner turns with the clock");
    // The runtime loads the index (inline here: at once) and the view fills in.
    fx.rt
        .run(&mut fx.app, vec![samrad::app::Effect::RefreshArchive]);
    assert!(!fx.app.archive_loading);
    let loaded = text(&mut fx);
    assert!(!loaded.contains("Loading the archive"), "{loaded}");
    assert!(loaded.contains("1 / 1 meetings"), "{loaded}");
}

#[test]
fn snapshot_archive_search() {
    snap_all("archive_search", archive_search);
}

#[test]
fn snapshot_archive_filter_form() {
    snap_all("archive_filter_form", archive_filter);
}

#[test]
fn snapshot_archive_filtered() {
    snap_all("archive_filtered", archive_filtered);
}

#[test]
fn snapshot_area_thread() {
    snap_all("area_thread", area_thread);
}

#[test]
fn snapshot_identity() {
    snap_all("identity", identity);
}

#[test]
fn snapshot_position_form() {
    snap_all("position_form", position_form);
}

#[test]
fn snapshot_item_with_positions_vote_and_speakers() {
    snap_all(
        "item_with_positions_vote_and_speakers",
        item_with_positions_vote_and_speakers,
    );
}

#[test]
fn snapshot_main() {
    snap_all("main", main_screen);
    snap_sizes("main", &WIDE, main_screen);
}

/// Sizes the main screen is kept at besides `SIZES`: where the lists' share grows.
const WIDE: [(u16, u16); 2] = [(120, 40), (200, 60)];

#[test]
fn snapshot_live_meeting() {
    snap_sizes(
        "live_meeting",
        &[(80, 24), (120, 40), (200, 60)],
        live_meeting,
    );
}

#[test]
fn snapshot_approval_round() {
    snap_sizes("approval_round", &[(80, 24), (120, 40)], approval_round);
    snap_sizes("approval_details", &[(80, 24), (120, 40)], approval_details);
}

#[test]
fn snapshot_agenda_current() {
    snap_all("agenda_current", agenda_current);
}

#[test]
fn snapshot_areas() {
    snap_all("areas", areas_focused);
}

#[test]
fn snapshot_actions() {
    snap_all("actions", actions_focused);
}

#[test]
fn snapshot_detail_scrolled() {
    snap_all("detail_scrolled", detail_scrolled);
}

#[test]
fn snapshot_help() {
    snap_all("help", help);
}

#[test]
fn snapshot_new_item_form() {
    snap_all("new_item_form", new_item_form);
}

#[test]
fn snapshot_exemption_form() {
    snap_all("exemption_form", exemption_form);
    snap_all("exempt_item", exempt_item);
}

#[test]
fn snapshot_action_form_date_error() {
    snap_all("action_form_date_error", action_form_date_error);
}

#[test]
fn snapshot_notes_conflict() {
    snap_all("notes_conflict", notes_conflict);
}

#[test]
fn snapshot_draft_offer() {
    snap_all("draft_offer", draft_offer);
}

#[test]
fn snapshot_notes_editor() {
    snap_all("notes_editor", notes_editor);
}

#[test]
fn snapshot_confirm_delete() {
    snap_all("confirm_delete", confirm_delete);
}

#[test]
fn snapshot_meetings() {
    snap_all("meetings", meetings);
}

#[test]
fn snapshot_attendance() {
    snap_all("attendance", attendance);
}

#[test]
fn snapshot_documents() {
    snap_all("documents", documents);
}

#[test]
fn snapshot_meeting_form_last_field() {
    snap_all("meeting_form_last_field", meeting_form_last_field);
}

#[test]
fn snapshot_header_full() {
    snap_all("header_full", header_full);
}

#[test]
fn snapshot_documents_empty() {
    snap_all("documents_empty", documents_empty);
}

#[test]
fn snapshot_command_line() {
    snap_all("command_line", command_line);
}

#[test]
fn snapshot_too_small() {
    for (lang, code) in LANGS {
        let mut fx = fixture(lang, (50, 12));
        let terminal = render(&mut fx);
        insta::assert_snapshot!(format!("too_small_50x12_{code}"), terminal.backend());
    }
}

/// The theme snapshots keep the styles too (the buffer's Debug form lists them), since
/// the text alone is the same in every theme.
#[test]
fn snapshot_themes() {
    for (theme, name) in [
        (ThemeName::NoColor, "theme_nocolor_80x24_nb"),
        (ThemeName::HighContrast, "theme_contrast_80x24_nb"),
    ] {
        let mut fx = fixture(Lang::Nb, (80, 24));
        fx.app.theme = theme;
        let terminal = render(&mut fx);
        insta::assert_snapshot!(name, format!("{:?}", terminal.backend().buffer()));
    }
}

// ---- what style must show ----

fn row_text(buf: &Buffer, y: u16, x0: u16, x1: u16) -> String {
    (x0..x1).map(|x| buf[(x, y)].symbol()).collect()
}

/// The top edges of the three list panes: rows where column 0 starts a border.
fn pane_tops(buf: &Buffer) -> Vec<u16> {
    (0..buf.area.height)
        .filter(|&y| matches!(buf[(0, y)].symbol(), "┌" | "┏"))
        .collect()
}

/// The width of the left column: where the top border of the first pane ends.
fn pane_width(buf: &Buffer, top: u16) -> u16 {
    (0..buf.area.width)
        .find(|&x| matches!(buf[(x, top)].symbol(), "┐" | "┓"))
        .expect("a top-right corner")
        + 1
}

fn assert_focused(buf: &Buffer, top: u16, theme: &Theme, what: &str) {
    let corner = &buf[(0, top)];
    assert_eq!(corner.symbol(), "┏", "{what}: thick border");
    assert_eq!(
        Some(corner.fg),
        theme.border_focus.fg,
        "{what}: border_focus colour"
    );
    assert!(
        corner.modifier.contains(Modifier::BOLD),
        "{what}: bold border"
    );
    let w = pane_width(buf, top);
    assert_eq!(buf[(w - 2, top)].symbol(), "━", "{what}: thick top edge");
    assert_eq!(buf[(0, top + 1)].symbol(), "┃", "{what}: thick side");
    assert_eq!(buf[(0, top + 1)].fg, Color::Cyan, "{what}: side in Cyan");
    assert!(
        row_text(buf, top, 0, w).contains('▶'),
        "{what}: ▶ in the title: {}",
        row_text(buf, top, 0, w)
    );
}

fn assert_unfocused(buf: &Buffer, top: u16, theme: &Theme, what: &str) {
    let corner = &buf[(0, top)];
    assert_eq!(corner.symbol(), "┌", "{what}: plain border");
    assert_eq!(Some(corner.fg), theme.border.fg, "{what}: border colour");
    assert!(
        !corner.modifier.contains(Modifier::BOLD),
        "{what}: border not bold"
    );
    let w = pane_width(buf, top);
    assert!(
        !row_text(buf, top, 0, w).contains('▶'),
        "{what}: no ▶ in the title"
    );
}

/// The first row inside the pane whose top edge is at `top`: the selected one here.
fn assert_selected_row(buf: &Buffer, top: u16, theme: &Theme, what: &str) {
    let y = top + 1;
    let w = pane_width(buf, top);
    assert_eq!(buf[(1, y)].symbol(), "›", "{what}: › marks the selection");
    let last = (1..w - 1)
        .rev()
        .find(|&x| buf[(x, y)].symbol() != " ")
        .expect("text in the selected row");
    for x in 1..=last {
        let c = &buf[(x, y)];
        assert_eq!(
            Some(c.bg),
            theme.selected.bg,
            "{what}: selected bg at x={x} ({:?})",
            c.symbol()
        );
    }
    assert_eq!(buf[(1, y)].bg, Color::Cyan, "{what}: selected bg Cyan");
    assert!(buf[(1, y)].modifier.contains(Modifier::BOLD));
    // The next row is not selected.
    assert_ne!(buf[(1, y + 1)].symbol(), "›", "{what}: one selected row");
    assert_eq!(
        buf[(1, y + 1)].bg,
        Color::Reset,
        "{what}: other rows unstyled"
    );
}

#[test]
fn the_focused_pane_has_a_thick_coloured_border_and_a_marked_title() {
    let theme = Theme::of(ThemeName::Default);
    for size in SIZES {
        let mut fx = fixture(Lang::Nb, size);
        let terminal = render(&mut fx);
        let buf = terminal.backend().buffer();
        let tops = pane_tops(buf);
        assert_eq!(tops.len(), 3, "three list panes at {size:?}: {tops:?}");
        assert_focused(buf, tops[0], &theme, "agenda");
        assert_unfocused(buf, tops[1], &theme, "areas");
        assert_unfocused(buf, tops[2], &theme, "actions");
        assert_selected_row(buf, tops[0], &theme, "agenda");
        assert!(
            !terminal.backend().cursor_visible(),
            "no cursor on the panes"
        );
    }
}

#[test]
fn next_pane_moves_the_focus_style_to_the_areas() {
    let theme = Theme::of(ThemeName::Default);
    for size in SIZES {
        let mut fx = fixture(Lang::En, size);
        fx.act(Action::NextPane);
        assert_eq!(fx.app.focus, Pane::Areas);
        let terminal = render(&mut fx);
        let buf = terminal.backend().buffer();
        let tops = pane_tops(buf);
        assert_eq!(tops.len(), 3, "three list panes at {size:?}");
        assert_unfocused(buf, tops[0], &theme, "agenda");
        assert_focused(buf, tops[1], &theme, "areas");
        assert_unfocused(buf, tops[2], &theme, "actions");

        // The agenda's selection is still shown, but idle: underlined, not Cyan.
        let sel = &buf[(1, tops[0] + 1)];
        assert_eq!(sel.symbol(), "›");
        assert_eq!(sel.bg, Color::Reset);
        assert!(sel.modifier.contains(Modifier::UNDERLINED));

        // In the areas, the first row is a goal-area heading; the selected area is next.
        let w = pane_width(buf, tops[1]);
        let sel_y = (tops[1] + 1..tops[2])
            .find(|&y| buf[(1, y)].symbol() == "›")
            .expect("a selected area row");
        assert_eq!(buf[(1, sel_y)].bg, Color::Cyan);
        assert_eq!(Some(buf[(1, sel_y)].bg), theme.selected.bg);
        assert!(
            row_text(buf, sel_y, 1, w).contains("1. "),
            "the first area is selected"
        );
    }
}

type Scene = fn(&mut Session);

/// Every scene, for the checks that must hold on all of them.
fn all_scenes() -> Vec<(&'static str, Scene)> {
    vec![
        ("main", main_screen),
        ("agenda_current", agenda_current),
        ("areas", areas_focused),
        ("actions", actions_focused),
        ("detail_scrolled", detail_scrolled),
        ("help", help),
        ("problems", problems),
        ("new_item_form", new_item_form),
        ("action_form_date_error", action_form_date_error),
        ("notes_editor", notes_editor),
        ("confirm_delete", confirm_delete),
        ("meetings", meetings),
        ("attendance", attendance),
        ("documents", documents),
        ("documents_empty", documents_empty),
        ("command_line", command_line),
        ("identity", identity),
        ("position_form", position_form),
        (
            "item_with_positions_vote_and_speakers",
            item_with_positions_vote_and_speakers,
        ),
        ("live_meeting", live_meeting),
        ("approval_round", approval_round),
        ("approval_details", approval_details),
    ]
}

#[test]
fn no_colour_means_no_colour_anywhere() {
    for (name, scene) in all_scenes() {
        for size in SIZES.into_iter().chain([(50, 12)]) {
            // Keys do nothing on a too small screen: set the scene up at a usable size.
            let drive = if size == (50, 12) { (80, 24) } else { size };
            let mut fx = fixture(Lang::Nb, drive);
            fx.app.theme = ThemeName::NoColor;
            scene(&mut fx);
            fx.app.size = size;
            let terminal = render(&mut fx);
            let buf = terminal.backend().buffer();
            for y in 0..buf.area.height {
                for x in 0..buf.area.width {
                    let c = &buf[(x, y)];
                    assert!(
                        c.fg == Color::Reset && c.bg == Color::Reset,
                        "{name} at {size:?}: colour at ({x},{y}) {:?}: fg {:?} bg {:?}",
                        c.symbol(),
                        c.fg,
                        c.bg
                    );
                }
            }
        }
    }
}

/// The status bar counts the problems in words, so that it shows without colour too; the
/// problems screen lists each with its file and line.
#[test]
fn the_status_bar_counts_the_problems_in_words() {
    for (lang, count) in [
        (Lang::En, "⚠ 5 problems (!)"),
        (Lang::Nb, "⚠ 5 problemer (!)"),
    ] {
        let mut fx = fixture(lang, (80, 24));
        fx.app.theme = ThemeName::NoColor;
        problems(&mut fx);
        fx.act(Action::Cancel);
        let terminal = render(&mut fx);
        let buf = terminal.backend().buffer();
        let bar = row_text(buf, 23, 0, 80);
        assert!(bar.contains(count), "{bar}");
        let mut none = fixture(lang, (80, 24));
        let terminal = render(&mut none);
        let bar = row_text(terminal.backend().buffer(), 23, 0, 80);
        assert!(!bar.contains('⚠'), "no problems, no count: {bar}");
    }
    let mut fx = fixture(Lang::En, (160, 48));
    problems(&mut fx);
    let terminal = render(&mut fx);
    let buf = terminal.backend().buffer();
    let text: String = (0..48).map(|y| row_text(buf, y, 0, 160) + "\n").collect();
    for needle in [
        "w0a1b2c3d4e5f.jsonl:7: not a valid entry",
        "ABCDEFG.jsonl:12: entry",
        "w3f9a2c1b7d0e:15 is not line 12 of w3f9a2c1b7d0e.jsonl: the writer's log forked",
        "37 lines the log lacks",
        "w77aa00bb11cc.jsonl was changed by another program; 12 lines this machine",
        "SAMRAD_NOW=tomorrow",
    ] {
        assert!(
            text.contains(needle),
            "{needle:?} not on the problems screen:\n{text}"
        );
    }
    fx.act(Action::Cancel);
    assert!(fx.app.popups.is_empty(), "Esc closes the problems screen");
}

#[test]
fn no_colour_shows_the_selection_reversed() {
    let mut fx = fixture(Lang::Nb, (80, 24));
    fx.app.theme = ThemeName::NoColor;
    let terminal = render(&mut fx);
    let buf = terminal.backend().buffer();
    let tops = pane_tops(buf);
    let sel = &buf[(1, tops[0] + 1)];
    assert_eq!(sel.symbol(), "›");
    assert!(sel.modifier.contains(Modifier::REVERSED));
    assert!(
        !buf[(1, tops[0] + 2)].modifier.contains(Modifier::REVERSED),
        "only the selected row is reversed"
    );
    // Focus still shows without colour: the thick border and the ▶.
    assert_eq!(buf[(0, tops[0])].symbol(), "┏");
    assert_eq!(buf[(0, tops[1])].symbol(), "┌");

    // The same in a list popup.
    let mut fx = fixture(Lang::Nb, (80, 24));
    fx.app.theme = ThemeName::NoColor;
    attendance(&mut fx);
    let terminal = render(&mut fx);
    let buf = terminal.backend().buffer();
    let popup = popup_rect(buf);
    let reversed_marks = (popup.top()..popup.bottom())
        .flat_map(|y| (popup.left()..popup.right()).map(move |x| (x, y)))
        .filter(|&p| buf[p].symbol() == "›" && buf[p].modifier.contains(Modifier::REVERSED))
        .count();
    assert_eq!(reversed_marks, 1, "one reversed › in the attendance list");
}

/// The rectangle of the double-bordered popup drawn on top (its top-left ╔ and
/// bottom-right ╝).
fn popup_rect(buf: &Buffer) -> Rect {
    let cells: Vec<(u16, u16)> = (0..buf.area.height)
        .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
        .collect();
    let &(x0, y0) = cells
        .iter()
        .find(|&&p| buf[p].symbol() == "╔")
        .expect("a popup");
    let &(x1, y1) = cells
        .iter()
        .rev()
        .find(|&&p| buf[p].symbol() == "╝")
        .expect("a popup corner");
    Rect::new(x0, y0, x1 - x0 + 1, y1 - y0 + 1)
}

fn inner(r: Rect) -> Rect {
    Rect::new(r.x + 1, r.y + 1, r.width - 2, r.height - 2)
}

#[test]
fn the_cursor_is_in_the_open_editor() {
    for size in SIZES {
        for (lang, _) in LANGS {
            let mut fx = fixture(lang, size);
            fx.as_author(chair());
            fx.act(Action::Down);
            fx.act(Action::EditNotes);
            fx.type_text("Hei\nNTL");
            let mut terminal = render(&mut fx);
            let area = inner(popup_rect(terminal.backend().buffer()));
            assert!(terminal.backend().cursor_visible(), "cursor shown");
            let pos = terminal.get_cursor_position().expect("cursor");
            assert!(
                area.contains(pos),
                "cursor {pos:?} inside the editor {area:?}"
            );
            // Just after the text typed: second line, after "NTL".
            assert_eq!(pos, Position::new(area.x + 3, area.y + 1));
            assert_eq!(
                row_text(terminal.backend().buffer(), area.y + 1, area.x, area.x + 3),
                "NTL"
            );
        }
    }
}

#[test]
fn the_cursor_is_in_the_focused_form_field_and_on_the_command_line() {
    for size in SIZES {
        // The due-date field of the action form, after the text typed there.
        let mut fx = fixture(Lang::Nb, size);
        action_form_date_error(&mut fx);
        let mut terminal = render(&mut fx);
        let area = inner(popup_rect(terminal.backend().buffer()));
        assert!(terminal.backend().cursor_visible());
        let pos = terminal.get_cursor_position().expect("cursor");
        assert!(
            area.contains(pos),
            "cursor {pos:?} inside the form {area:?}"
        );
        let before = row_text(terminal.backend().buffer(), pos.y, area.x, pos.x);
        assert!(
            before.trim_end().ends_with("31.02.2027"),
            "cursor after the date: {before:?}"
        );

        // The command line: the row above the status bar, after ":export md".
        let mut fx = fixture(Lang::Nb, size);
        command_line(&mut fx);
        let mut terminal = render(&mut fx);
        assert!(terminal.backend().cursor_visible());
        let pos = terminal.get_cursor_position().expect("cursor");
        assert_eq!(pos, Position::new(1 + "export md".len() as u16, size.1 - 2));
        assert_eq!(
            row_text(terminal.backend().buffer(), pos.y, 0, pos.x),
            ":export md"
        );
    }
}

/// What another machine's log may hold: a request to set the clipboard (OSC 52), to clear
/// the screen, an 8-bit CSI, a carriage return, and a right-to-left override.
const HOSTILE: &str = "\u{1b}]52;c;SGVp\u{7}\u{1b}[2J\u{9b}31m\r\u{202e}";

/// Whether a cell holds something a terminal must not get: a control character or a
/// bidirectional override.
fn is_hostile(c: char) -> bool {
    c.is_control()
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// The item and its notes, on the screen and in the editor, show their words and none of the
/// controls. (ratatui drops C0 and C1 on its own; the editor let U+202E through until
/// `ui::draw` scrubbed the screen.)
#[test]
fn escape_sequences_from_another_writer_reach_no_cell_of_the_screen() {
    let now = fixed_now();
    let mut fx = Session::new(chair(), Lang::Nb, now);
    fx.app.size = (160, 48);
    fx.store().assume_now(now);
    let mut other = Store::open(fx.dir.path(), chair()).expect("another writer");
    other.assume_now(now);
    other.load(&Load::All);
    let title = format!("Farlig{HOSTILE}tittel{HOSTILE}");
    let notes = format!("Notat{HOSTILE} med{HOSTILE}\nto linjer{HOSTILE}");
    let mut t = now;
    for change in [
        meetings::add_item("s-farlig", 9, &title, 10),
        meetings::set_notes("s-farlig", &notes),
    ] {
        t += Duration::seconds(1);
        other.commit_at(change, t).expect("the other writer writes");
    }
    fx.app.now = t;
    assert!(
        fx.rt.catch_up(&mut fx.app),
        "the other writer's changes came in"
    );
    fx.select("s-farlig");
    let shown = render(&mut fx);
    fx.act(Action::EditNotes);
    let editing = render(&mut fx);
    for (what, terminal) in [("the item", shown), ("its notes in the editor", editing)] {
        let buf = terminal.backend().buffer();
        for (i, cell) in buf.content.iter().enumerate() {
            assert!(
                !cell.symbol().contains(is_hostile),
                "{what}: cell {i} holds {:?}\n{:?}",
                cell.symbol(),
                terminal.backend()
            );
        }
        let screen = terminal.backend().to_string();
        assert!(
            screen.contains("Farlig]52;c;SGVp[2J31m"),
            "{what}: the title's words:\n{screen}"
        );
        assert!(
            screen.contains("Notat]52;c;SGVp[2J31m"),
            "{what}: the notes:\n{screen}"
        );
    }
}

// ---- what the layout keeps ----

/// The screen as text, one line per row.
fn screen(terminal: &Terminal<TestBackend>) -> Vec<String> {
    let buf = terminal.backend().buffer();
    (0..buf.area.height)
        .map(|y| row_text(buf, y, 0, buf.area.width))
        .collect()
}

/// The hint bar shortens by whole hints: at 80 columns, in every scene, for the chair and
/// for a representative, each hint shown is a key and its whole text, and the most
/// important ones are there.
#[test]
fn the_hint_bar_never_ends_mid_word() {
    use samrad::app::keymap_for;
    for (name, scene) in all_scenes() {
        for who in [chair(), ntl()] {
            for (lang, _) in LANGS {
                let mut fx = fixture(lang, (80, 24));
                fx.as_author(who.clone());
                scene(&mut fx);
                let app = &fx.app;
                if app.message.is_some() || app.command.is_some() || app.search.is_some() {
                    continue;
                }
                let hints: Vec<String> = keymap_for(app.mode())
                    .hints(lang)
                    .into_iter()
                    .map(|(k, what)| format!("{k} {what}"))
                    .collect();
                let terminal = render(&mut fx);
                let row = screen(&terminal)[22].clone();
                assert!(row.starts_with(' '), "{name}: {row:?}");
                for shown in row.trim().split("  ").filter(|h| !h.is_empty()) {
                    assert!(
                        hints.iter().any(|h| h == shown.trim()),
                        "{name} ({}): {shown:?} is not a whole hint: {row:?}",
                        who.name
                    );
                }
            }
        }
    }
    // The keys a representative uses most are in the bar at 80 columns.
    let mut fx = fixture(Lang::Nb, (80, 24));
    let row = screen(&render(&mut fx))[22].clone();
    for key in [" r ", " P ", " v ", " S ", " I "] {
        assert!(row.contains(key), "{key:?} missing: {row:?}");
    }
    // And the chair's.
    let mut fx = fixture(Lang::Nb, (80, 24));
    fx.as_author(chair());
    let row = screen(&render(&mut fx))[22].clone();
    for key in [" c ", " f ", " V ", " w "] {
        assert!(row.contains(key), "{key:?} missing: {row:?}");
    }
}

/// At 80 columns the header keeps the whole date and cuts the title with "…".
#[test]
fn the_header_cuts_the_title_and_never_the_date() {
    for (lang, date) in [
        (Lang::Nb, "08.12.2026 10.00–12.00"),
        (Lang::En, "2026-12-08 10:00–12:00"),
    ] {
        let mut fx = fixture(lang, (80, 24));
        header_full(&mut fx);
        let rows = screen(&render(&mut fx));
        assert!(rows[0].trim_end().ends_with(date), "{:?}", rows[0]);
        assert!(rows[0].contains("… · "), "{:?}", rows[0]);
    }
}

/// While someone has the floor, the meeting clock, the item's clock and the floor all show,
/// at every size; at 80×24 the strip takes a second line for the open vote.
#[test]
fn the_meeting_clock_stays_beside_the_floor_and_the_vote() {
    for size in [(80, 24), (120, 40), (200, 60)] {
        let mut fx = fixture(Lang::Nb, size);
        live_meeting(&mut fx);
        let rows = screen(&render(&mut fx));
        let top = rows[..4].join("\n");
        for needle in [
            "Møtet 04:00",
            "04:00 / 30 min",
            "Ordet til: Tillitsvalgt NTL 04:00",
            "1 venter",
            "Avstemning:",
            "stemt: NTL",
        ] {
            assert!(top.contains(needle), "{size:?}: {needle:?} not in\n{top}");
        }
    }
}

/// With nothing pending the strip is one line at 80×24, so the panes start on row 3.
#[test]
fn the_strip_is_one_line_when_nothing_is_pending() {
    for scene in [main_screen as Scene, agenda_current] {
        let mut fx = fixture(Lang::En, (80, 24));
        scene(&mut fx);
        let terminal = render(&mut fx);
        assert_eq!(pane_tops(terminal.backend().buffer())[0], 3);
    }
    let mut fx = fixture(Lang::En, (80, 24));
    live_meeting(&mut fx);
    let terminal = render(&mut fx);
    assert_eq!(pane_tops(terminal.backend().buffer())[0], 4, "two lines");
}

/// The changes asked for show in the strip, cut to fit, and whole in the details (`i`).
#[test]
fn changes_asked_for_show_in_the_strip_and_whole_in_the_details() {
    let mut fx = fixture(Lang::Nb, (80, 24));
    approval_round(&mut fx);
    let rows = screen(&render(&mut fx));
    assert!(
        rows[2].contains("Endringer (i): NTL: «Vårt standpunkt"),
        "{rows:#?}"
    );
    assert!(rows[2].trim_end().ends_with('…'), "{:?}", rows[2]);
    let mut fx = fixture(Lang::Nb, (120, 40));
    approval_details(&mut fx);
    let text = screen(&render(&mut fx)).join("\n");
    assert!(text.contains("ansatte i alle"), "{text}");
    assert!(text.contains("departementene."), "{text}");
    assert!(text.contains("Rett navnet på innlederen"), "{text}");
}

/// At 80×24 the details of an item with a speakers list go on below the pane, and say so;
/// scrolled to the end, they say there is more above.
#[test]
fn a_pane_says_where_its_content_goes_on() {
    for (lang, below, above) in [(Lang::Nb, "↓ mer", "↑ mer"), (Lang::En, "↓ more", "↑ more")]
    {
        let mut fx = fixture(lang, (80, 24));
        live_meeting(&mut fx);
        // The detail pane is the right half: columns 40 to 79, rows 4 to 21.
        let right = |rows: &[String], y: usize| rows[y].chars().skip(40).collect::<String>();
        let rows = screen(&render(&mut fx));
        assert!(
            right(&rows, 21).ends_with(&format!(" {below} ┘")),
            "{rows:#?}"
        );
        assert!(!right(&rows, 4).contains(above), "{rows:#?}");
        fx.acts([Action::Open, Action::Bottom]);
        let rows = screen(&render(&mut fx));
        assert!(
            right(&rows, 4).ends_with(&format!(" {above} ┓")),
            "{rows:#?}"
        );
        assert!(!right(&rows, 21).contains(below), "{rows:#?}");
    }
}

/// At 200×60 the lists get half the screen and the agenda shows its titles whole; at 120
/// columns the lists get at least two fifths.
#[test]
fn wide_screens_give_the_lists_their_share() {
    for ((w, h), least) in [((120, 40), 48), ((200, 60), 80)] {
        let mut fx = fixture(Lang::Nb, (w, h));
        let terminal = render(&mut fx);
        let buf = terminal.backend().buffer();
        let top = pane_tops(buf)[0];
        assert!(
            pane_width(buf, top) >= least,
            "{w}: {}",
            pane_width(buf, top)
        );
    }
    let mut fx = fixture(Lang::Nb, (200, 60));
    let text = screen(&render(&mut fx)).join("\n");
    for title in [
        "Samordning av administrative tjenester som svar på gjenstridige problemer? ",
        "Prosessen: involvering og medbestemmelse i arbeidet med strategien ",
    ] {
        assert!(text.contains(title), "{title:?} cut:\n{text}");
    }
}

/// The agenda marks notes, a conclusion and positions, in signs that need no colour.
#[test]
fn the_agenda_marks_what_is_recorded() {
    let mut fx = fixture(Lang::Nb, (80, 24));
    fx.as_author(chair());
    fx.acts([Action::Down, Action::EditNotes]);
    fx.type_text("Notat");
    fx.acts([Action::Save, Action::EditConclusion]);
    fx.type_text("Konklusjon");
    fx.act(Action::Save);
    fx.app.theme = ThemeName::NoColor;
    let rows = screen(&render(&mut fx));
    let row = rows
        .iter()
        .find(|r| r.contains("2/26 Drø"))
        .expect("item 2");
    assert!(row.contains("Drø ¶✓  Prosessen"), "{row:?}");
}

/// A terminal that may not write does not name its author on the bar as if it wrote: the
/// name is marked read-only, in both languages and at both sizes.
#[test]
fn the_bar_says_the_author_only_reads_when_nothing_can_be_written() {
    for (lang, mark) in [(Lang::En, "[read-only]"), (Lang::Nb, "[lesemodus]")] {
        for size in [(80, 24), (160, 45)] {
            let mut fx = fixture(lang, size);
            let rows = screen(&render(&mut fx));
            let bar = rows.last().expect("a bar");
            assert!(!bar.contains(mark), "{bar}");
            fx.app.read_only = Some("your key is not admitted".into());
            let rows = screen(&render(&mut fx));
            let bar = rows.last().expect("a bar");
            assert!(bar.contains(&format!("NTL {mark}")), "{bar}");
        }
    }
}
