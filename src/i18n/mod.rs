//! Norwegian bokmål and English. Each catalogue is an exhaustive match over `Msg`, so the
//! compiler refuses a message that one of them lacks.

mod dates;
mod en;
mod errors;
mod label;
mod nb;

pub use dates::{long_date, long_datetime, short_date, short_datetime};
pub use errors::{config_warning, problem, store_error};
pub use label::Label;

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

    /// The words for a value of the domain, e.g. `lang.label(Stance::Agree)`.
    pub fn label(self, value: impl Label) -> &'static str {
        self.t(value.msg())
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
    // values of the domain's enums (see label.rs)
    KindInformation,
    KindConsultation,
    KindNegotiation,
    KindOther,
    MeetingPlanned,
    MeetingOpen,
    MeetingClosed,
    MeetingCirculated,
    MeetingApproved,
    StanceAgree,
    StanceDisagree,
    StanceTakesNote,
    StanceAbstains,
    ActionProposed,
    ActionOpen,
    ActionInProgress,
    ActionDone,
    ActionDropped,
    PresenceSubstitute,
    AgreementReached,
    AgreementNotReached,
    AreaNotStarted,
    AreaUnderWay,
    AreaAchieved,
    SideEmployer,
    SideUnion,
    SideSafety,
    RuleSimpleMajority,
    RuleTwoThirds,
    RuleUnanimity,
    RuleConsensus,
    MethodPerParty,
    MethodPerPerson,
    MethodCount,
    HitMeetingTitle,
    HitItemTitle,
    HitBackground,
    HitNotes,
    HitPosition,
    HitStatement,
    HitConclusion,
    HitInput,
    HitVote,
    HitAction,
    RefusedLocked,
    RefusedNotYourParty,
    RefusedUnknownTarget,
    RefusedDuplicate,
    RefusedIllegalTransition,
    RefusedVoteClosed,
    RefusedStaleHash,
    RefusedNotAnApprover,
    January,
    February,
    March,
    April,
    May,
    June,
    July,
    August,
    September,
    October,
    November,
    December,
    // typed input
    DateFormat,
    DateYear,
    DateNoMonth,
    DateNoDay,
    UnknownParty,
    UnknownArea,
    // commands
    KeyComplete,
    ArgTitle,
    ArgMeetingKey,
    ArgDeadline,
    ArgText,
    ArgParty,
    ArgArea,
    ArgFormat,
    ArgCounts,
    ArgMinutes,
    ArgLang,
    ArgTheme,
    CmdNew,
    CmdOpen,
    CmdStart,
    CmdClose,
    CmdReopen,
    CmdCirculate,
    CmdApprove,
    CmdChanges,
    CmdArchive,
    CmdParty,
    CmdArea,
    CmdEdit,
    CmdMeeting,
    CmdAttendance,
    CmdDocuments,
    CmdBackground,
    CmdExport,
    CmdCloseVote,
    CmdCount,
    CmdBudget,
    CmdWhoami,
    CmdLang,
    CmdTheme,
    CmdHelp,
    CmdWrite,
    CmdQuit,
    // errors
    ErrIo,
    ErrNotAFolder,
    ErrReadOnly,
    ErrTemplate,
    ErrBadId,
    ProblemTornTail,
    ProblemBadLine,
    ProblemNewerSchema,
    ProblemUnreadable,
    ProblemQuarantined,
    ProblemPermissions,
    ConfigInvalid,
    ConfigUnreadable,
    NoHomeFolder,
    CouldNotWrite,
    NothingToSearch,
    SearchIndexUnreadable,
    UnknownStance,
    UnknownStatus,
    DiskWriterStopped,
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

/// `i18n::stance(lang, s)` and its kin: the words for a value of the domain, as
/// `lang.label(s)` gives them.
macro_rules! label_functions {
    ($($(#[$doc:meta])* $name:ident($value:ty);)*) => {
        $(
            $(#[$doc])*
            pub fn $name(lang: Lang, value: $value) -> &'static str {
                lang.label(value)
            }
        )*
    };
}

label_functions! {
    item_kind(ItemKind);
    meeting_status(MeetingStatus);
    stance(Stance);
    action_status(ActionStatus);
    presence(Presence);
    agreement(Agreement);
    dev_area_status(DevAreaStatus);
    side(Side);
    vote_rule(VoteRule);
    vote_method(VoteMethod);
    /// What kind of text a search hit is in.
    search_field(crate::store::archive::Field);
    /// Why an op was refused, for people.
    reject_reason(&crate::model::RejectReason);
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
