//! A form's fields read as what they are: a field without the focus shows the start of
//! its text (cut with "…"), not its end.

mod common;

use common::at;
use common::authors::chair;
use common::session::Session;
use samrad::app::Action;
use samrad::i18n::Lang;

#[test]
fn an_unfocused_field_shows_the_start_of_its_text() {
    let mut s = Session::new(chair(), Lang::Nb, at("2026-12-08T10:00:00+01:00"));
    s.app.size = (80, 24);
    s.select("s-2026-2");
    s.act(Action::Edit);
    s.act(Action::Down);
    let lines = common::screen::rows(&s.app, (80, 24));
    let title = lines
        .iter()
        .find(|l| l.contains("Tittel:"))
        .expect("the title field");
    assert!(title.contains("Prosessen: involvering"), "{title}");
    assert!(title.contains('…'), "{title}");
}

#[test]
fn a_long_text_being_typed_reads_as_two_lines() {
    let mut s = Session::new(
        common::authors::ntl(),
        Lang::Nb,
        at("2026-12-08T10:00:00+01:00"),
    );
    s.app.size = (80, 24);
    s.select("s-2026-2");
    s.act(Action::Position);
    s.act(Action::Down);
    s.act(Action::Down);
    let reason =
        "Arbeidsgruppen var for smal, og tillitsvalgte fikk ikke se utkastet før det var ferdig";
    s.type_text(reason);
    let lines = common::screen::rows(&s.app, (80, 24));
    let at = lines
        .iter()
        .position(|l| l.contains("Begrunnelse:"))
        .expect("the reason field");
    assert!(
        lines[at].contains("Arbeidsgruppen var for smal"),
        "{}",
        lines[at]
    );
    assert!(lines[at + 1].contains("ferdig"), "{}", lines[at + 1]);
}
