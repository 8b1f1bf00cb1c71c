//! Nothing typed is lost: text typed in the editor or a form is kept as a draft in
//! `local/drafts/`, offered back after the samrad that typed it is gone, and restored at
//! the same place; saving removes it, and throwing it away takes Ctrl-D. Driven through
//! `update` and the runtime on a real data folder; a "restart" is a new store and runtime
//! on the same folder without the old one finishing (as after kill -9).

mod common;

use std::path::PathBuf;

use common::authors::{chair, ntl};
use common::session::{Session, commits};
use common::{R, TEMPLATE_MEETING as FIRST, at};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use samrad::app::{self, Action, Draft, EditorTarget, Effect, FormKind, Mode, Popup, Typed};
use samrad::i18n::Lang;
use samrad::model::{Change, Stance};

fn chair_on(item: &str) -> Session {
    let mut s = Session::new(chair(), Lang::Nb, at("2026-12-08T10:00:00+01:00"));
    s.select(item);
    s
}

/// The draft files in the data folder: (file name, the draft in it).
fn draft_files(s: &Session) -> Vec<(String, Draft)> {
    let dir = s.dir.path().join("local").join("drafts");
    let mut out: Vec<(String, Draft)> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.map(|e| e.expect("entry").path())
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .map(|p| {
                    let bytes = std::fs::read(&p).expect("read draft");
                    let draft = serde_json::from_slice(&bytes).expect("a draft");
                    (file_name(&p), draft)
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn file_name(p: &std::path::Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A key pressed as the terminal loop handles it: through the keymap of the mode on
/// screen (a key with no binding does nothing).
fn press(s: &mut Session, code: KeyCode, mods: KeyModifiers) -> Vec<Effect> {
    let ev = KeyEvent::new(code, mods);
    match app::keymap_for(s.app.mode()).action(&ev) {
        Some(action) => s.act(action),
        None => Vec::new(),
    }
}

fn offered(s: &Session) -> Option<&Draft> {
    match s.app.popups.last() {
        Some(Popup::DraftOffer(d)) => Some(d),
        _ => None,
    }
}

fn editor(s: &Session) -> &app::Editor {
    match s.app.popups.last() {
        Some(Popup::Editor(e)) => e,
        other => panic!("expected the editor on top, found {other:?}"),
    }
}

#[test]
fn typing_keeps_a_draft_on_disk_and_saving_removes_it() -> R {
    let mut s = chair_on("s-2026-2");
    s.act(Action::EditNotes);
    let fx = s.key(KeyCode::Char('V'));
    assert_eq!(fx, [Effect::DraftChanged], "a key typed keeps a draft");
    s.type_text("i ber om en evaluering");
    // Moving the cursor changes no text: nothing to keep.
    assert!(s.key(KeyCode::Left).is_empty());

    let draft = app::current_draft(&s.app).ok_or("no draft of the editor")?;
    assert_eq!(draft.meeting.as_deref(), Some(FIRST));
    assert_eq!(draft.author, "p-leder");
    assert_eq!(draft.at, "2026-12-08T10:00:00+01:00");
    let Typed::Editor { target, text, base } = &draft.typed else {
        panic!("an editor's draft: {draft:?}");
    };
    assert_eq!(text, "Vi ber om en evaluering");
    assert_eq!(base, "", "the notes were empty when the editor opened");
    assert_eq!(
        serde_json::from_value::<EditorTarget>(target.clone())?,
        EditorTarget::Notes("s-2026-2".into())
    );

    // On disk at once (inline), under this samrad's writer id, readable only by the user.
    let files = draft_files(&s);
    assert_eq!(files.len(), 1, "{files:?}");
    let writer = s.store().writer_id().to_string();
    assert_eq!(files[0].0, format!("{writer}.json"));
    assert_eq!(files[0].1.writer, writer);
    assert!(
        matches!(&files[0].1.typed, Typed::Editor { text, .. } if text == "Vi ber om en evaluering")
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let path = s
            .dir
            .path()
            .join("local/drafts")
            .join(format!("{writer}.json"));
        let mode = std::fs::metadata(path)?.permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    let fx = s.act(Action::Save);
    assert_eq!(commits(&fx).len(), 1, "{fx:?}");
    assert!(fx.contains(&Effect::DropDraft), "{fx:?}");
    assert!(draft_files(&s).is_empty(), "saved text leaves no draft");
    assert_eq!(s.item("s-2026-2").notes, "Vi ber om en evaluering");
    // Nothing is offered at the next start.
    let s = s.restarted();
    assert!(offered(&s).is_none());
    assert!(s.app.draft_offers.is_empty());
    Ok(())
}

#[test]
fn text_left_by_a_killed_samrad_is_offered_and_restored_where_it_was() -> R {
    const TEXT: &str = "KMD legger fram en plan.\nPartene drøfter";
    let mut s = chair_on("s-2026-3");
    s.act(Action::EditNotes);
    s.type_text(TEXT);
    let first_writer = s.store().writer_id().to_string();

    let mut s = s.restarted();
    assert_ne!(
        s.store().writer_id(),
        first_writer,
        "a new samrad writes anew"
    );
    assert_eq!(s.app.mode(), Mode::Draft);
    let offer = offered(&s).ok_or("nothing offered")?;
    assert_eq!(offer.writer, first_writer);
    assert!(offer.title.contains("Sak 3/26"), "{}", offer.title);
    assert_eq!(app::draft_preview(offer), TEXT);
    assert_eq!(
        s.app.agenda_sel, 0,
        "the new samrad starts on the first item"
    );

    let fx = press(&mut s, KeyCode::Char('r'), KeyModifiers::NONE);
    assert!(matches!(fx.as_slice(), [Effect::RestoreDraft(_)]), "{fx:?}");
    let ed = editor(&s);
    assert_eq!(ed.target, EditorTarget::Notes("s-2026-3".into()));
    assert_eq!(ed.text(), TEXT);
    assert!(ed.title.contains("Sak 3/26"), "{}", ed.title);
    let last = TEXT.lines().last().unwrap_or_default();
    assert_eq!(
        ed.area.cursor(),
        (1, last.chars().count()),
        "the cursor at the end of the text"
    );
    assert_eq!(
        s.app.selected_item().map(|i| i.id.as_str()),
        Some("s-2026-3"),
        "the same item selected"
    );
    // The text is now this samrad's draft, and the one left behind is gone.
    let files = draft_files(&s);
    let writer = s.store().writer_id().to_string();
    assert_eq!(files.len(), 1, "{files:?}");
    assert_eq!(files[0].0, format!("{writer}.json"));

    // Typing goes on where it stopped; Ctrl-S saves it as if it had never been away.
    s.type_text(" ressursene.");
    let fx = s.act(Action::Save);
    assert_eq!(commits(&fx).len(), 1, "{fx:?}");
    assert_eq!(
        s.item("s-2026-3").notes,
        format!("{TEXT} ressursene."),
        "the restored text is saved"
    );
    assert!(draft_files(&s).is_empty());
    Ok(())
}

#[test]
fn throwing_a_draft_away_takes_ctrl_d_and_esc_keeps_it_for_the_next_start() -> R {
    let mut s = chair_on("s-2026-2");
    s.act(Action::EditConclusion);
    s.type_text("Enighet om");
    let mut s = s.restarted();
    assert!(offered(&s).is_some());

    // Keys typed by chance while the offer is on screen throw nothing away.
    for c in ['d', 'j', 'y', ' ', 'x', 'q', 'n'] {
        let fx = press(&mut s, KeyCode::Char(c), KeyModifiers::NONE);
        assert!(fx.is_empty(), "{c:?}: {fx:?}");
        assert!(offered(&s).is_some(), "{c:?} closed the offer");
    }
    assert_eq!(draft_files(&s).len(), 1);

    // Esc: later. The offer closes, the text stays for the next start.
    let fx = press(&mut s, KeyCode::Esc, KeyModifiers::NONE);
    assert!(fx.is_empty(), "{fx:?}");
    assert!(offered(&s).is_none());
    assert_eq!(s.app.mode(), Mode::Normal);
    assert_eq!(draft_files(&s).len(), 1, "Esc threw the text away");

    let mut s = s.restarted();
    assert!(offered(&s).is_some(), "offered again at the next start");
    let fx = press(&mut s, KeyCode::Char('d'), KeyModifiers::CONTROL);
    assert!(matches!(fx.as_slice(), [Effect::ForgetDraft(_)]), "{fx:?}");
    assert!(offered(&s).is_none());
    assert!(draft_files(&s).is_empty(), "Ctrl-D throws it away");
    let s = s.restarted();
    assert!(offered(&s).is_none());
    Ok(())
}

#[test]
fn the_position_forms_reason_is_restored_with_the_choices_made() -> R {
    let mut s = chair_on("s-2026-2");
    s.act(Action::Position);
    assert!(matches!(s.form().kind, FormKind::Position { .. }));
    // Party: as it opens; stance: two to the right; then the reason.
    s.pick(&[2]);
    s.act(Action::Down);
    let fx = s.key(KeyCode::Char('V'));
    assert_eq!(fx, [Effect::DraftChanged]);
    s.type_text("i trenger mer tid");
    let stance = s.form().choice(samrad::i18n::Msg::FieldStance);
    assert_eq!(stance, 2);

    let mut s = s.restarted();
    let offer = offered(&s).ok_or("nothing offered")?;
    assert!(offer.title.contains("Sak 2/26"), "{}", offer.title);
    assert_eq!(app::draft_preview(offer), "Vi trenger mer tid");
    press(&mut s, KeyCode::Enter, KeyModifiers::NONE);
    let form = s.form();
    assert!(
        matches!(&form.kind, FormKind::Position { item, .. } if item == "s-2026-2"),
        "{:?}",
        form.kind
    );
    assert_eq!(
        form.text(samrad::i18n::Msg::FieldReason),
        "Vi trenger mer tid"
    );
    assert_eq!(form.choice(samrad::i18n::Msg::FieldStance), 2);
    assert_eq!(form.focus, 2, "the cursor in the reason, where it was");
    s.type_text(" til å svare");

    let fx = s.save_form();
    let recorded = commits(&fx);
    assert!(
        matches!(recorded.as_slice(), [Effect::Commit(Change::Position { reason, stance, .. })]
            if reason == "Vi trenger mer tid til å svare" && *stance == Stance::Disagree),
        "{fx:?}"
    );
    assert!(draft_files(&s).is_empty());
    Ok(())
}

#[test]
fn text_whose_item_is_gone_is_shown_to_copy_and_kept_until_thrown_away() -> R {
    let mut s = chair_on("s-2026-4");
    s.act(Action::Statement);
    s.type_text("KMD tar forbehold");
    // Meanwhile, in another terminal, the item is deleted.
    let mut other = samrad::store::Store::open(s.dir.path(), chair())?;
    other.commit(Change::ItemDelete {
        meeting: FIRST.into(),
        item: "s-2026-4".into(),
    })?;
    drop(other);

    let mut s = s.restarted();
    press(&mut s, KeyCode::Char('r'), KeyModifiers::NONE);
    let ed = editor(&s);
    assert_eq!(ed.target, EditorTarget::Nowhere);
    assert_eq!(ed.text(), "KMD tar forbehold", "the text is never dropped");
    assert!(ed.title.starts_with("Kopier"), "{}", ed.title);
    assert!(ed.title.contains("Sak 4/26"), "{}", ed.title);
    // It cannot be saved anywhere: Ctrl-S says so and keeps it on screen.
    let fx = s.act(Action::Save);
    assert!(commits(&fx).is_empty(), "{fx:?}");
    assert!(matches!(s.app.popups.last(), Some(Popup::Editor(_))));
    assert!(
        s.app
            .message
            .as_ref()
            .is_some_and(|(m, _)| m.contains("kopier")),
        "{:?}",
        s.app.message
    );

    // Still kept: offered again at the next start, titled the same.
    let mut s = s.restarted();
    let offer = offered(&s).ok_or("the text was dropped")?;
    assert!(offer.title.starts_with("Kopier"), "{}", offer.title);
    press(&mut s, KeyCode::Char('r'), KeyModifiers::NONE);
    assert_eq!(editor(&s).title.matches("Kopier").count(), 1);
    // Thrown away on purpose: Esc, then yes.
    s.act(Action::Cancel);
    let fx = s.act(Action::Yes);
    assert_eq!(fx, [Effect::DropDraft]);
    assert!(draft_files(&s).is_empty());
    Ok(())
}

#[test]
fn a_draft_is_offered_to_the_person_who_typed_it_and_others_are_told() -> R {
    let mut s = chair_on("s-2026-2");
    s.as_author(ntl());
    s.act(Action::Statement);
    s.type_text("NTL mener");

    // The chair starts on this folder: not their text.
    let s = s.restarted_as(chair());
    assert!(offered(&s).is_none(), "another person's text was offered");
    let (said, _) = s.app.message.clone().ok_or("nothing said")?;
    assert!(said.contains("Ulagret tekst fra andre (1)"), "{said}");
    assert_eq!(draft_files(&s).len(), 1, "left for its owner");

    // NTL's representative starts: offered.
    let mut s = s.restarted_as(ntl());
    assert!(offered(&s).is_some());
    press(&mut s, KeyCode::Char('r'), KeyModifiers::NONE);
    assert_eq!(
        editor(&s).target,
        EditorTarget::Statement("s-2026-2".into())
    );
    assert_eq!(editor(&s).text(), "NTL mener");
    Ok(())
}

#[test]
fn a_broken_draft_is_named_and_left_as_it_is() -> R {
    let s = chair_on("s-2026-2");
    let path: PathBuf = s.dir.path().join("local/drafts/w0123456789ab.json");
    std::fs::create_dir_all(path.parent().ok_or("no folder")?)?;
    std::fs::write(&path, b"{\"author\": \"p-leder\", \"tex")?;
    let s = s.restarted();
    assert!(offered(&s).is_none());
    let (said, is_error) = s.app.message.clone().ok_or("nothing said")?;
    assert!(is_error, "{said}");
    assert!(said.contains("local/drafts/w0123456789ab.json"), "{said}");
    assert!(path.exists(), "a broken draft must not be deleted");
    Ok(())
}

#[test]
fn several_drafts_are_offered_one_after_another() -> R {
    // Two samrads of the same person, both killed with text in their editors.
    let mut a = chair_on("s-2026-2");
    a.act(Action::EditNotes);
    a.type_text("Først");
    let mut b = a.restarted();
    press(&mut b, KeyCode::Esc, KeyModifiers::NONE);
    b.select("s-2026-5");
    b.act(Action::EditNotes);
    b.type_text("Så");

    let mut s = b.restarted();
    assert_eq!(
        s.app.draft_offers.len(),
        1,
        "one waits behind the one shown"
    );
    let first = offered(&s).ok_or("nothing offered")?.clone();
    press(&mut s, KeyCode::Char('r'), KeyModifiers::NONE);
    assert!(offered(&s).is_none(), "an offer over the restored editor");
    s.act(Action::Save);
    // Once the editor is closed, the next one is offered.
    let second = offered(&s).ok_or("the second draft was not offered")?;
    assert_ne!(app::draft_preview(&first), app::draft_preview(second));
    let mut texts = vec![app::draft_preview(&first), app::draft_preview(second)];
    texts.sort();
    assert_eq!(texts, ["Først", "Så"]);
    Ok(())
}

#[test]
fn where_nothing_may_be_written_saving_keeps_the_text_and_its_draft() -> R {
    let mut s = chair_on("s-2026-2");
    s.act(Action::EditNotes);
    s.type_text("Ikke tapt");
    // The folder stops taking writes while the text is being typed.
    s.app.read_only = Some("skrevet av en nyere samrad".into());
    let fx = s.act(Action::Save);
    assert!(fx.is_empty(), "{fx:?}");
    assert_eq!(
        editor(&s).text(),
        "Ikke tapt",
        "the editor closed on unsaved text"
    );
    assert!(
        s.app
            .message
            .as_ref()
            .is_some_and(|(m, err)| *err && m.contains("nyere"))
    );
    assert_eq!(
        draft_files(&s).len(),
        1,
        "the draft went with nothing saved"
    );
    Ok(())
}

#[test]
fn esc_in_a_form_with_typed_text_asks_before_the_text_goes() -> R {
    let mut s = chair_on("s-2026-2");
    s.act(Action::Position);
    s.act(Action::Down);
    s.act(Action::Down);
    s.type_text("Vi trenger mer tid");
    assert_eq!(draft_files(&s).len(), 1);
    // Esc alone keeps it: the question comes first, and "no" goes back to the form.
    s.act(Action::Cancel);
    assert!(matches!(
        s.app.popups.last(),
        Some(app::Popup::Confirm { .. })
    ));
    s.act(Action::No);
    assert_eq!(
        s.form().text(samrad::i18n::Msg::FieldReason),
        "Vi trenger mer tid"
    );
    assert_eq!(draft_files(&s).len(), 1, "the draft stays");
    // Esc and "yes": the text and its draft go.
    s.act(Action::Cancel);
    s.act(Action::Yes);
    assert!(s.app.popups.is_empty(), "{:?}", s.app.popups.len());
    assert!(draft_files(&s).is_empty(), "the draft went with the text");
    // A form nothing was typed into closes at once.
    s.act(Action::Position);
    s.act(Action::Cancel);
    assert!(s.app.popups.is_empty());
    Ok(())
}
