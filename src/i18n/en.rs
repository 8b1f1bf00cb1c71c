//! Long: the whole catalogue is one exhaustive match, so that the compiler refuses a
//! message without its text; splitting it would only scatter the texts.

use super::Msg;

pub fn text(m: Msg) -> &'static str {
    use Msg::*;
    match m {
        Minutes => "Minutes",
        Protocol => "Protocol",
        // export
        ExportApprovalHeading => "Approval",
        ExportApprovedByParties => "Approved by the parties",
        ExportSignaturesHeading => "Signatures",
        ExportSignFor => "For",
        ExportNotCirculated => "Not yet circulated for approval.",
        ExportCirculatedAt => "Circulated for approval",
        ExportApprovalDeadline => "Deadline for approval",
        ExportDeadlinePassed => "the deadline has passed",
        ExportAwaitingApproval => "Awaiting approval from",
        ExportApprovedAt => "Approved",
        ExportContentHash => "SHA-256 of the content",
        ExportEarlierVersions => "Earlier approved versions",
        ExportApprovalParty => "Party",
        ExportApprovalAnswer => "Answer",
        ExportAnswerGivenBy => "Given by",
        ExportApprovedBy => "Approved by",
        ExportAnswerTime => "Time",
        ExportVerdictApprove => "Approved",
        ExportVerdictChanges => "Changes requested",
        ExportStatementBy => "By",
        ExportStatementOnItem => "on item",
        ExportItemLeftOut => {
            "item exempt from public disclosure: what was recorded on it is left out"
        }
        ExportItemsLeftOut => {
            "items exempt from public disclosure: what was recorded on them is left out"
        }
        ExportCsvId => "ID",
        ExportCsvTitle => "Title",
        ExportCsvOwner => "Owner",
        ExportCsvDue => "Due",
        ExportCsvStatus => "Status",
        ExportCsvOverdue => "Overdue",
        ExportCsvMeetingDate => "Meeting date",
        ExportCsvItem => "Item",
        ExportCsvDevAreas => "Development areas",
        ExportCsvProposedBy => "Proposed by",
        ExportCsvCarriedOver => "Carried over from an earlier meeting",
        ExportCsvYes => "yes",
        ExportCsvNo => "no",
        Date => "Date",
        Place => "Place",
        Status => "Status",
        Chair => "Chair",
        Referent => "Minute-taker",
        Present => "Present",
        Absent => "Absent",
        Substitutes => "Substitutes",
        SubstituteFor => "for",
        DocumentsSent => "Documents sent before the meeting",
        Agenda => "Agenda",
        Item => "Item",
        Kind => "Kind",
        Presenter => "Presenter",
        PlannedMinutes => "Planned time",
        DevAreas => "Development areas",
        Background => "Background",
        Inputs => "Inputs",
        Source => "source",
        Notes => "Notes",
        Positions => "Positions",
        NoPositionYet => "No position given yet",
        OnBehalf => "recorded by the chair on the party's behalf",
        Votes => "Votes",
        Conclusion => "Conclusion",
        Disagreeing => "Disagreeing",
        Statements => "Statements for the record",
        Actions => "Action items",
        CarriedOver => "carried over from an earlier meeting",
        Owner => "Owner",
        Due => "Due",
        FromItem => "from item",
        ProposedBy => "proposed by",
        Overdue => "OVERDUE",
        Nobody => "unassigned",
        Confidential => "Exempt from public disclosure",
        ExemptShort => "Exempt",
        ExemptUnder => "Exempt from public disclosure under {0}",
        ExemptTitled => "{0} (exempt from public disclosure under {1})",
        ExemptTitledNoBasis => "{0} (exempt from public disclosure)",
        Hjemmel => "Exempt under (hjemmel)",
        HjemmelNone => "none: public",
        PublicTitle => "Public title (optional)",
        PublicVersion => "In public",
        ExemptionFormTitle => "Exempt from public disclosure",
        ExemptionLifted => "Item no longer exempt from public disclosure",
        RefusedChanges => "Refused changes",
        RecordedBy => "recorded by",
        Minute => "min",
        NotSet => "not set",
        VoteAdopted => "Adopted",
        VoteNotAdopted => "Not adopted",
        VoteViewOnly => "Views recorded (a vote does not settle a negotiation)",
        VoteTie => "tied",
        VoteWinner => "Most votes",
        VoteCastOf => "{0} votes cast of {1}",
        VoteCastOneOf => "{0} vote cast of {1}",
        VotedAlready => "Voted",
        VoteWaitingFor => "Not yet voted",
        CountReplacesBallots => "{0} voted here already: :count is for counts by hand only",
        VoteBlank => "blank",
        VoteOpen => "voting is open",
        VoteFor => "For",
        VoteAgainst => "Against",
        VoteAbstain => "Abstain",
        NoMeetings => "No meetings yet.",
        ColDate => "Date",
        ColTitle => "Title",
        ColStatus => "Status",
        ColItems => "Items",
        ColOpenActions => "Open actions",
        ColAction => "Action",
        ColMeeting => "Meeting",
        NoActions => "No action items.",
        UnknownMeeting => "No meeting matches",
        SeveralMeetings => "Several meetings match; use the meeting's id",
        ListHint => "`samrad list` shows the meetings.",
        DataFolder => "Data folder (the minutes are in minutes/)",
        KeyPosition => "Position",
        KeyStatement => "Statement for the record",
        KeyInput => "Input",
        KeyOpenVote => "Open a vote",
        KeyCastVote => "Vote",
        NoPartyForStatement => "You are not linked to a party. Say who you are with :whoami",
        FieldStance => "Position",
        FieldReason => "Reason",
        FieldQuestion => "Question",
        FieldMethod => "Method",
        FieldRule => "Rule",
        FieldBallot => "Ballot",
        NewVote => "New vote",
        Vote => "Vote",
        NoOpenVote => "The item has no open vote.",
        QuestionRequired => "A question is needed.",
        CountsFormat => "Write the counts like this: :count 5 2 1 0 (for, against, abstain, blank)",
        IdentityTitle => "Who are you? (Enter chooses, a = new person)",
        EarlierPositions => "earlier positions",
        CountConflict => "CONFLICTING counts, to be settled with a new :count",
        KeyRequestFloor => "Ask for the floor / withdraw",
        KeyNextSpeaker => "Give the floor to the next",
        FloorRequested => "You are on the speakers list of item {0}.",
        FloorWithdrawn => "You are off the speakers list of item {0}.",
        FloorTo => "The floor to",
        NobodyWaiting => "Nobody is on the speakers list of item {0}.",
        SpeakersList => "Speakers list",
        Waiting => "waiting",
        Spoke => "spoke",
        SpeakingTime => "Speaking time per party",
        ChangesFrom => "change(s) from",
        Wrote => "Wrote",
        Noark5NoAttendance => "No attendance recorded",
        Noark5NoHjemmel => "legal basis not given",
        Noark5ArchiveTitle => "Meetings of {0}",
        Noark5PartDay => "The meeting of {0}",
        Noark5PartPeriod => "Meetings {0}–{1}",
        Noark5PartAll => "All meetings",
        Noark5Doubts => "The logs fail their checks ({0} findings, see samrad verify): {1}",
        Noark5NotApproved => "The minutes were not approved when archived (status: {0}).",
        Noark5ProtocolOpen => "The protokoll was not signed by every party when archived: {0}.",
        Noark5NeedsDir => "noark5 writes a folder: name it with -o DIR",
        Noark5NotOurs => "{0} holds other files and is no samrad noark5 export; nothing written",
        Noark5Wrote => "Wrote {2} (meetings: {0}, documents: {1})",
        Noark5AllOnly => "--all writes the archive's folder: use --format noark5",
        Noark5WholeMeeting => {
            "noark5 takes the whole meeting: drop --innkalling, --protokoll, --signatures"
        }
        Noark5NoMeetings => "no meetings in that period; nothing written",
        Noark5Marked => "{0} fails its checks; exported with a merknad saying so",
        Noark5NotAFolder => "{0} is not a folder",
        Warning => "Warning",
        ReadOnly => "Read-only",
        NoMeetingOpen => "No meeting is selected. Press m for meetings, or :new for a new one.",
        MeetingLocked => {
            "The minutes are out for approval or approved, and locked. :reopen to change them; then a new round with :circulate."
        }
        QuitUnsaved => "Something is not yet saved to disk. Quit anyway once it is saved?",
        ConfirmDeleteItem => "Delete item",
        ConfirmDropAction => "Drop the action",
        CannotDeleteHere => {
            "Nothing can be deleted here. Development areas are kept; set their status instead (s)."
        }
        StartMeetingFirst => "The meeting has not started. Start it with :start",
        SelectAnItem => "Select an item first.",
        SelectAnAction => "Select an action first (Tab to Actions).",
        SelectAnArea => "Select a development area first.",
        DiscardChanges => "Discard the changes to the text?",
        DraftOfferTitle => "Unsaved text",
        DraftOffer => "You have unsaved text from {0} in {1}",
        DraftMore => "{0} more after this one.",
        DraftDiscarded => "The unsaved text was discarded.",
        DraftLater => "Kept: the text is offered again at the next start.",
        DraftOrphanTitle => "Copy this unsaved text, its place is gone: {0}",
        DraftNowhere => "This text has no place to be saved now: copy it, then close with Esc.",
        DraftUnreadable => "Unsaved text could not be read: {0}",
        DraftsOfOthers => "Unsaved text by others ({0}) is kept in local/drafts for them.",
        DraftNotKept => "Unsaved text cannot be kept: {0}",
        DraftKeptAfterFailure => "Not saved: the text is kept and offered at the next start.",
        UnknownFormat => "Unknown format",
        LanguageSet => "Language: English",
        UnknownLanguage => "Unknown language",
        SavedAutomatically => "Everything is saved as you go; there is nothing to save.",
        UnknownCommand => "Unknown command",
        CommandHint => "Press ? for help and commands.",
        ConfirmClose => {
            "Close the meeting? The minutes can still be changed until they are circulated."
        }
        StatusNow => "Status",
        CannotChangeStatus => "Cannot change status:",
        NoSearchYet => "Search first with /",
        NotFound => "Not found:",
        FieldName => "Name",
        FieldParty => "Party",
        FieldRole => "Role",
        NewPerson => "New person",
        FieldTitle => "Title",
        FieldSentOn => "Sent on (date)",
        FieldReference => "Reference",
        NewDocument => "New document",
        ConfirmDeleteDocument => "Remove the document",
        FieldPlannedMinutes => "Planned time (min)",
        FieldDemandedOn => "Demanded on (HA § 20)",
        EditItem => "Edit item",
        NewItem => "New item",
        FieldDue => "Due (dd.mm.yyyy)",
        EditAction => "Edit action",
        NewAction => "New action",
        GoalArea => "Goal area",
        EditArea => "Edit development area",
        NewArea => "New development area",
        FieldStatusNote => "Note",
        AreaStatus => "Development area status",
        DefaultMeetingTitle => "Contact group meeting",
        FieldTime => "Time (hh:mm)",
        EditMeeting => "Edit meeting",
        NewMeeting => "New meeting",
        TitleRequired => "A title is needed.",
        MinutesMustBeNumber => "Planned time must be a whole number of minutes.",
        NameRequired => "A name is needed.",
        TimeFormat => "Write the time as hh:mm, e.g. 10:00",
        StandingAgenda => "Approval of the notice and agenda",
        StandingMinutes => "Approval of the minutes of the last meeting",
        StandingActions => "Follow-up of the action list",
        StandingAob => "Any other business",
        KeyDown => "Down",
        KeyUp => "Up",
        KeyTop => "First",
        KeyBottom => "Last",
        KeyPageUp => "Page up",
        KeyPageDown => "Page down",
        KeyNextPane => "Next pane",
        KeyPrevPane => "Previous pane",
        KeyOpen => "Show details",
        KeyAdd => "Add",
        KeyEdit => "Edit",
        KeyDelete => "Delete",
        KeyMoveUp => "Move item up",
        KeyMoveDown => "Move item down",
        KeySetCurrent => "Current item",
        KeyNotes => "Notes",
        KeyConclusion => "Conclusion",
        KeyAgreement => "Agreement/disagreement",
        KeyConfidential => "Exempt from public disclosure (hjemmel)",
        KeyActionFromItem => "Action from item",
        KeyStatus => "Change status",
        KeyAttendance => "Attendance",
        KeyDocuments => "Documents",
        KeyMeetings => "Meetings",
        KeySearch => "Search",
        KeySearchNext => "Next match",
        KeySearchPrev => "Previous match",
        KeyCommand => "Command",
        KeyHelp => "Help",
        KeyQuit => "Quit",
        KeyForceQuit => "Quit now",
        KeyCancel => "Cancel",
        KeySave => "Save",
        Notice => "Notice of meeting",
        SubmitDaysFormat => "Give a number of days, e.g. :submitdays 14.",
        NoticeFormats => "the innkalling is written as md, html, text, pdf or ics",
        NoticeAgenda => "Agenda",
        NoticeDocuments => "Documents (and when they are sent)",
        SubmissionDeadline => "Items for the agenda due",
        NotSentYet => "not sent yet",
        CmdNotice => {
            "write the meeting's notice (innkalling) to exports/: a PDF and its calendar invite (.ics), or md, html, text"
        }
        CmdSubmitDays => {
            "days before a meeting the parties' items for its agenda are due (default 14)"
        }
        SubmitDaysNow => "Items for the agenda are due {0} days before a meeting",
        FieldKeysText => "Type; Ctrl-U clears the field",
        FieldKeysChoice => "←/→ or Space: the next choice",
        FieldKeysMulti => "←/→ moves, Space ticks or unticks",
        DueInThePast => "Saved; note that the due date {0} has passed",
        DeadlineInThePast => "The deadline {0} has passed: give a later one",
        NoConclusionOn => "No conclusion on item {0}",
        HelpHere => "Here",
        AsUnknown => {
            "{0} is none of the forum's people, so you write as a guest with no party (people: {1})"
        }
        IdentityForSession => "for this session (--as); your settings are unchanged",
        ChooseWhoYouAre => "You have not said who you are: read only (:whoami to choose)",
        KeyUndo => "Undo your last change",
        Undone => "Your last change is undone (both stand in the history)",
        UndoneOnItem => "Your last change on item {0} is undone (both stand in the history)",
        UndoNothing => "Nothing of yours to undo since samrad started",
        UndoCannot => "Your last change cannot be undone with u: change it back by hand",
        CmdWithdraw => "take your party's position on the selected item back",
        PositionWithdrawn => "Your party's position on item {0} is taken back",
        NoPositionToWithdraw => "Your party has no position on this item to take back",
        KeyExemptPassage => "Exempt passage",
        PassageInserted => "Exempt passage under {0} (Ctrl-T again: next hjemmel)",
        NoHjemler => "The forum has no hjemmel on its list (:hjemmel adds one)",
        KeyCancelEdit => "Close (asks about changes)",
        KeyRestoreDraft => "Restore",
        KeyDraftLater => "Later (next start)",
        KeyDiscardDraft => "Discard for good",
        KeyNextField => "Next field",
        KeyPrevField => "Previous field",
        KeyRun => "Run",
        KeyFind => "Find",
        KeyYes => "Yes",
        KeyNoDefault => "No (any other key too)",
        KeyChoose => "Choose",
        KeyClose => "Close",
        PaneAgenda => "Agenda",
        PaneAreas => "Development areas",
        PaneActions => "Action items",
        PaneDetail => "Details",
        ModeNormal => "NORMAL",
        ModeEdit => "EDIT",
        ModeForm => "FORM",
        ModeCommand => "COMMAND",
        ModeSearch => "SEARCH",
        ModeConfirm => "CONFIRM",
        ModeDraft => "DRAFT",
        ModeList => "LIST",
        ModeHelp => "HELP",
        Saving => "saving…",
        SavedAt => "saved",
        NothingSaved => "no changes",
        SaveFailed => "SAVE FAILED",
        ConflictStart => {
            "Conflict: two edits overlap. Both versions are kept until someone edits the text."
        }
        ConflictWrote => "wrote",
        ConflictOther => "the other version",
        ConflictEnd => "end of conflict",
        Renumbered => "Sak numbers taken on another machine, now",
        ConflictEditHint => {
            "conflict: keep what should stand, delete the <<<<<<< ======= >>>>>>> lines"
        }
        Conflict => "conflict",
        Conflicts => "conflicts",
        TooSmall => "The window is too small for samrad. Make it at least 60×16.",
        Elapsed => "elapsed",
        CurrentItemMark => "current",
        You => "You",
        NoItems => "No items yet. Press a to add one.",
        NoActionsPane => "No action items. Press a or t to add one.",
        NoMeetingsPane => "No meetings. Type :new to create one.",
        Linked => "Linked to",
        History => "History",
        ItemsAcrossMeetings => "Items (all meetings)",
        HelpTitle => "Help: keys and commands",
        Commands => "Commands (type : first)",
        MeetingClock => "Meeting",
        Opened => "started",
        NotStarted => "not started",
        HelpIntro => {
            "samrad saves every change at once. Tab changes pane; Enter shows details; Esc closes."
        }
        ExportedTo => "Exported: {0} in {1}",
        ExportFailed => "Export failed",
        AttendanceTitle => "Attendance (Enter cycles: present → absent → substitute)",
        DocumentsTitle => "Documents sent before the meeting",
        MeetingsTitle => "Meetings (newest first)",
        NotRecorded => "not recorded",
        NoDocuments => "No documents. Press a to add one.",
        Confirm => "Confirm",
        Writers => "Also writing",
        WaitingFor => "waiting for",
        Hits => "hits",
        HitsTitle => "Hits",
        EarlierSeeThread => "earlier – T shows the whole thread",
        PaneMeetings => "Meetings",
        SearchIndexBuilding => "Building the search index – the search runs when it is ready",
        LoadingArchive => "Loading the archive …",
        ThreadOfParty => "Positions and statements for the record by",
        ThreadOfArea => "Everything on development area",
        NotInAMeeting => "This hit does not belong to a meeting",
        FilterStatus => "Status",
        FilterParty => "Party",
        FilterStance => "Position",
        FilterArea => "Development area",
        FilterSince => "From date",
        FilterUntil => "To date",
        FilterTitle => "Archive filter (←/→ choose, Enter applies)",
        FilterAny => "(any)",
        MeetingsMatch => "Meetings matching the filter",
        KeyArchive => "Archive",
        KeyThread => "Thread over time",
        KeyOpenReadOnly => "Open (read-only)",
        KeySearchAll => "Search everything",
        KeyFilter => "Filter",
        KeyClearFilter => "Clear filter",
        KeyBackToMeeting => "Back to the meeting",
        KeyBack => "Back",
        ViewOnly => "The meeting was opened from the archive to read. :edit to change it.",
        EditingAgain => "The meeting can be changed again",
        CirculateNeedsClosed => "Only closed (or approved) minutes can be circulated for approval",
        CirculatedUntil => "Circulated for approval, deadline",
        ApproveNeedsParty => "You must belong to a party to approve (:whoami)",
        RoundNotOpen => "The minutes are not circulated for approval",
        HashDiffers => {
            "The minutes you see are not those circulated – wait until everything is synced"
        }
        ApprovedFor => "Approved for",
        SignNeedsParty => "You must belong to a party to sign (:whoami)",
        SignNotForObservers => "An observer does not sign the protokoll",
        SignNeedsNegotiation => "Select a forhandling item to sign its protokoll",
        SignNotASignatory => "Your party is not among the parties to this protokoll",
        SignedByAll => "Signed: every party has signed the protokoll",
        SignedMissing => "Signed; {0} more to sign before the negotiation ends",
        CmdSign => "sign the selected forhandling item's protokoll for your party",
        ProtocolHeading => "Protokoll",
        ProtocolSigned => "Signed by",
        ProtocolMissing => "Not yet signed by",
        ProtocolStale => "Signed earlier content (must sign again)",
        ProtocolSignedByAll => "signed by every party",
        ProtocolInOwnDocument => "The negotiation is recorded in its own protokoll",
        NoSuchProtocol => "no forhandling item {0} to write a protokoll of (CSV has none)",
        ProtocolDemandsOffers => "Demands (krav) and offers (tilbud)",
        Further => "Further handling (videre behandling)",
        CmdFurther => "write what happens next with the selected item (videre behandling)",
        CmdProtocol => {
            "export the selected forhandling item's protokoll (md, html, pdf, json, text)"
        }
        ObserverMark => "observer",
        FurtherMissing => "Uenighet: write what happens next (:further)",
        DisputePath => "Dispute: the dispute procedure of HA § 11 (partssammensatt nemnd)",
        DisputePathDepartement => {
            "Dispute: HA § 11; the case cannot go to the partssammensatt nemnd, as the virksomhet is a departement"
        }
        ChangesNeedText => "Say what should change: :changes TEXT",
        ChangesRequested => "Changes requested – the chair will see it",
        ArchiveTitle => "Archive",
        ArchiveMeetings => "meetings",
        ArchiveEmpty => "No meetings match the filter. F clears it.",
        NoHits => "No hits. Esc goes back to the meetings.",
        ReadOnlyView => "read-only",
        Approval => "Approval",
        Deadline => "deadline",
        ChangesAskedBy => "asks for changes",
        ApprovedOn => "approved",
        Filtered => "filter",
        Indexing => "building the search index …",
        // values of the domain's enums
        KindInformation => "Information",
        KindConsultation => "Consultation",
        KindNegotiation => "Negotiation",
        KindOther => "Other",
        MeetingPlanned => "Planned",
        MeetingOpen => "Open",
        MeetingClosed => "Closed",
        MeetingCirculated => "Circulated for approval",
        MeetingApproved => "Approved",
        StanceAgree => "Agrees",
        StanceDisagree => "Disagrees",
        StanceTakesNote => "Takes note",
        StanceAbstains => "Abstains",
        StanceDemand => "Demand (krav)",
        StanceOffer => "Offer (tilbud)",
        StanceRemark => "Question or remark",
        StanceView => "View",
        ActionProposed => "Proposed",
        ActionOpen => "Open",
        ActionInProgress => "In progress",
        ActionDone => "Done",
        ActionDropped => "Dropped",
        PresenceSubstitute => "Substitute",
        AgreementReached => "Agreement",
        AgreementNotReached => "Disagreement",
        AreaNotStarted => "Not started",
        AreaUnderWay => "Under way",
        AreaAchieved => "Achieved",
        SideEmployer => "Employer",
        SideUnion => "Union",
        SideSafety => "Safety service",
        RuleSimpleMajority => "simple majority",
        RuleTwoThirds => "two-thirds majority",
        RuleUnanimity => "unanimity",
        RuleConsensus => "consensus",
        MethodPerParty => "one vote per party",
        MethodPerPerson => "one vote per person",
        MethodCount => "count entered by the chair",
        HitMeetingTitle => "meeting title",
        HitItemTitle => "item title",
        HitBackground => "background",
        HitNotes => "notes",
        HitPosition => "position",
        HitStatement => "statement for the record",
        HitConclusion => "conclusion",
        HitInput => "input",
        HitVote => "vote",
        HitAction => "action item",
        RefusedLocked => "the minutes are out for approval or approved, and locked",
        RefusedNotYourParty => "only the party's own may write this",
        RefusedUnknownTarget => "what it changes does not exist (any more)",
        RefusedDuplicate => "exists already",
        RefusedIllegalTransition => "not a legal status change",
        RefusedVoteClosed => "the vote is closed",
        RefusedStaleHash => "the approval is of another version of the minutes",
        RefusedNotAnApprover => "the party's approval is not needed (or no party's is)",
        RefusedNotYourRole => {
            "your role does not allow this (the chair and the minute-taker run the meeting; a party writes only for itself)"
        }
        RefusedReadOnlyRole => "you can read, not write",
        RefusedNotSigned => {
            "not signed (or the signature does not hold), and the forum requires it"
        }
        RefusedKeyNotAdmitted => "signed with a key the chair has not admitted to the forum",
        RefusedNotTheSigner => "signed with the key of someone else than the stated author",
        RefusedBadId => "an id that cannot name a file (letters, digits, '-', '_' and '.' only)",
        RefusedStanceDoesNotFit => "a position that does not fit the kind of item",
        RefusedNotASignatory => "a signature from no party, or on other protokoll content",
        RefusedProtocolSigned => "a change to a protokoll every party has signed",
        HitExemptPassage => "passage exempt from public disclosure",
        ProtocolFinal => "Every party has signed this protokoll: it can no longer be changed",
        OwnChangeRefused => "Refused: {0}",
        SignaturesNoneProtocol => {
            "no signature on this protokoll as it stands is sealed with a key"
        }
        ProtocolScopeUsage => {
            "Say :protocolper item (a protokoll each) or :protocolper meeting (one)"
        }
        ProtocolScopeSettled => "Someone has signed: how the protokolls are cut is settled",
        ProtocolPerItem => "A protokoll for each forhandling item",
        ProtocolPerMeeting => "One protokoll of every forhandling item in this meeting",
        ArgProtocolScope => "item|meeting",
        CmdProtocolScope => "a protokoll per forhandling item, or one for the meeting (chair)",
        January => "January",
        February => "February",
        March => "March",
        April => "April",
        May => "May",
        June => "June",
        July => "July",
        August => "August",
        September => "September",
        October => "October",
        November => "November",
        December => "December",
        DateFormat => "Write the date as dd.mm.yyyy or yyyy-mm-dd",
        DateYear => "The year needs four digits",
        DateNoMonth => "There is no month {0}",
        DateNoDay => "Month {1} has no day {0}",
        UnknownParty => "unknown party {0}; the forum's parties are {1}",
        UnknownArea => "unknown development area {0}; the areas are: {1}",
        KeyComplete => "Complete the command",
        ArgTitle => "[title]",
        ArgMeetingKey => "[id|date|latest]",
        ArgDeadline => "[deadline]",
        ArgText => "TEXT",
        ArgParty => "PARTY",
        ArgHjemmel => "SHORT | description",
        ArgPartyName => "SHORT | name | hovedsammenslutning",
        CmdPartyName => "a party's full name and hovedsammenslutning (after a reorganisation)",
        PartyNameUsage => ":partyname NTL | Norsk Tjenestemannslag | LO Stat (- for none)",
        PartyNamed => "{0} is now {1} ({2})",
        ArgArea => "AREA",
        ArgFormat => "md|html|csv|json|text",
        ArgCounts => "FOR AGAINST ABSTAIN BLANK",
        ArgMinutes => "MINUTES",
        ArgLang => "nb|en",
        ArgTheme => "default|contrast|none",
        CmdNew => "new meeting from the template (standing items, open actions carried over)",
        CmdOpen => "switch meeting (no argument: a list)",
        CmdStart => "start the meeting (status Open)",
        CmdClose => "close the meeting",
        CmdReopen => {
            "reopen a closed meeting; circulated or approved minutes back to closed for changes"
        }
        CmdCirculate => {
            "circulate the referat for approval; deadline in 14 days (samrad's default) unless given"
        }
        CmdApprove => "approve the minutes for your party",
        CmdChanges => "ask for changes to the minutes for your party",
        CmdArchive => "the archive: every meeting, filters and search",
        CmdParty => "a party's positions and statements over time (e.g. :party NTL)",
        CmdArea => "a development area over time (number or name)",
        CmdEdit => "change a meeting opened from the archive to read",
        CmdMeeting => "edit title, time, place, chair, minute-taker",
        CmdAttendance => "attendance",
        CmdDocuments => "documents sent before the meeting",
        CmdBackground => "write the selected item's background",
        CmdExport => "export the minutes to exports/ (md, html, pdf, text, json, csv)",
        CmdCloseVote => "close the vote",
        CmdCount => "enter the counts (for, against, abstain, blank)",
        CmdBudget => "speaking time per party in minutes for the item",
        CmdWhoami => "say who you are (person and party)",
        CmdLang => "language",
        CmdTheme => "colour theme",
        CmdHelp => "this help",
        CmdWrite => "everything is saved at once; :w says so",
        CmdQuit => "quit samrad",
        ErrIo => "could not use {0}: {1}",
        ErrNotAFolder => "{0}: not a folder; give a folder with --data-dir or SAMRAD_DATA_DIR",
        ErrReadOnly => "the data folder is read-only: {0}",
        ErrTemplate => "the built-in template is broken: {0}",
        ErrBadId => "{0} cannot be a meeting id (letters, digits, '-', '_' and '.' only)",
        SyncNoGit => {
            "git is not installed, and samrad sync needs it: install git (apt install git) and run samrad sync again"
        }
        SyncNotSetUp => {
            "{0} is not a sync folder yet: run samrad sync init REMOTE (the address of a git repository)"
        }
        SyncNotEmpty => "{0} is not empty: join it to the remote with samrad sync init {1}",
        SyncUnreachable => {
            "could not reach {0} ({1}): check the network and the address; what you wrote is kept here and sent on the next sync"
        }
        SyncRejected => {
            "{0} took changes from someone else while ours were sent: run samrad sync again"
        }
        SyncForeign => {
            "the data folder has changes that are not samrad's ({0}): commit them with git or move them out of the folder, then sync again"
        }
        SyncGitFailed => "git {0} failed: {1}",
        SyncDone => "Synced with {0}: sent {1} new lines, received {2}.",
        SyncSetUp => "{0} now syncs with {1}.",
        SyncJoined => "This folder and {0} met for the first time; their histories are joined.",
        SyncSameWriter => {
            "{0} was written on two machines as the same writer; both kept, the other in {1}"
        }
        SyncBothChanged => "{0} was changed on both sides; yours kept, the other in {1}",
        SyncHeldBack => "{0} was changed, not only added to; not sent (git diff shows how)",
        SyncSkipped => "{0} from {1} is not a plain file; not written here",
        SyncStatusAt => "synced {0} with {1}",
        SyncStatusNever => "not synced yet with {0}",
        SyncStatusFailed => "sync with {0} failed",
        SyncFailed => "Sync with {0} failed: {1}",
        SyncWhyNoGit => "install git (apt install git)",
        SyncWhyUnreachable => "no network, or the remote cannot be reached",
        SyncWhyRejected => "someone sent at the same moment; trying again",
        SyncWhyNotSetUp => "run samrad sync init REMOTE",
        SyncWhyForeign => "files that are not samrad's changed; run samrad sync",
        SyncWhyOther => "run samrad sync to see why",
        ProblemTornTail => "{0}: the last line was cut off and is left out",
        ProblemBadLine => "{0}: not a valid entry, skipped ({1})",
        ProblemNewerSchema => {
            "{0}: written by a newer samrad (schema {1}); opened read-only, nothing will be changed"
        }
        ProblemUnreadable => "{0}: could not be read ({1}); left as it is",
        PackDone => "Meetings packed: {0} ({1} log files; {2} before, {3} after).",
        PackNothing => "Nothing to pack.",
        PackAlready => "Packed before: {0}.",
        PackRecent => {
            "Left as they are, held or written in within the last {1} days, or still to be held: {0}."
        }
        PackLive => "Left as they are, with a log a running samrad is writing: {0}.",
        PackUnsettled => {
            "{0}: {1} is in its folder; left unpacked. Look at it first (samrad verify {0})."
        }
        PackFailed => "{0}: could not be packed ({1}); its logs are as they were.",
        ProblemBadPack => {
            "{0}: a pack of logs that cannot be read ({1}); none of its lines are read, and the file is left as it is"
        }
        ProblemQuarantined => "{0}: could not be read; kept as {1} and written anew from the logs",
        ProblemPermissions => "{0}: permissions were {1}, set to {2}",
        ProblemNotAFile => "{0}: not a plain file (a pipe, a device or a link); not read",
        ProblemTooLarge => "{0}: {1} bytes, larger than any log; not read",
        ProblemLineTooLong => "{0}: a line of {1} bytes, longer than any entry; skipped",
        ProblemOtherWriter => "{0}: an entry of writer {1} in another writer's log; refused",
        ProblemWrongFolder => "{0}: an entry for {1} in another folder's log; refused",
        ProblemNotTheTemplate => {
            "{0}: an entry in the template's name that is not in samrad's template; refused"
        }
        ProblemBadSignature => "{0}: the signature does not hold; the entry counts as unsigned",
        ProblemClockAhead => {
            "{0}: stamped {1}, more than a day ahead of this machine's clock; left out until then"
        }
        ProblemHistoryCut => "{0}: entry {1} is gone from its log, but {2} had seen it",
        ProblemHistoryAltered => "{0}: entry {1} was changed after {2} had seen it",
        ProblemConflictCopy => {
            "{0}: a conflict copy of {1}; its {2} lines the log lacks are read as that writer's"
        }
        ProblemConflictCopyNothingNew => {
            "{0}: a conflict copy of {1}, holding nothing the log lacks; it can be removed"
        }
        ProblemFork => {
            "{0}: entry {1} is not line {2} of {3}: the writer's log forked; both are read"
        }
        ProblemRestored => {
            "{0} was changed by another program; {1} lines this machine wrote are put back"
        }
        ProblemRestoredKept => {
            "{0} was changed by another program; {1} lines this machine wrote are put back, and what was there is kept as {2}"
        }
        OwnLogRestored => "Another program changed your log; {0} lines restored (see :problems)",
        CannotWrite => "cannot write to {0} ({1}). Changes are not possible.",
        PermissionDenied => "permission denied",
        ReadOnlyFileSystem => "read-only file system",
        ProblemsOne => "⚠ 1 problem",
        ProblemsMany => "⚠ {0} problems",
        ProblemsTitle => "Problems",
        ProblemsIntro => {
            "Found at start and in the logs read (the forum's and the meeting's shown):"
        }
        ProblemsNone => "No problems found.",
        CmdProblems => "problems found in the logs: file, line, what",
        KeyProblems => "Problems found in the logs",
        ConfigInvalid => "{0}: not valid settings, ignored ({1})",
        ConfigUnreadable => "{0}: could not be read ({1})",
        NoHomeFolder => "could not find a home folder for the data; give one with --data-dir DIR",
        CouldNotWrite => "could not write {0}",
        NoDataFolder => {
            "{0} does not exist: `samrad init {1}` makes a data folder there, or give another with --data-dir"
        }
        NoSamradData => {
            "{0} holds no samrad data: `samrad init {1}` makes a data folder there, or give another with --data-dir"
        }
        InitHasData => "{0} already holds samrad data; nothing was changed",
        InitMade => {
            "Made a samrad data folder in {0}, with the forum template and its first meeting."
        }
        NoMeetingsMatch => "No meetings match the filter.",
        UnknownTheme => "Unknown theme {0}: use default, contrast or none",
        NothingToSearch => "nothing to search for in {0}: give a word",
        SearchIndexUnreadable => "could not read the search index in {0}",
        UnknownStance => {
            "unknown position {0}; use agree, disagree, noted, abstain, demand, offer, view"
        }
        UnknownStatus => "unknown status {0}; use planned, open, closed, circulated or approved",
        DiskWriterStopped => "the disk writer stopped",
        // verify
        VerifyNoLogsHere => {
            "{0}: no samrad logs here (there is no log/forum/); give the data folder with --data-dir"
        }
        VerifyTheForum => "The forum",
        VerifyLogsIntact => "logs intact ({0}, {1})",
        VerifyOneFile => "{0} file",
        VerifyFiles => "{0} files",
        VerifyOneEntry => "{0} entry",
        VerifyEntries => "{0} entries",
        VerifyIntact => "intact",
        VerifyChanged => "changed",
        VerifyNotApproved => "not approved",
        VerifyNote => "note",
        VerifySummary => "{0} intact, {1} changed, {2} not approved",
        VerifyForumLogsChanged => "; the forum's logs changed",
        VerifyForumChangesElsewhere => {
            "the forum's logs (its parties, people and actions, part of every meeting's record) show {0} change(s): `samrad verify --all` names them"
        }
        VerifyRound => "approved {0}, hash {1}",
        VerifyOneParty => "{0} party",
        VerifyParties => "{0} parties",
        VerifyStatus => "status {0}",
        VerifyNoMeeting => "no meeting in the logs",
        VerifyWaitingFor => "waiting for {0}",
        VerifyLogLine => "{0} line {1}{2}: {3}",
        VerifyLogEntry => " (entry {0})",
        VerifyNotAnEntry => "not a valid entry",
        VerifyStartsMidChain => {
            "the first line points to a line before it (lines removed from the start)"
        }
        VerifyNextDisagrees => "does not match the hash line {0} holds of it",
        VerifySeqNotIncreasing => "out of order (its number does not increase)",
        VerifyOtherWriter => "written by another writer than the file's",
        VerifyUnreadable => "{0}: could not be read ({1})",
        VerifyFoldDiffers => "{0}: {1} (hash now {2}, approved {3})",
        VerifyMinutesDiffer => "{0}: {1} (the file's hash {2}, should be {3})",
        VerifyMinutesInvalid => "{0}: not valid minutes ({1})",
        VerifyMinutesApprovals => "{0}: the approvals are not those in the logs",
        VerifyApprovalMissing => {
            "{0} says the minutes were approved (hash {1}), but the logs have no such approval"
        }
        VerifyLogsMissing => "{0} is missing, but {1} says the minutes were approved",
        VerifyEarlierChanged => {
            "{0}: the earlier approved version (approved {1}, hash {2}) no longer has its hash{3}"
        }
        VerifyApprovalHash => "{0}: the approval of {1} is for other content",
        DoubtsNote => "The record shows signs of tampering; do not take these minutes as approved:",
        SignaturesNotCirculated => {
            "the minutes were never sent round for approval: there are no approvals to write"
        }
        SignaturesChanged => {
            "the minutes now (hash {0}) are not what was sent round (hash {1}): samrad verify says where"
        }
        SignaturesNone => {
            "no approval of these minutes is signed (approvals made before keys were used are not)"
        }
        FailsChecksShort => "Fails checks ⚠",
        FailsChecks => "FAILS ITS CHECKS ({0} found; samrad verify names them)",
        VerifySeal => "{0}: {1}'s signature of the approved minutes does not hold for their key",
        VerifyProtocolSeal => {
            "{0}: {2}'s signature of the protokoll of item {1} does not hold for their key"
        }
        VerifyProtocol => "protokoll of item {0}: signed by {1} of {2} parties",
        VerifyRefused => "entry {0} in the name of {1} ({2}) refused: {3}: {4}",
        VerifyTornTail => {
            "{0} line {1}: the last line was never finished (a write cut off); it is left out and is not a change"
        }
        VerifyNewerLine => {
            "{0} line {1}: written by a newer samrad (schema {2}); its chain is checked, its content is not"
        }
        VerifyBlankLine => "{0} line {1}: an empty line, skipped",
        VerifyMinutesStale => {
            "{0} is older than the logs (status {1}); not compared, it is written anew when the meeting is opened"
        }
        VerifyMinutesNewer => "{0} was written by a newer samrad (schema {1}); not compared",
        VerifyEarlierIntact => {
            "earlier approved version (approved {0}, hash {1}) intact in the logs"
        }
        VerifyNoLogs => "no logs in {0}, only the minutes file {1}",
        VerifyContentDiffers => "the content is not the content that was approved",
        VerifyListEntry => " no. {0}",
        VerifyMeetingField => "the meeting's {0}",
        VerifyItemField => "item {0} {1}",
        VerifyItemMissing => "item {0} is missing",
        VerifyItemAdded => "item {0} was added",
        VerifyItemOrder => "the order of the items",
        VerifyFieldTitle => "title",
        VerifyFieldStartsAt => "time",
        VerifyFieldPlace => "place",
        VerifyFieldChair => "chair",
        VerifyFieldReferent => "minute-taker",
        VerifyFieldAttendance => "attendance",
        VerifyFieldDocuments => "documents",
        VerifyFieldOpenedAt => "opened",
        VerifyFieldClosedAt => "closed",
        VerifyFieldNumber => "number",
        VerifyFieldKind => "kind",
        VerifyFieldRank => "place on the agenda",
        VerifyFieldPresenter => "presenter",
        VerifyFieldPlannedMinutes => "planned time",
        VerifyFieldStartedAt => "start",
        VerifyFieldEndedAt => "end",
        VerifyFieldDemandedOn => "date demanded",
        VerifyFieldAreas => "development areas",
        VerifyFieldBackground => "background",
        VerifyFieldNotes => "notes",
        VerifyFieldConclusion => "conclusion",
        VerifyFieldAgreement => "agreement",
        VerifyFieldDissenters => "dissenters",
        VerifyFieldConfidential => "exempt from public disclosure",
        VerifyFieldPositions => "positions",
        VerifyFieldVotes => "votes",
        VerifyFieldInputs => "inputs",
        VerifyFieldStatements => "statements for the record",
        VerifyFieldSpeakers => "speakers list",
        VerifyFieldPartyBudgetMinutes => "speaking time per party",
        ColId => "id",
        KeyNone => "no key: what you write is not signed",
        KeyAdmittedFor => "your key {0} is admitted for {1}",
        KeyWaiting => "your key {0} waits for the chair",
        KeyNew => "your key {0}",
        KeyUnusable => "{0}; nothing you write is signed, and a secured forum will not count it",
        KeyIsSomeoneElse => "your key is admitted for {1}, so you write as {1}, not as {0}",
        NotFoundedUnsigned => {
            "This folder has changes from before keys; the forum stays open (unsecured)."
        }
        Founded => "The forum is secured with your key as chair. Admit others with :admit.",
        MayNotKeyWaiting => "Your key waits for the chair (:admit); until then you can only read.",
        MayNotWhoAreYou => {
            "Say who you are first, with :whoami: what you may do depends on your seat."
        }
        MayNotReviewer => "You are a reviewer here: you can read, not write.",
        MayNotChairOnly => "Only the chair or the minute-taker can do that.",
        MayNotPartyOnly => {
            "Only a party's representative can do that, and only for their own party."
        }
        AskedToJoin => "You asked to join: read your key's fingerprint (:whoami) to the chair.",
        NobodyAsked => "Nobody is waiting to be admitted.",
        Admitted => "Admitted",
        RequestsTitle => "Waiting to be admitted (Enter admits; compare the fingerprint first)",
        CmdAdmit => "admit keys that wait (the chair), or confirm a new key of your own",
        HjemmelOffList => "{0} is taken off the forum's list of hjemler",
        HjemmelOnList => "{0} is on the forum's list of hjemler",
        HjemmelUnknown => "No hjemmel {0} on the forum's list",
        HjemmelUsage => ":hjemmel offl. § 14 | description, or :hjemmel -offl. § 14 to take it off",
        CmdHjemmel => {
            "put a hjemmel for unntatt offentlighet on the forum's list; -SHORT takes it off"
        }
        Ha20StartBy => "Start by",
        Ha20TwoWeeks => "two weeks after the demand, HA § 20",
        Ha20Agreed => "a deadline the parties agreed",
        Ha20Started => "Started",
        Ha20EndBy => "To finish by",
        Ha20OneWeek => "one week after the start, unless the parties agree otherwise",
        Ha20EndPassed => {
            "The week after the start has passed with no agreement or conclusion (HA § 20)"
        }
        Ha20StartLate => "Started after the deadline",
        FieldAgreedStart => "Agreed start by",
        LateDocuments => "Sent less than {0} days before the meeting",
        LateDocumentsShort => "{0} doc(s) sent late",
        LateDocumentsNote => {
            "Documents sent less than {0} days before the meeting (reasonable time, HA § 20): {1}"
        }
        EndsAt => "Ends",
        FieldEndTime => "Ends (hh:mm)",
        MeetingAuthority => "Authority",
        CaseNumber => "Case number",
        DocumentNumber => "Document number",
        Distribution => "Distribution",
        FieldDistribution => "Distribution (separate with ;)",
        NextMeeting => "Next meeting",
        FieldNextMeeting => "Next meeting (date hh:mm)",
        Observers => "Observers",
        OtherAttendees => "Others",
        SubstituteTitle => "substitute for {0}",
        FieldSubstituteName => "Substitute (name)",
        CmdDocDays => "days before the meeting documents should be sent (default 7)",
        VerifyFieldEndsAt => "end",
        VerifyFieldAuthority => "authority",
        VerifyFieldCaseNumber => "case number",
        VerifyFieldDocumentNumber => "document number",
        VerifyFieldDistribution => "distribution",
        VerifyFieldNextMeeting => "next meeting",
        VerifyFieldAgreedStart => "agreed start",
        ArgDays => "DAYS",
        DocDaysNow => "Documents should now be sent {0} days before the meeting.",
        DocDaysFormat => "Type a number of days, e.g. :docdays 7.",
        KeyMeetingInfo => "Meeting details: the approval round, changes asked for, votes",
        MeetingInfoTitle => "Meeting details",
        NoCurrentItem => "No current item",
        SpeakersWaiting => "{0} waiting",
        VoteOpenOn => "Vote on item {0}",
        VotedBy => "voted: {0}",
        NobodyVoted => "nobody has voted",
        VoteByCount => "counted by the chair",
        ChangesAsked => "Changes (i)",
        MoreBelow => "↓ more",
        MoreAbove => "↑ more",
        HelpAgendaMarks => {
            "Marks in the agenda: ● current item · ¶ notes · ✓ conclusion · ◆ positions from every party (◇ from some) · ⚠ conflict in the text · [Exempt] exempt from public disclosure"
        }
        HelpStrip => {
            "The line under the header: the current item and its time, who has the floor and how many wait, open votes and who has voted, changes the parties ask for in the minutes (i shows the whole text)."
        }
        OpenVotes => "Open votes",
        AnswerOnEarlier => "on earlier content",
        NotInFormat => "this document is not written as {0}",
        PdfFailed => "the PDF could not be made: {0}",
        ExportFailedWhy => "the document could not be written: {0}",
        PageOf => "Page {0} of {1}",
        NoticeWritten => "The notice: {0} + .ics in {1}",
        PdfNeedsOutput => "a PDF is not written to the terminal: give -o FILE (or pipe it on)",
    }
}
