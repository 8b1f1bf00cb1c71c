//! The record against a forger: in a secured forum (the chair founded it with a key, the
//! representatives were admitted with theirs) every attack of issue 10 is refused, counts
//! for nothing, and is reported — by the fold (refused entries), by `samrad verify` (exit
//! 1), and by `show` and `list`, which then do not call the minutes approved. Approvals are
//! checked without samrad, by `ssh-keygen -Y verify`.

mod common;

use std::path::{Path, PathBuf};

use common::TEMPLATE_MEETING as MEETING;
use common::authors::{ntl, rep};
use common::files::files_under;
use common::sandbox::{Run, Sandbox};
use common::seats::{Seat, Ticks, founded, held_and_circulated};
use samrad::model::{Author, Change, MeetingStatus, RejectReason};
use samrad::store::keys::Signer;
use samrad::store::op::{encode_lines, line_hash};
use samrad::store::{Load, Op, ProblemKind};

/// A folder where the chair founded the forum, NTL's and Unio's representatives were
/// admitted, the meeting was held, sent round and approved by KMD, NTL and Unio.
struct Approved {
    sb: Sandbox,
    clock: Ticks,
    chair: Seat,
    ntl: Seat,
    unio: Seat,
}

fn approved() -> Approved {
    let sb = Sandbox::new();
    let mut clock = Ticks::default();
    let (mut chair, mut reps) = founded(&sb.data, &mut clock, &[ntl(), rep("unio")]);
    held_and_circulated(&mut chair, &mut clock, &["p-leder", "p-ntl", "p-unio"]);
    let (mut ntl, mut unio) = (reps.remove(0), reps.remove(0));
    chair.approve(&mut clock, "kmd");
    ntl.approve(&mut clock, "ntl");
    unio.approve(&mut clock, "unio");
    let mut a = Approved {
        sb,
        clock,
        chair,
        ntl,
        unio,
    };
    assert_eq!(a.status(), MeetingStatus::Approved, "the round is complete");
    a
}

impl Approved {
    fn status(&mut self) -> MeetingStatus {
        let doc = self.chair.store.load(&Load::All);
        doc.meeting(MEETING).expect("the meeting").status
    }

    /// The log file of `seat` for the template meeting.
    fn log_of(&self, seat: &Seat) -> PathBuf {
        self.sb
            .data
            .join("log")
            .join(MEETING)
            .join(format!("{}.jsonl", seat.store.writer_id()))
    }

    fn verify(&self) -> Run {
        self.sb.run_lang("en_GB.UTF-8", &["verify", MEETING])
    }

    fn show(&self) -> Run {
        self.sb.run_lang("en_GB.UTF-8", &["show", MEETING])
    }

    fn list(&self) -> Run {
        self.sb.run_lang("en_GB.UTF-8", &["list"])
    }
}

/// The lines of a log file, each without its newline.
fn lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .expect("read the log")
        .lines()
        .map(str::to_string)
        .collect()
}

/// The op of the last line of `path`.
fn last_op(path: &Path) -> Op {
    let line = lines(path).pop().expect("a line");
    serde_json::from_str(&line).expect("an op")
}

/// An op of `writer`, number `seq`, chained to `prev`, written at 8 December 2026 noon by
/// `by`, signed with `key` (when given) as samrad signs.
fn forged(
    writer: &str,
    seq: u64,
    prev: &str,
    by: Author,
    change: Change,
    key: Option<&Signer>,
) -> Op {
    let mut chain = samrad::store::OpChain::new(writer);
    chain.sign_with(key.cloned());
    let mut op = chain.next(
        samrad::store::Hlc {
            ms: 1_796_732_400_000,
            c: 0,
        },
        "2026-12-08T12:00:00+01:00".into(),
        by,
        change,
    );
    op.seq = seq;
    op.prev = prev.to_string();
    if let Some(key) = key {
        op.sig = String::new();
        op.sig = key.sign(op.encode().as_bytes());
    }
    op
}

/// A forged line at the end of the log at `path`: the file's writer, the next number, the
/// hash of the file's last line as `prev`; in `by`'s name, signed with `key` when given,
/// then changed by `tweak`. Appended, and returned.
fn append_chained(
    path: &Path,
    by: Author,
    change: Change,
    key: Option<&Signer>,
    tweak: impl FnOnce(&mut Op),
) -> Op {
    let last = last_op(path);
    let prev = line_hash(lines(path).last().expect("a line").as_bytes());
    let mut op = forged(&last.writer, last.seq + 1, &prev, by, change, key);
    tweak(&mut op);
    append(path, &op);
    op
}

fn append(path: &Path, op: &Op) {
    let mut bytes = std::fs::read(path).unwrap_or_default();
    bytes.extend_from_slice(&encode_lines(std::slice::from_ref(op)));
    std::fs::write(path, bytes).expect("append a line");
}

/// Item 3/26 of the template meeting, as `doc` holds it.
fn item3(doc: &samrad::model::Doc) -> &samrad::model::Item {
    doc.meeting(MEETING)
        .and_then(|m| m.item("s-2026-3"))
        .expect("item 3/26")
}

/// A statement for the record in NTL's name on item 3/26.
fn ntl_statement(text: &str) -> Change {
    Change::Statement {
        meeting: MEETING.into(),
        item: "s-2026-3".into(),
        party: "ntl".into(),
        text: text.into(),
        base: None,
    }
}

fn approval(party: &str, hash: &str) -> Change {
    common::meetings::approve(MEETING, party, hash)
}

/// The intact round first: verify says intact, and each approval checks with ssh-keygen.
#[test]
fn approvals_check_with_ssh_keygen_without_samrad() {
    let a = approved();
    a.verify().says(0, &["intact", "1 intact, 0 changed"]);
    let dir = a.sb.home().join("signatures");
    let dir_arg = dir.display().to_string();
    let out =
        a.sb.run(&["export", MEETING, "--signatures", &dir_arg])
            .ok()
            .to_string();
    for person in ["p-leder", "p-ntl", "p-unio"] {
        assert!(dir.join(format!("{person}.sig")).is_file(), "{person}.sig");
        assert!(
            out.contains(&format!("-I {person}")),
            "the command for {person}: {out}"
        );
    }
    let signers = std::fs::read_to_string(dir.join("allowed_signers")).expect("allowed_signers");
    assert!(
        signers.contains("p-ntl namespaces=\"samrad-approval\" ssh-ed25519 "),
        "{signers}"
    );
    let Some(keygen) = ssh_keygen() else {
        eprintln!("ssh-keygen is not on PATH: the approvals were written but not checked");
        return;
    };
    for person in ["p-leder", "p-ntl", "p-unio"] {
        let checked = keygen_verify(&keygen, &dir, person, &dir.join("content"));
        assert!(checked.status.success(), "{person}: {checked:?}");
    }
    // The content is what was approved: one changed byte, and no signature holds.
    let mut content = std::fs::read(dir.join("content")).expect("content");
    content[10] ^= 1;
    let changed = dir.join("changed");
    std::fs::write(&changed, content).expect("write");
    let checked = keygen_verify(&keygen, &dir, "p-ntl", &changed);
    assert!(
        !checked.status.success(),
        "a changed content must not check"
    );
    // Nor does one person's signature pass for another.
    std::fs::copy(dir.join("p-ntl.sig"), dir.join("p-unio.sig")).expect("copy");
    let checked = keygen_verify(&keygen, &dir, "p-unio", &dir.join("content"));
    assert!(
        !checked.status.success(),
        "NTL's signature checked as Unio's"
    );
}

fn ssh_keygen() -> Option<PathBuf> {
    std::process::Command::new("ssh-keygen")
        .arg("-?")
        .output()
        .ok()
        .map(|_| PathBuf::from("ssh-keygen"))
}

fn keygen_verify(keygen: &Path, dir: &Path, person: &str, content: &Path) -> std::process::Output {
    std::process::Command::new(keygen)
        .args(["-Y", "verify", "-f"])
        .arg(dir.join("allowed_signers"))
        .args(["-I", person, "-n", "samrad-approval", "-s"])
        .arg(dir.join(format!("{person}.sig")))
        .stdin(std::fs::File::open(content).expect("content"))
        .output()
        .expect("run ssh-keygen")
}

/// A third person, whose key nobody admitted, writes a log of their own approving for four
/// parties, circulated minutes not yet approved by all.
#[test]
fn forged_approvals_in_a_new_log_count_for_nothing_and_are_reported() {
    let sb = Sandbox::new();
    let mut clock = Ticks::default();
    let (mut chair, _reps) = founded(&sb.data, &mut clock, &[ntl(), rep("unio")]);
    let hash = held_and_circulated(&mut chair, &mut clock, &["p-leder", "p-ntl", "p-unio"]);
    chair.approve(&mut clock, "kmd");
    let mut forger = Seat::at(&sb.data, ntl());
    for party in ["ntl", "unio", "ys-stat", "jf"] {
        forger.commit(&mut clock, approval(party, &hash));
    }
    let doc = chair.store.load(&Load::All);
    let m = doc.meeting(MEETING).expect("the meeting");
    assert_eq!(
        m.status,
        MeetingStatus::Circulated,
        "still waiting for NTL and Unio"
    );
    let refused: Vec<_> = doc
        .rejected
        .iter()
        .filter(|r| r.reason == RejectReason::KeyNotAdmitted)
        .collect();
    assert_eq!(refused.len(), 4, "{:?}", doc.rejected);
    sb.run_lang("en_GB.UTF-8", &["verify", MEETING])
        .says(1, &["refused", "admitted", "1 changed"]);
    sb.run_lang("en_GB.UTF-8", &["list"])
        .says(0, &["FAILS ITS CHECKS"])
        .lacks(&["Approved"]);
}

/// A statement in NTL's name appended to the chair's log with a valid hash chain: signed
/// by the forger's own key, or carrying NTL's key with a signature that cannot hold.
#[test]
fn a_forged_statement_with_a_valid_chain_is_refused_in_the_fold_and_by_verify() {
    let mut a = approved();
    let log = a.log_of(&a.chair);
    let statement = ntl_statement("NTL trekker alle innsigelser.");
    let forger = Signer::generate();
    append_chained(&log, ntl(), statement.clone(), Some(&forger), |_| {});
    let doc = a.chair.store.load(&Load::All);
    let item = item3(&doc);
    assert!(
        item.current_statements().is_empty(),
        "the forged statement counts"
    );
    assert!(
        doc.rejected
            .iter()
            .any(|r| r.reason == RejectReason::KeyNotAdmitted),
        "{:?}",
        doc.rejected
    );
    a.verify().says(1, &["refused"]);
    a.show()
        .says(0, &["FAILS ITS CHECKS"])
        .lacks(&["NTL trekker", "Status: Approved"]);

    // The same, claiming NTL's key: the signature cannot hold for it.
    let mut b = approved();
    let log = b.log_of(&b.unio);
    let ntl_key = b.ntl.key.public().to_string();
    append_chained(&log, ntl(), statement, Some(&forger), |op| op.key = ntl_key);
    b.chair.store.load(&Load::All);
    assert!(
        b.chair.saw(|k| *k == ProblemKind::BadSignature),
        "{:?}",
        b.chair.store.problems
    );
    b.verify().says(1, &["signature does not hold"]);
}

/// Cutting the last approval from its log: the chair had seen it (their op after it names
/// it as seen), so every check finds the cut, also after `list` rewrote the minutes file.
#[test]
fn a_cut_approval_is_found_whatever_ran_in_between() {
    let mut a = approved();
    // The chair writes after seeing Unio's approval.
    let note = common::meetings::request_changes(MEETING, "kmd", "x", "etter godkjenning");
    a.chair.commit(&mut a.clock, note);
    let log = a.log_of(&a.unio);
    let mut kept = lines(&log);
    kept.pop();
    std::fs::write(&log, kept.join("\n") + "\n").expect("cut the last line");
    a.list();
    a.verify().says(1, &["is gone from its log", "had seen it"]);
    a.list().says(0, &["FAILS ITS CHECKS"]).lacks(&["Approved"]);
    a.chair.store.load(&Load::All);
    assert!(
        a.chair.saw(|k| matches!(k, ProblemKind::HistoryCut { .. })),
        "{:?}",
        a.chair.store.problems
    );
}

/// A line that copies another writer's `writer:seq` into a file of its own does not
/// replace the real op: it is another writer's line in the wrong file, refused.
#[test]
fn a_reused_writer_and_number_in_another_file_replaces_nothing() {
    let a = approved();
    let log = a.log_of(&a.ntl);
    let real = last_op(&log);
    let fake = ntl_statement("FORFALSKET");
    let copy = forged(&real.writer, real.seq, &real.prev, ntl(), fake, None);
    let other = log.with_file_name("wforger.jsonl");
    append(&other, &copy);
    a.show()
        .says(0, &["FAILS ITS CHECKS"])
        .lacks(&["FORFALSKET"]);
    a.verify().says(1, &["in another writer's log"]);
}

/// A meeting whose id climbs out of the data folder: refused where it is read, never a
/// path. Nothing is written outside the data folder by reading, showing or exporting.
#[test]
fn an_id_that_climbs_out_of_the_data_folder_never_becomes_a_path() {
    let a = approved();
    let evil = "../../../../outside/pwned";
    let create = Change::MeetingCreate {
        meeting: evil.into(),
        title: "Pwned".into(),
        starts_at: "2026-12-09T10:00:00+01:00".into(),
    };
    let log = a.log_of(&a.chair);
    let key = Some(&a.chair.key);
    append_chained(&log, common::authors::chair(), create.clone(), key, |_| {});
    // And as a folder of its own under log/, with a name that is an id no more.
    let odd = a.sb.data.join("log").join("..pwned");
    std::fs::create_dir_all(&odd).expect("mkdir");
    append(
        &odd.join("wx.jsonl"),
        &forged("wx", 1, "", common::authors::chair(), create, None),
    );
    let before = files_under(a.sb.home());
    a.list();
    a.show();
    a.sb.run(&["export", "latest", "--format", "md"]);
    a.verify().says(1, &["refused"]);
    let after: Vec<PathBuf> = files_under(a.sb.home())
        .into_iter()
        .filter(|p| !before.contains(p))
        .collect();
    for p in &after {
        // samrad's own key, made beside its config on first use, is not in the data folder.
        let own_key = p.parent() == Some(a.sb.home())
            && p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("id_ed25519"));
        assert!(
            p.starts_with(&a.sb.data) || own_key,
            "written outside the data folder: {}",
            p.display()
        );
    }
    assert!(
        !a.sb
            .home()
            .parent()
            .expect("parent")
            .join("outside")
            .exists()
    );
}

/// One line stamped at the end of time cannot pin the clock: it is left out and said, and
/// edits after it are there after a restart.
#[test]
fn a_line_stamped_at_the_end_of_time_does_not_pin_the_clock() {
    let mut a = approved();
    // The chair's own line, rightly signed: only its clock is wrong.
    let log = a.log_of(&a.chair);
    let key = a.chair.key.clone();
    let frozen = Change::ItemSet {
        meeting: MEETING.into(),
        item: "s-2026-3".into(),
        set: samrad::model::ItemField::Background("FROSSET".into()),
    };
    append_chained(&log, common::authors::chair(), frozen, None, |op| {
        op.clock.ms = i64::MAX;
        op.key = key.public().to_string();
        op.sig = key.sign(op.encode().as_bytes());
    });
    // The meeting is reopened and the chair writes the background after it.
    a.chair.commit(
        &mut a.clock,
        common::meetings::status(MEETING, MeetingStatus::Closed),
    );
    let later = Change::ItemSet {
        meeting: MEETING.into(),
        item: "s-2026-3".into(),
        set: samrad::model::ItemField::Background("Skrevet etterpå".into()),
    };
    let op = a.chair.commit(&mut a.clock, later);
    assert!(
        op.clock.ms < i64::MAX / 2,
        "the clock was pinned: {:?}",
        op.clock
    );
    let mut restarted = Seat::at(&a.sb.data, common::authors::chair());
    let doc = restarted.store.load(&Load::All);
    let item = item3(&doc);
    assert_eq!(item.background, "Skrevet etterpå");
    assert!(
        restarted.saw(|k| matches!(k, ProblemKind::ClockAhead(_))),
        "{:?}",
        restarted.store.problems
    );
}

/// A pipe, or a link to /dev/zero, named like a log: every command finishes, and says so.
#[test]
fn a_pipe_or_a_link_to_dev_zero_under_log_hangs_nothing() {
    let a = approved();
    let forum = a.sb.data.join("log").join("forum");
    let fifo = forum.join("wpipe.jsonl");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    std::os::unix::fs::symlink("/dev/zero", forum.join("wzero.jsonl")).expect("symlink");
    let started = std::time::Instant::now();
    let list = a.list();
    list.says(0, &[]);
    assert!(
        list.stderr.contains("not a plain file"),
        "{}",
        list.describe()
    );
    a.show().says(0, &[]);
    a.sb.run_lang("en_GB.UTF-8", &["verify", "--all"]);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(60),
        "took {:?}",
        started.elapsed()
    );
}

/// A second machine of the same person: its key asks to join, and once the person's first
/// key (or the chair) admits it, what it writes counts as theirs.
#[test]
fn a_second_machines_key_counts_once_admitted() {
    let sb = Sandbox::new();
    let mut clock = Ticks::default();
    let (mut chair, mut reps) = founded(&sb.data, &mut clock, &[ntl()]);
    let mut first = reps.remove(0);
    let mut laptop = Seat::at(&sb.data, ntl());
    laptop.ask(&mut clock);
    let position = common::meetings::position(
        "s-2026-3",
        "ntl",
        samrad::model::Stance::Agree,
        "Fra laptopen",
    );
    laptop.commit(&mut clock, position.clone());
    let doc = chair.store.load(&Load::All);
    let item = item3(&doc);
    assert!(item.positions.is_empty(), "a key nobody admitted counts");
    assert_eq!(doc.forum.roster.requests.len(), 1, "the laptop's key waits");
    // NTL's representative confirms the new key with the one they have.
    let add = Change::AddKey {
        person: "p-ntl".into(),
        key: laptop.key.public().into(),
    };
    first.commit(&mut clock, add);
    let doc = chair.store.load(&Load::All);
    let item = item3(&doc);
    assert_eq!(item.positions.len(), 1, "{:?}", doc.rejected);
    assert_eq!(item.positions[0].by, "Tillitsvalgt NTL");
    assert!(doc.forum.roster.requests.is_empty());
    // Someone else cannot add a key for NTL's representative.
    let mut other = Seat::at(&sb.data, rep("unio"));
    other.ask(&mut clock);
    chair.admit(&mut clock, &other);
    let stranger = Signer::generate();
    other.commit(
        &mut clock,
        Change::AddKey {
            person: "p-ntl".into(),
            key: stranger.public().into(),
        },
    );
    let doc = chair.store.load(&Load::All);
    assert!(doc.forum.key_holder(stranger.public()).is_none());
}

/// A fold snapshot planted by a sync (git carries `index/` when someone forces it): not
/// trusted, even with the mark of the real one beside it; the logs are folded instead.
#[test]
fn a_planted_snapshot_is_not_taken_for_the_fold() {
    let mut a = approved();
    a.chair.store.wait_for_snapshot();
    let snap = a.sb.data.join("index").join("all.fold.json");
    let real = std::fs::read_to_string(&snap).expect("the chair's snapshot");
    assert!(real.contains("Partene drøftet saken."));
    let forged = real.replace("Partene drøftet saken.", "FORFALSKET REFERAT");
    let planted = snap.with_file_name("planted");
    std::fs::write(&planted, forged).expect("write");
    std::fs::rename(&planted, &snap).expect("plant");
    let mut reader = Seat::at(&a.sb.data, rep("unio"));
    let doc = reader.store.load(&Load::All);
    let notes = &item3(&doc).notes;
    assert_eq!(notes, "Partene drøftet saken.");
}

/// Issue 10's end to end: the chair and two representatives, each with a key of their own
/// on a folder of their own, kept in step by git, hold a meeting and an approval round; the
/// approvals check with ssh-keygen. A third person's forged approval and statement, and a
/// line they cut, are refused on every machine and reported by `verify` (exit 1).
#[test]
fn three_machines_synced_by_git_hold_a_round_and_refuse_a_fourth() {
    use common::git::{clones, git_available, sync};
    if !git_available() {
        eprintln!("git is not on PATH: the three-machine round is not run");
        return;
    }
    let sb = Sandbox::new();
    let dirs = clones(sb.home(), &["chair", "ntl", "unio", "forger"]);
    let (a, b, c, d) = (&dirs[0], &dirs[1], &dirs[2], &dirs[3]);
    let mut clock = Ticks::default();

    let mut chair = Seat::at(a, common::authors::chair());
    chair.found(&mut clock);
    sync(a);
    sync(b);
    let mut ntl_seat = Seat::at(b, ntl());
    ntl_seat.ask(&mut clock);
    sync(b);
    sync(c);
    let mut unio = Seat::at(c, rep("unio"));
    unio.ask(&mut clock);
    sync(c);
    sync(a);
    chair.admit(&mut clock, &ntl_seat);
    chair.admit(&mut clock, &unio);
    let hash = held_and_circulated(&mut chair, &mut clock, &["p-leder", "p-ntl", "p-unio"]);
    chair.approve(&mut clock, "kmd");
    sync(a);
    for (dir, seat, party) in [(b, &mut ntl_seat, "ntl"), (c, &mut unio, "unio")] {
        sync(dir);
        seat.approve(&mut clock, party);
        sync(dir);
    }
    sync(a);
    let doc = chair.store.load(&Load::All);
    assert_eq!(
        doc.meeting(MEETING).expect("meeting").status,
        MeetingStatus::Approved
    );
    // The chair writes on, having seen both approvals.
    chair.commit(
        &mut clock,
        common::meetings::set_notes("s-2026-2", "Etter møtet."),
    );
    sync(a);
    let run = |dir: &Path, args: &[&str]| sb.run_in(dir, "en_GB.UTF-8", args);
    run(a, &["verify", MEETING]).says(0, &["1 intact"]);
    let sigs = sb.home().join("sigs");
    let sigs_arg = sigs.display().to_string();
    run(a, &["export", MEETING, "--signatures", &sigs_arg]).ok();
    if let Some(keygen) = ssh_keygen() {
        for person in ["p-leder", "p-ntl", "p-unio"] {
            let checked = keygen_verify(&keygen, &sigs, person, &sigs.join("content"));
            assert!(checked.status.success(), "{person}: {checked:?}");
        }
    } else {
        eprintln!("ssh-keygen is not on PATH: the approvals were written but not checked");
    }

    // The fourth machine: a key nobody admitted, writing in NTL's name, and cutting
    // Unio's approval from Unio's log.
    sync(d);
    let mut forger = Seat::at(d, ntl());
    forger.commit(&mut clock, approval("ys-stat", &hash));
    let statement = ntl_statement("NTL trekker alle innsigelser.");
    forger.commit(&mut clock, statement);
    let unio_log = d
        .join("log")
        .join(MEETING)
        .join(format!("{}.jsonl", unio.store.writer_id()));
    let mut kept = lines(&unio_log);
    kept.pop();
    std::fs::write(&unio_log, kept.join("\n") + "\n").expect("cut");
    sync(d);

    for (dir, seat) in [(a, &mut chair), (b, &mut ntl_seat), (c, &mut unio)] {
        sync(dir);
        let doc = seat.store.load(&Load::All);
        let item = item3(&doc);
        assert!(
            item.current_statements().is_empty(),
            "{}: the forgery counts",
            dir.display()
        );
        let refused = doc
            .rejected
            .iter()
            .filter(|r| r.reason == RejectReason::KeyNotAdmitted)
            .count();
        assert_eq!(refused, 2, "{}: {:?}", dir.display(), doc.rejected);
        assert!(
            seat.store
                .problems
                .iter()
                .any(|p| matches!(p.kind, ProblemKind::HistoryCut { .. })),
            "{}: the cut is not seen: {:?}",
            dir.display(),
            seat.store.problems
        );
        run(dir, &["verify", MEETING]).says(
            1,
            &[
                "refused",
                "is gone from its log",
                "had seen it",
                "1 changed",
            ],
        );
    }
}

/// A terminal left running while a sync cuts a line from another writer's log (the file
/// shrinks, or is written anew): it folds again, and its header stops calling the minutes
/// approved.
#[test]
fn a_running_terminal_sees_a_line_cut_under_it() {
    use samrad::runtime::{Mode, Runtime};
    let mut a = approved();
    // The chair writes after seeing Unio's approval.
    let note = common::meetings::request_changes(MEETING, "kmd", "x", "etter godkjenning");
    a.chair.commit(&mut a.clock, note);
    let Approved { chair, unio, .. } = a;
    let unio_log = unio.store.layout().log_path(
        &samrad::model::Scope::Meeting(MEETING.into()),
        unio.store.writer_id(),
    );
    let mut rt = Runtime::new(chair.store, Mode::Inline).expect("runtime");
    let doc = rt.store_mut().load(&Load::Meeting(MEETING.into()));
    let now = common::at("2026-12-08T12:00:00+01:00");
    let mut app = samrad::app::App::new(doc, chair.who, samrad::i18n::Lang::En, now);
    app.meeting = Some(MEETING.into());
    rt.catch_up(&mut app);
    rt.note_doubts(&mut app);
    assert!(app.doubts.is_empty(), "{:?}", app.doubts);
    let mut kept = lines(&unio_log);
    kept.pop();
    std::fs::write(&unio_log, kept.join("\n") + "\n").expect("cut the last line");
    assert!(rt.catch_up(&mut app), "the cut went unnoticed");
    assert!(
        app.doubts
            .iter()
            .any(|d| d.contains("is gone from its log")),
        "{:?}",
        app.doubts
    );
}
