//! Norwegian bokmål and English. Each catalogue is an exhaustive match over `Msg`, so the
//! compiler refuses a message that one of them lacks.

mod en;
mod nb;

use crate::model::{
    ActionStatus, Agreement, DevAreaStatus, ItemKind, MeetingStatus, Presence, Side, Stance,
    VoteMethod, VoteRule,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nb,
    En,
}

impl Lang {
    /// From a `LANG`-style value: nb, nn and no mean Norwegian; anything else English.
    pub fn from_locale(value: &str) -> Lang {
        let v = value.to_ascii_lowercase();
        if ["nb", "nn", "no"].iter().any(|p| v.starts_with(p)) {
            Lang::Nb
        } else {
            Lang::En
        }
    }

    pub fn parse(value: &str) -> Option<Lang> {
        match value.to_ascii_lowercase().as_str() {
            "nb" | "no" | "nn" | "norsk" => Some(Lang::Nb),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn t(self, m: Msg) -> &'static str {
        match self {
            Lang::Nb => nb::text(m),
            Lang::En => en::text(m),
        }
    }

    /// A message with its blanks filled: `{0}`, `{1}` … in the catalogue's text are
    /// replaced by the arguments, so each language puts them where its grammar wants them.
    pub fn fill(self, m: Msg, args: &[&dyn std::fmt::Display]) -> String {
        let mut out = self.t(m).to_string();
        for (i, a) in args.iter().enumerate() {
            out = out.replace(&format!("{{{i}}}"), &a.to_string());
        }
        out
    }
}

macro_rules! messages {
    ($($name:ident),* $(,)?) => {
        /// Every text samrad shows that is not data.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg { $($name),* }
        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$name),*];
        }
    };
}

messages! {
    Minutes,
    Protocol,
    // export
    ExportApprovalHeading,
    ExportApprovedByParties,
    ExportSignaturesHeading,
    ExportSignFor,
    ExportNotCirculated,
    ExportCirculatedAt,
    ExportApprovalDeadline,
    ExportDeadlinePassed,
    ExportAwaitingApproval,
    ExportApprovedAt,
    ExportContentHash,
    ExportEarlierVersions,
    ExportApprovalParty,
    ExportApprovalAnswer,
    ExportAnswerGivenBy,
    ExportApprovedBy,
    ExportAnswerTime,
    ExportVerdictApprove,
    ExportVerdictChanges,
    ExportStatementBy,
    ExportStatementOnItem,
    ExportItemLeftOut,
    ExportItemsLeftOut,
    ExportCsvId,
    ExportCsvTitle,
    ExportCsvOwner,
    ExportCsvDue,
    ExportCsvStatus,
    ExportCsvOverdue,
    ExportCsvMeetingDate,
    ExportCsvItem,
    ExportCsvDevAreas,
    ExportCsvProposedBy,
    ExportCsvCarriedOver,
    ExportCsvYes,
    ExportCsvNo,
    Date,
    Place,
    Status,
    Chair,
    Referent,
    Present,
    Absent,
    Substitutes,
    SubstituteFor,
    DocumentsSent,
    Agenda,
    Item,
    Kind,
    Presenter,
    PlannedMinutes,
    DevAreas,
    Background,
    Inputs,
    Source,
    Notes,
    Positions,
    NoPositionYet,
    OnBehalf,
    Votes,
    Conclusion,
    Disagreeing,
    Statements,
    Actions,
    CarriedOver,
    Owner,
    Due,
    FromItem,
    ProposedBy,
    Overdue,
    Nobody,
    Confidential,
    RefusedChanges,
    RecordedBy,
    Minute,
    NotSet,
    VoteAdopted,
    VoteNotAdopted,
    VoteTie,
    VoteWinner,
    VoteCast,
    VoteBlank,
    VoteOpen,
    VoteFor,
    VoteAgainst,
    VoteAbstain,
    NoMeetings,
    ColDate,
    ColTitle,
    ColStatus,
    ColItems,
    ColOpenActions,
    ColAction,
    ColMeeting,
    NoActions,
    UnknownMeeting,
    SeveralMeetings,
    ListHint,
    ChangesFrom,
    KeyRequestFloor,
    KeyNextSpeaker,
    FloorRequested,
    FloorWithdrawn,
    FloorTo,
    NobodyWaiting,
    SpeakersList,
    Waiting,
    Spoke,
    SpeakingTime,
    CountConflict,
    EarlierPositions,
    KeyPosition,
    KeyStatement,
    KeyInput,
    KeyOpenVote,
    KeyCastVote,
    NoPartyForStatement,
    FieldStance,
    FieldReason,
    FieldQuestion,
    FieldMethod,
    FieldRule,
    FieldBallot,
    NewVote,
    Vote,
    NoOpenVote,
    QuestionRequired,
    CountsFormat,
    IdentityTitle,
    DataFolder,
    Wrote,
    Warning,
    ReadOnly,
    NoMeetingOpen,
    MeetingLocked,
    QuitUnsaved,
    ConfirmDeleteItem,
    ConfirmDropAction,
    CannotDeleteHere,
    StartMeetingFirst,
    SelectAnItem,
    SelectAnAction,
    SelectAnArea,
    DiscardChanges,
    UnknownFormat,
    LanguageSet,
    UnknownLanguage,
    SavedAutomatically,
    UnknownCommand,
    CommandHint,
    ConfirmClose,
    StatusNow,
    CannotChangeStatus,
    NoSearchYet,
    NotFound,
    FieldName,
    FieldParty,
    FieldRole,
    NewPerson,
    FieldTitle,
    FieldSentOn,
    FieldReference,
    NewDocument,
    ConfirmDeleteDocument,
    FieldPlannedMinutes,
    FieldDemandedOn,
    EditItem,
    NewItem,
    FieldDue,
    EditAction,
    NewAction,
    GoalArea,
    EditArea,
    NewArea,
    FieldStatusNote,
    AreaStatus,
    DefaultMeetingTitle,
    FieldTime,
    EditMeeting,
    NewMeeting,
    TitleRequired,
    MinutesMustBeNumber,
    NameRequired,
    TimeFormat,
    StandingAgenda,
    StandingMinutes,
    StandingActions,
    StandingAob,
    KeyDown,
    KeyUp,
    KeyTop,
    KeyBottom,
    KeyPageUp,
    KeyPageDown,
    KeyNextPane,
    KeyPrevPane,
    KeyOpen,
    KeyAdd,
    KeyEdit,
    KeyDelete,
    KeyMoveUp,
    KeyMoveDown,
    KeySetCurrent,
    KeyNotes,
    KeyConclusion,
    KeyAgreement,
    KeyConfidential,
    KeyActionFromItem,
    KeyStatus,
    KeyAttendance,
    KeyDocuments,
    KeyMeetings,
    KeySearch,
    KeySearchNext,
    KeySearchPrev,
    KeyCommand,
    KeyHelp,
    KeyQuit,
    KeyForceQuit,
    KeyCancel,
    KeySave,
    KeyCancelEdit,
    KeyNextField,
    KeyPrevField,
    KeyRun,
    KeyFind,
    KeyYes,
    KeyNo,
    KeyChoose,
    KeyClose,
    PaneAgenda,
    PaneAreas,
    PaneActions,
    PaneDetail,
    ModeNormal,
    ModeEdit,
    ModeForm,
    ModeCommand,
    ModeSearch,
    ModeConfirm,
    ModeList,
    ModeHelp,
    Saving,
    SavedAt,
    NothingSaved,
    SaveFailed,
    TooSmall,
    Elapsed,
    CurrentItemMark,
    You,
    NoItems,
    NoActionsPane,
    NoMeetingsPane,
    Linked,
    History,
    ItemsAcrossMeetings,
    HelpTitle,
    Commands,
    MeetingClock,
    Opened,
    NotStarted,
    HelpIntro,
    ExportedTo,
    ExportFailed,
    AttendanceTitle,
    DocumentsTitle,
    MeetingsTitle,
    NotRecorded,
    NoDocuments,
    Confirm,
    Writers,
    // archive
    WaitingFor,
    Hits,
    HitsTitle,
    EarlierSeeThread,
    PaneMeetings,
    SearchIndexBuilding,
    ThreadOfParty,
    ThreadOfArea,
    NotInAMeeting,
    FilterStatus,
    FilterParty,
    FilterStance,
    FilterArea,
    FilterSince,
    FilterUntil,
    FilterTitle,
    FilterAny,
    MeetingsMatch,
    KeyArchive,
    KeyThread,
    KeyOpenReadOnly,
    KeySearchAll,
    KeyFilter,
    KeyClearFilter,
    KeyBackToMeeting,
    KeyBack,
    ViewOnly,
    EditingAgain,
    CirculateNeedsClosed,
    CirculatedUntil,
    ApproveNeedsParty,
    RoundNotOpen,
    HashDiffers,
    ApprovedFor,
    ChangesNeedText,
    ChangesRequested,
    ArchiveTitle,
    ArchiveMeetings,
    ArchiveEmpty,
    NoHits,
    ReadOnlyView,
    Approval,
    Deadline,
    ChangesAskedBy,
    ApprovedOn,
    Filtered,
    Indexing,
    // typed input
    DateFormat,
    DateYear,
    DateNoMonth,
    DateNoDay,
    UnknownParty,
    UnknownArea,
    // verify
    VerifyNoLogsHere,
    VerifyTheForum,
    VerifyLogsIntact,
    VerifyOneFile,
    VerifyFiles,
    VerifyOneEntry,
    VerifyEntries,
    VerifyIntact,
    VerifyChanged,
    VerifyNotApproved,
    VerifyNote,
    VerifySummary,
    VerifyForumLogsChanged,
    VerifyRound,
    VerifyOneParty,
    VerifyParties,
    VerifyStatus,
    VerifyNoMeeting,
    VerifyWaitingFor,
    VerifyLogLine,
    VerifyLogEntry,
    VerifyNotAnEntry,
    VerifyStartsMidChain,
    VerifyNextDisagrees,
    VerifySeqNotIncreasing,
    VerifyOtherWriter,
    VerifyUnreadable,
    VerifyFoldDiffers,
    VerifyMinutesDiffer,
    VerifyMinutesInvalid,
    VerifyMinutesApprovals,
    VerifyApprovalMissing,
    VerifyLogsMissing,
    VerifyEarlierChanged,
    VerifyApprovalHash,
    VerifyTornTail,
    VerifyNewerLine,
    VerifyBlankLine,
    VerifyMinutesStale,
    VerifyMinutesNewer,
    VerifyEarlierIntact,
    VerifyNoLogs,
    VerifyContentDiffers,
    VerifyListEntry,
    VerifyMeetingField,
    VerifyItemField,
    VerifyItemMissing,
    VerifyItemAdded,
    VerifyItemOrder,
    VerifyFieldTitle,
    VerifyFieldStartsAt,
    VerifyFieldPlace,
    VerifyFieldChair,
    VerifyFieldReferent,
    VerifyFieldAttendance,
    VerifyFieldDocuments,
    VerifyFieldOpenedAt,
    VerifyFieldClosedAt,
    VerifyFieldNumber,
    VerifyFieldKind,
    VerifyFieldRank,
    VerifyFieldPresenter,
    VerifyFieldPlannedMinutes,
    VerifyFieldStartedAt,
    VerifyFieldEndedAt,
    VerifyFieldDemandedOn,
    VerifyFieldAreas,
    VerifyFieldBackground,
    VerifyFieldNotes,
    VerifyFieldConclusion,
    VerifyFieldAgreement,
    VerifyFieldDissenters,
    VerifyFieldConfidential,
    VerifyFieldPositions,
    VerifyFieldVotes,
    VerifyFieldInputs,
    VerifyFieldStatements,
    VerifyFieldSpeakers,
    VerifyFieldPartyBudgetMinutes,
}

pub fn item_kind(lang: Lang, k: ItemKind) -> &'static str {
    use ItemKind::*;
    match (lang, k) {
        (Lang::Nb, Information) => "Informasjon",
        (Lang::Nb, Consultation) => "Drøfting",
        (Lang::Nb, Negotiation) => "Forhandling",
        (Lang::Nb, Other) => "Annet",
        (Lang::En, Information) => "Information",
        (Lang::En, Consultation) => "Consultation",
        (Lang::En, Negotiation) => "Negotiation",
        (Lang::En, Other) => "Other",
    }
}

pub fn meeting_status(lang: Lang, s: MeetingStatus) -> &'static str {
    use MeetingStatus::*;
    match (lang, s) {
        (Lang::Nb, Planned) => "Planlagt",
        (Lang::Nb, Open) => "Pågår",
        (Lang::Nb, Closed) => "Avsluttet",
        (Lang::Nb, Circulated) => "Til godkjenning",
        (Lang::Nb, Approved) => "Godkjent",
        (Lang::En, Planned) => "Planned",
        (Lang::En, Open) => "Open",
        (Lang::En, Closed) => "Closed",
        (Lang::En, Circulated) => "Circulated for approval",
        (Lang::En, Approved) => "Approved",
    }
}

pub fn stance(lang: Lang, s: Stance) -> &'static str {
    use Stance::*;
    match (lang, s) {
        (Lang::Nb, Agree) => "Enig",
        (Lang::Nb, Disagree) => "Uenig",
        (Lang::Nb, TakesNote) => "Tar til orientering",
        (Lang::Nb, Abstains) => "Avstår",
        (Lang::En, Agree) => "Agrees",
        (Lang::En, Disagree) => "Disagrees",
        (Lang::En, TakesNote) => "Takes note",
        (Lang::En, Abstains) => "Abstains",
    }
}

pub fn action_status(lang: Lang, s: ActionStatus) -> &'static str {
    use ActionStatus::*;
    match (lang, s) {
        (Lang::Nb, Proposed) => "Foreslått",
        (Lang::Nb, Open) => "Åpen",
        (Lang::Nb, InProgress) => "Pågår",
        (Lang::Nb, Done) => "Utført",
        (Lang::Nb, Dropped) => "Droppet",
        (Lang::En, Proposed) => "Proposed",
        (Lang::En, Open) => "Open",
        (Lang::En, InProgress) => "In progress",
        (Lang::En, Done) => "Done",
        (Lang::En, Dropped) => "Dropped",
    }
}

pub fn presence(lang: Lang, p: Presence) -> &'static str {
    use Presence::*;
    match (lang, p) {
        (Lang::Nb, Present) => "Til stede",
        (Lang::Nb, Absent) => "Forfall",
        (Lang::Nb, Substitute) => "Vara",
        (Lang::En, Present) => "Present",
        (Lang::En, Absent) => "Absent",
        (Lang::En, Substitute) => "Substitute",
    }
}

pub fn agreement(lang: Lang, a: Agreement) -> &'static str {
    match (lang, a) {
        (Lang::Nb, Agreement::Agreement) => "Enighet",
        (Lang::Nb, Agreement::Disagreement) => "Uenighet",
        (Lang::En, Agreement::Agreement) => "Agreement",
        (Lang::En, Agreement::Disagreement) => "Disagreement",
    }
}

pub fn dev_area_status(lang: Lang, s: DevAreaStatus) -> &'static str {
    use DevAreaStatus::*;
    match (lang, s) {
        (Lang::Nb, NotStarted) => "Ikke startet",
        (Lang::Nb, UnderWay) => "Underveis",
        (Lang::Nb, Achieved) => "Oppnådd",
        (Lang::En, NotStarted) => "Not started",
        (Lang::En, UnderWay) => "Under way",
        (Lang::En, Achieved) => "Achieved",
    }
}

pub fn side(lang: Lang, s: Side) -> &'static str {
    match (lang, s) {
        (Lang::Nb, Side::Employer) => "Arbeidsgiver",
        (Lang::Nb, Side::Union) => "Arbeidstakerorganisasjon",
        (Lang::Nb, Side::Safety) => "Vernetjenesten",
        (Lang::En, Side::Employer) => "Employer",
        (Lang::En, Side::Union) => "Union",
        (Lang::En, Side::Safety) => "Safety service",
    }
}

pub fn vote_rule(lang: Lang, r: VoteRule) -> &'static str {
    use VoteRule::*;
    match (lang, r) {
        (Lang::Nb, SimpleMajority) => "simpelt flertall",
        (Lang::Nb, TwoThirds) => "2/3 flertall",
        (Lang::Nb, Unanimity) => "enstemmighet",
        (Lang::Nb, Consensus) => "konsensus",
        (Lang::En, SimpleMajority) => "simple majority",
        (Lang::En, TwoThirds) => "two-thirds majority",
        (Lang::En, Unanimity) => "unanimity",
        (Lang::En, Consensus) => "consensus",
    }
}

pub fn vote_method(lang: Lang, m: VoteMethod) -> &'static str {
    use VoteMethod::*;
    match (lang, m) {
        (Lang::Nb, PerParty) => "én stemme per part",
        (Lang::Nb, PerPerson) => "én stemme per person",
        (Lang::Nb, Count) => "opptelling ført av møteleder",
        (Lang::En, PerParty) => "one vote per party",
        (Lang::En, PerPerson) => "one vote per person",
        (Lang::En, Count) => "count entered by the chair",
    }
}

/// Who owns an action, in words: a party's short name, a person's name, or "unassigned".
pub fn owner(lang: Lang, forum: &crate::model::Forum, owner: &crate::model::Owner) -> String {
    use crate::model::Owner;
    match owner {
        Owner::Party(p) => forum.party_short(p).to_string(),
        Owner::Person(p) => forum.person_name(p).to_string(),
        Owner::Nobody => lang.t(Msg::Nobody).to_string(),
    }
}

/// What kind of text a search hit is in.
pub fn search_field(lang: Lang, f: crate::store::archive::Field) -> &'static str {
    use crate::store::archive::Field::*;
    match (lang, f) {
        (Lang::Nb, MeetingTitle) => "møtetittel",
        (Lang::Nb, ItemTitle) => "sakstittel",
        (Lang::Nb, Background) => "bakgrunn",
        (Lang::Nb, Notes) => "referat",
        (Lang::Nb, Position) => "standpunkt",
        (Lang::Nb, Statement) => "protokolltilførsel",
        (Lang::Nb, Conclusion) => "konklusjon",
        (Lang::Nb, Input) => "innspill",
        (Lang::Nb, Vote) => "avstemning",
        (Lang::Nb, Action) => "tiltak",
        (Lang::En, MeetingTitle) => "meeting title",
        (Lang::En, ItemTitle) => "item title",
        (Lang::En, Background) => "background",
        (Lang::En, Notes) => "notes",
        (Lang::En, Position) => "position",
        (Lang::En, Statement) => "statement for the record",
        (Lang::En, Conclusion) => "conclusion",
        (Lang::En, Input) => "input",
        (Lang::En, Vote) => "vote",
        (Lang::En, Action) => "action item",
    }
}

/// Why an op was refused, for people.
pub fn reject_reason(lang: Lang, r: &crate::model::RejectReason) -> &'static str {
    use crate::model::RejectReason::*;
    match (lang, r) {
        (Lang::Nb, Locked) => "referatet er til godkjenning eller godkjent, og låst",
        (Lang::Nb, NotYourParty) => "bare partens egne kan skrive dette",
        (Lang::Nb, UnknownTarget) => "det som ble endret, finnes ikke (lenger)",
        (Lang::Nb, Duplicate) => "finnes fra før",
        (Lang::Nb, IllegalTransition) => "ikke en lovlig statusendring",
        (Lang::Nb, VoteClosed) => "avstemningen er lukket",
        (Lang::Nb, StaleHash) => "godkjenningen gjelder en annen versjon av referatet",
        (Lang::Nb, NotAnApprover) => {
            "partens godkjenning trengs ikke (eller ingen part skal godkjenne)"
        }
        (Lang::En, Locked) => "the minutes are out for approval or approved, and locked",
        (Lang::En, NotYourParty) => "only the party's own may write this",
        (Lang::En, UnknownTarget) => "what it changes does not exist (any more)",
        (Lang::En, Duplicate) => "exists already",
        (Lang::En, IllegalTransition) => "not a legal status change",
        (Lang::En, VoteClosed) => "the vote is closed",
        (Lang::En, StaleHash) => "the approval is of another version of the minutes",
        (Lang::En, NotAnApprover) => "the party's approval is not needed (or no party's is)",
    }
}

/// A meeting's status for a list: whom the approval waits for, and overdue rounds.
pub fn archive_status(
    lang: Lang,
    forum: &crate::model::Forum,
    m: &crate::store::archive::MeetingRow,
    today: chrono::NaiveDate,
) -> String {
    let mut s = meeting_status(lang, m.status).to_string();
    if m.status == MeetingStatus::Circulated {
        if !m.waiting_for.is_empty() {
            let names: Vec<&str> = m.waiting_for.iter().map(|p| forum.party_short(p)).collect();
            s.push_str(&format!(
                " ({} {})",
                lang.t(Msg::WaitingFor),
                names.join(", ")
            ));
        }
        if m.approval_deadline.is_some_and(|d| d < today) {
            s.push_str(&format!(" {}", lang.t(Msg::Overdue)));
        }
    }
    s
}

/// What is wrong with a typed date, in words.
pub fn date_error(lang: Lang, e: crate::model::DateError) -> String {
    use crate::model::DateError;
    match e {
        DateError::Format => lang.t(Msg::DateFormat).to_string(),
        DateError::Year => lang.t(Msg::DateYear).to_string(),
        DateError::Month(m) => lang.fill(Msg::DateNoMonth, &[&m]),
        DateError::Day(d, m) => lang.fill(Msg::DateNoDay, &[&d, &m]),
    }
}

/// What a lookup could not find, in words, with what there is instead.
pub fn lookup_error(lang: Lang, e: &crate::model::LookupError) -> String {
    use crate::model::LookupError;
    match e {
        LookupError::NoMeetings => lang.t(Msg::NoMeetings).to_string(),
        LookupError::UnknownMeeting(key) => format!(
            "{} {key:?}. {}",
            lang.t(Msg::UnknownMeeting),
            lang.t(Msg::ListHint)
        ),
        LookupError::SeveralMeetings { key, ids } => {
            format!(
                "{} ({key}): {}",
                lang.t(Msg::SeveralMeetings),
                ids.join(", ")
            )
        }
        LookupError::UnknownParty { key, known } => {
            lang.fill(Msg::UnknownParty, &[&format!("{key:?}"), &known.join(", ")])
        }
        LookupError::UnknownArea { key, known } => {
            lang.fill(Msg::UnknownArea, &[&format!("{key:?}"), &known.join("; ")])
        }
    }
}

const MONTHS_NB: [&str; 12] = [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date as people write it: "8. desember 2026" / "8 December 2026".
pub fn long_date(lang: Lang, d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let m = d.month0() as usize;
    match lang {
        Lang::Nb => format!("{}. {} {}", d.day(), MONTHS_NB[m], d.year()),
        Lang::En => format!("{} {} {}", d.day(), MONTHS_EN[m], d.year()),
    }
}

/// An RFC 3339 time as "8. desember 2026 kl. 10.00" / "8 December 2026, 10:00"; text that
/// is not a time is returned as it is.
pub fn long_datetime(lang: Lang, rfc3339: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(rfc3339) {
        Ok(t) => {
            let date = long_date(lang, t.date_naive());
            match lang {
                Lang::Nb => format!("{date} kl. {}", t.format("%H.%M")),
                Lang::En => format!("{date}, {}", t.format("%H:%M")),
            }
        }
        Err(_) => rfc3339.to_string(),
    }
}

/// A short time stamp: "08.12.2026 10.15" / "2026-12-08 10:15".
pub fn short_datetime(lang: Lang, rfc3339: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(rfc3339) {
        Ok(t) => match lang {
            Lang::Nb => t.format("%d.%m.%Y %H.%M").to_string(),
            Lang::En => t.format("%Y-%m-%d %H:%M").to_string(),
        },
        Err(_) => rfc3339.to_string(),
    }
}

pub fn short_date(lang: Lang, d: chrono::NaiveDate) -> String {
    match lang {
        Lang::Nb => d.format("%d.%m.%Y").to_string(),
        Lang::En => d.format("%Y-%m-%d").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_picks_norwegian_for_nb_nn_no() {
        assert_eq!(Lang::from_locale("nb_NO.UTF-8"), Lang::Nb);
        assert_eq!(Lang::from_locale("nn_NO"), Lang::Nb);
        assert_eq!(Lang::from_locale("no"), Lang::Nb);
        assert_eq!(Lang::from_locale("en_GB.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C"), Lang::En);
    }

    #[test]
    fn dates_read_as_people_write_them() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 12, 8).expect("date");
        assert_eq!(long_date(Lang::Nb, d), "8. desember 2026");
        assert_eq!(long_date(Lang::En, d), "8 December 2026");
        assert_eq!(
            long_datetime(Lang::Nb, "2026-12-08T10:00:00+01:00"),
            "8. desember 2026 kl. 10.00"
        );
        assert_eq!(long_datetime(Lang::En, "not a time"), "not a time");
    }
}

#[cfg(test)]
mod catalogue_tests {
    use super::*;

    #[test]
    fn both_catalogues_hold_every_message() {
        for m in Msg::ALL {
            assert!(!Lang::Nb.t(*m).trim().is_empty(), "nb lacks {m:?}");
            assert!(!Lang::En.t(*m).trim().is_empty(), "en lacks {m:?}");
        }
    }
}
