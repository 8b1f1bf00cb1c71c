//! Long: the whole catalogue is one exhaustive match, so that the compiler refuses a
//! message without its text; splitting it would only scatter the texts.

use super::Msg;

pub fn text(m: Msg) -> &'static str {
    use Msg::*;
    match m {
        Minutes => "Referat",
        Protocol => "Protokoll",
        // export
        ExportApprovalHeading => "Godkjenning",
        ExportApprovedByParties => "Godkjent av partene",
        ExportSignaturesHeading => "Underskrifter",
        ExportSignFor => "For",
        ExportNotCirculated => "Ikke sendt til godkjenning ennå.",
        ExportCirculatedAt => "Sendt til godkjenning",
        ExportApprovalDeadline => "Frist for godkjenning",
        ExportDeadlinePassed => "fristen er ute",
        ExportAwaitingApproval => "Venter på godkjenning fra",
        ExportApprovedAt => "Godkjent",
        ExportContentHash => "Innholdets SHA-256",
        ExportEarlierVersions => "Tidligere godkjente versjoner",
        ExportApprovalParty => "Part",
        ExportApprovalAnswer => "Svar",
        ExportAnswerGivenBy => "Gitt av",
        ExportApprovedBy => "Godkjent av",
        ExportAnswerTime => "Tidspunkt",
        ExportVerdictApprove => "Godkjent",
        ExportVerdictChanges => "Ber om endringer",
        ExportStatementBy => "Fra",
        ExportStatementOnItem => "til sak",
        ExportItemLeftOut => "sak unntatt offentlighet: det som er ført på den, er utelatt",
        ExportItemsLeftOut => "saker unntatt offentlighet: det som er ført på dem, er utelatt",
        ExportCsvId => "ID",
        ExportCsvTitle => "Tittel",
        ExportCsvOwner => "Ansvarlig",
        ExportCsvDue => "Frist",
        ExportCsvStatus => "Status",
        ExportCsvOverdue => "Forfalt",
        ExportCsvMeetingDate => "Møtedato",
        ExportCsvItem => "Sak",
        ExportCsvDevAreas => "Utviklingsområder",
        ExportCsvProposedBy => "Foreslått av",
        ExportCsvCarriedOver => "Videreført fra tidligere møte",
        ExportCsvYes => "ja",
        ExportCsvNo => "nei",
        Date => "Dato",
        Place => "Sted",
        Status => "Status",
        Chair => "Møteleder",
        Referent => "Referent",
        Present => "Til stede",
        Absent => "Forfall",
        Substitutes => "Vara",
        SubstituteFor => "for",
        DocumentsSent => "Dokumenter sendt før møtet",
        Agenda => "Dagsorden",
        Item => "Sak",
        Kind => "Type",
        Presenter => "Innleder",
        PlannedMinutes => "Planlagt tid",
        DevAreas => "Utviklingsområder",
        Background => "Bakgrunn",
        Inputs => "Innspill",
        Source => "kilde",
        Notes => "Notater",
        Positions => "Standpunkter",
        NoPositionYet => "Har ikke gitt standpunkt",
        OnBehalf => "ført av møteleder på partens vegne",
        Votes => "Avstemninger",
        Conclusion => "Konklusjon",
        Disagreeing => "Uenige",
        Statements => "Protokolltilførsler",
        Actions => "Tiltak",
        CarriedOver => "videreført fra tidligere møte",
        Owner => "Ansvarlig",
        Due => "Frist",
        FromItem => "fra sak",
        ProposedBy => "foreslått av",
        Overdue => "FORFALT",
        Nobody => "ikke tildelt",
        Confidential => "Unntatt offentlighet",
        ExemptShort => "Unntatt",
        ExemptUnder => "Unntatt offentlighet, jf. {0}",
        ExemptTitled => "{0} (unntatt offentlighet, jf. {1})",
        ExemptTitledNoBasis => "{0} (unntatt offentlighet)",
        Hjemmel => "Unntatt, hjemmel",
        HjemmelNone => "ingen: offentlig",
        PublicTitle => "Offentlig tittel (valgfri)",
        PublicVersion => "Offentlig",
        ExemptionFormTitle => "Unntatt offentlighet",
        ExemptionLifted => "Saken er ikke lenger unntatt offentlighet",
        RefusedChanges => "Avviste endringer",
        RecordedBy => "registrert av",
        Minute => "min",
        NotSet => "ikke satt",
        VoteAdopted => "Vedtatt",
        VoteNotAdopted => "Ikke vedtatt",
        VoteViewOnly => "Syn registrert (en avstemning avgjør ikke en forhandling)",
        VoteTie => "stemmelikhet",
        VoteWinner => "Flest stemmer",
        VoteCastOf => "{0} avgitte stemmer av {1}",
        VoteCastOneOf => "{0} avgitt stemme av {1}",
        VotedAlready => "Har stemt",
        VoteWaitingFor => "Har ikke stemt",
        CountReplacesBallots => "{0} har stemt her alt: :count gjelder bare opptelling",
        VoteBlank => "blanke",
        VoteOpen => "avstemningen pågår",
        VoteFor => "For",
        VoteAgainst => "Mot",
        VoteAbstain => "Avstår",
        NoMeetings => "Ingen møter ennå.",
        ColDate => "Dato",
        ColTitle => "Tittel",
        ColStatus => "Status",
        ColItems => "Saker",
        ColOpenActions => "Åpne tiltak",
        ColAction => "Tiltak",
        ColMeeting => "Møte",
        NoActions => "Ingen tiltak.",
        UnknownMeeting => "Fant ikke noe møte som passer",
        SeveralMeetings => "Flere møter passer; bruk møtets id",
        ListHint => "`samrad list` viser møtene.",
        DataFolder => "Datamappe (referatene ligger i minutes/)",
        KeyPosition => "Standpunkt",
        KeyStatement => "Protokolltilførsel",
        KeyInput => "Innspill",
        KeyOpenVote => "Start avstemning",
        KeyCastVote => "Stem",
        NoPartyForStatement => "Du er ikke knyttet til en part. Velg hvem du er med :whoami",
        FieldStance => "Standpunkt",
        FieldReason => "Begrunnelse",
        FieldQuestion => "Spørsmål",
        FieldMethod => "Metode",
        FieldRule => "Regel",
        FieldBallot => "Stemme",
        NewVote => "Ny avstemning",
        Vote => "Avstemning",
        NoOpenVote => "Saken har ingen åpen avstemning.",
        QuestionRequired => "Spørsmålet må fylles ut.",
        CountsFormat => "Skriv tallene slik: :count 5 2 1 0 (for, mot, avstår, blanke)",
        IdentityTitle => "Hvem er du? (Enter velger, a = ny person)",
        EarlierPositions => "tidligere standpunkt",
        CountConflict => "KONFLIKT i opptellingen, avgjøres med en ny :count",
        KeyRequestFloor => "Be om ordet / trekk",
        KeyNextSpeaker => "Gi ordet til neste",
        FloorRequested => "Du står på talerlisten til sak {0}.",
        FloorWithdrawn => "Du er tatt av talerlisten til sak {0}.",
        FloorTo => "Ordet til",
        NobodyWaiting => "Ingen står på talerlisten til sak {0}.",
        SpeakersList => "Talerliste",
        Waiting => "venter",
        Spoke => "har talt",
        SpeakingTime => "Taletid per part",
        ChangesFrom => "endring(er) fra",
        Wrote => "Skrev",
        Noark5NoAttendance => "Ingen oppmøte registrert",
        Noark5NoHjemmel => "hjemmel ikke oppgitt",
        Noark5ArchiveTitle => "Møter i {0}",
        Noark5PartDay => "Møtet {0}",
        Noark5PartPeriod => "Møter {0}–{1}",
        Noark5PartAll => "Alle møter",
        Noark5Doubts => "Loggene feiler kontrollen ({0} funn, se samrad verify): {1}",
        Noark5NotApproved => "Referatet var ikke godkjent da det ble arkivert (status: {0}).",
        Noark5ProtocolOpen => {
            "Protokollen var ikke signert av alle partene da den ble arkivert: {0}."
        }
        Noark5NeedsDir => "noark5 skriver en mappe: oppgi den med -o MAPPE",
        Noark5NotOurs => {
            "{0} har andre filer og er ingen noark5-eksport fra samrad; ingenting skrevet"
        }
        Noark5Wrote => "Skrev {2} (møter: {0}, dokumenter: {1})",
        Noark5AllOnly => "--all skriver arkivets mappe: bruk --format noark5",
        Noark5WholeMeeting => {
            "noark5 tar hele møtet: utelat --innkalling, --protokoll og --signatures"
        }
        Noark5NoMeetings => "ingen møter i perioden; ingenting skrevet",
        Noark5Marked => "{0} feiler kontrollen; eksportert med merknad om det",
        Noark5NotAFolder => "{0} er ingen mappe",
        Warning => "Advarsel",
        ReadOnly => "Skrivebeskyttet",
        NoMeetingOpen => "Ingen møte er valgt. Trykk m for møter, eller :new for et nytt.",
        MeetingLocked => {
            "Referatet er til godkjenning eller godkjent og låst. :reopen for å endre; så en ny runde med :circulate."
        }
        QuitUnsaved => "Noe er ennå ikke lagret på disken. Avslutte likevel når det er lagret?",
        ConfirmDeleteItem => "Slette sak",
        ConfirmDropAction => "Droppe tiltaket",
        CannotDeleteHere => {
            "Her kan ingenting slettes. Utviklingsområder beholdes; sett status i stedet (s)."
        }
        StartMeetingFirst => "Møtet er ikke startet. Start det med :start",
        SelectAnItem => "Velg en sak først.",
        SelectAnAction => "Velg et tiltak først (Tab til Tiltak).",
        SelectAnArea => "Velg et utviklingsområde først.",
        DiscardChanges => "Forkaste endringene i teksten?",
        DraftOfferTitle => "Ulagret tekst",
        DraftOffer => "Du har ulagret tekst fra {0} i {1}",
        DraftMore => "{0} til etter denne.",
        DraftDiscarded => "Den ulagrede teksten er forkastet.",
        DraftLater => "Tatt vare på: teksten tilbys igjen ved neste start.",
        DraftOrphanTitle => "Kopier denne ulagrede teksten, stedet finnes ikke lenger: {0}",
        DraftNowhere => "Teksten har ikke noe sted å lagres nå: kopier den, og lukk med Esc.",
        DraftUnreadable => "Ulagret tekst kunne ikke leses: {0}",
        DraftsOfOthers => "Ulagret tekst fra andre ({0}) ligger i local/drafts til dem.",
        DraftNotKept => "Ulagret tekst kan ikke tas vare på: {0}",
        DraftKeptAfterFailure => "Ikke lagret: teksten er tatt vare på og tilbys ved neste start.",
        UnknownFormat => "Ukjent format",
        LanguageSet => "Språk: norsk bokmål",
        UnknownLanguage => "Ukjent språk",
        SavedAutomatically => "Alt lagres fortløpende; det trengs ingen lagring.",
        UnknownCommand => "Ukjent kommando",
        CommandHint => "Trykk ? for hjelp og kommandoer.",
        ConfirmClose => {
            "Avslutte møtet? Referatet kan fortsatt endres til det sendes til godkjenning."
        }
        StatusNow => "Status",
        CannotChangeStatus => "Kan ikke endre status:",
        NoSearchYet => "Søk først med /",
        NotFound => "Fant ikke",
        FieldName => "Navn",
        FieldParty => "Part",
        FieldRole => "Rolle",
        NewPerson => "Ny person",
        FieldTitle => "Tittel",
        FieldSentOn => "Sendt (dato)",
        FieldReference => "Referanse",
        NewDocument => "Nytt dokument",
        ConfirmDeleteDocument => "Fjerne dokumentet",
        FieldPlannedMinutes => "Planlagt tid (min)",
        FieldDemandedOn => "Krevd dato (HA § 20)",
        EditItem => "Endre sak",
        NewItem => "Ny sak",
        FieldDue => "Frist (dd.mm.åååå)",
        EditAction => "Endre tiltak",
        NewAction => "Nytt tiltak",
        GoalArea => "Målområde",
        EditArea => "Endre utviklingsområde",
        NewArea => "Nytt utviklingsområde",
        FieldStatusNote => "Merknad",
        AreaStatus => "Status for utviklingsområde",
        DefaultMeetingTitle => "Kontaktgruppemøte",
        FieldTime => "Klokkeslett (tt:mm)",
        EditMeeting => "Endre møte",
        NewMeeting => "Nytt møte",
        TitleRequired => "Tittel må fylles ut.",
        MinutesMustBeNumber => "Planlagt tid må være et helt antall minutter.",
        NameRequired => "Navn må fylles ut.",
        TimeFormat => "Klokkeslett skrives tt:mm, f.eks. 10:00",
        StandingAgenda => "Godkjenning av innkalling og dagsorden",
        StandingMinutes => "Godkjenning av referat fra forrige møte",
        StandingActions => "Oppfølging av tiltakslisten",
        StandingAob => "Eventuelt",
        KeyDown => "Ned",
        KeyUp => "Opp",
        KeyTop => "Først",
        KeyBottom => "Sist",
        KeyPageUp => "Side opp",
        KeyPageDown => "Side ned",
        KeyNextPane => "Neste rute",
        KeyPrevPane => "Forrige rute",
        KeyOpen => "Vis detaljer",
        KeyAdd => "Legg til",
        KeyEdit => "Endre",
        KeyDelete => "Slett",
        KeyMoveUp => "Flytt sak opp",
        KeyMoveDown => "Flytt sak ned",
        KeySetCurrent => "Gjeldende sak",
        KeyNotes => "Notater",
        KeyConclusion => "Konklusjon",
        KeyAgreement => "Enighet/uenighet",
        KeyConfidential => "Unntatt offentlighet",
        KeyActionFromItem => "Tiltak fra saken",
        KeyStatus => "Endre status",
        KeyAttendance => "Oppmøte",
        KeyDocuments => "Dokumenter",
        KeyMeetings => "Møter",
        KeySearch => "Søk",
        KeySearchNext => "Neste treff",
        KeySearchPrev => "Forrige treff",
        KeyCommand => "Kommando",
        KeyHelp => "Hjelp",
        KeyQuit => "Avslutt",
        KeyForceQuit => "Avslutt straks",
        KeyCancel => "Avbryt",
        KeySave => "Lagre",
        Notice => "Innkalling",
        SubmitDaysFormat => "Skriv et antall dager, f.eks. :innmelding 14.",
        NoticeFormats => "innkallingen skrives som md, html, text, pdf eller ics",
        NoticeAgenda => "Saksliste",
        NoticeDocuments => "Saksdokumenter (og når de sendes)",
        SubmissionDeadline => "Frist for å melde inn saker",
        NotSentYet => "ikke sendt ennå",
        CmdNotice => {
            "skriv møtets innkalling til exports/: PDF og kalenderinvitasjon (.ics), eller md, html, text"
        }
        CmdSubmitDays => "dager før et møte partene må melde inn saker til det (standard 14)",
        SubmitDaysNow => "Saker meldes inn senest {0} dager før et møte",
        FieldKeysText => "Skriv; Ctrl-U tømmer feltet",
        FieldKeysChoice => "←/→ eller mellomrom: neste valg",
        FieldKeysMulti => "←/→ flytter, mellomrom krysser av eller fjerner",
        DueInThePast => "Lagret; merk at fristen {0} er passert",
        DeadlineInThePast => "Fristen {0} er passert: gi en senere frist",
        NoConclusionOn => "Ingen konklusjon i sak {0}",
        HelpHere => "Her",
        AsUnknown => {
            "{0} er ingen av forumets personer, så du skriver som gjest uten part (personer: {1})"
        }
        IdentityForSession => "for denne økten (--as); innstillingene er uendret",
        ChooseWhoYouAre => "Du har ikke sagt hvem du er: bare lesing (:whoami for å velge)",
        KeyUndo => "Angre din siste endring",
        Undone => "Din siste endring er angret (begge står i historikken)",
        UndoneOnItem => "Din siste endring på sak {0} er angret (begge står i historikken)",
        UndoNothing => "Ingen endring av deg å angre siden samrad startet",
        UndoCannot => "Din siste endring kan ikke angres med u: endre den tilbake selv",
        CmdWithdraw => "trekk partens standpunkt i valgt sak",
        PositionWithdrawn => "Partens standpunkt i sak {0} er trukket",
        NoPositionToWithdraw => "Parten din har ikke standpunkt i denne saken å trekke",
        KeyExemptPassage => "Unntatt avsnitt",
        PassageInserted => "Unntatt avsnitt, jf. {0} (Ctrl-T igjen: neste hjemmel)",
        NoHjemler => "Forumet har ingen hjemmel på listen (:hjemmel legger til)",
        KeyCancelEdit => "Lukk (spør om endringer)",
        KeyRestoreDraft => "Hent fram",
        KeyDraftLater => "Senere (neste start)",
        KeyDiscardDraft => "Forkast for godt",
        KeyNextField => "Neste felt",
        KeyPrevField => "Forrige felt",
        KeyRun => "Kjør",
        KeyFind => "Finn",
        KeyYes => "Ja",
        KeyNoDefault => "Nei (alle andre taster også)",
        KeyChoose => "Velg",
        KeyClose => "Lukk",
        PaneAgenda => "Dagsorden",
        PaneAreas => "Utviklingsområder",
        PaneActions => "Tiltak",
        PaneDetail => "Detaljer",
        ModeNormal => "NORMAL",
        ModeEdit => "SKRIV",
        ModeForm => "SKJEMA",
        ModeCommand => "KOMMANDO",
        ModeSearch => "SØK",
        ModeConfirm => "BEKREFT",
        ModeDraft => "UTKAST",
        ModeList => "LISTE",
        ModeHelp => "HJELP",
        Saving => "lagrer…",
        SavedAt => "lagret",
        NothingSaved => "ingen endringer",
        SaveFailed => "LAGRING FEILET",
        ConflictStart => {
            "Konflikt: to endringer overlapper. Begge versjonene står til noen retter teksten."
        }
        ConflictWrote => "skrev",
        ConflictOther => "den andre versjonen",
        ConflictEnd => "slutt på konflikten",
        Renumbered => "Saksnummer tatt på en annen maskin, nå",
        ConflictEditHint => {
            "konflikt: behold det som skal stå, slett linjene <<<<<<< ======= >>>>>>>"
        }
        Conflict => "konflikt",
        Conflicts => "konflikter",
        TooSmall => "Vinduet er for lite for samrad. Gjør det minst 60×16 tegn.",
        Elapsed => "brukt",
        CurrentItemMark => "gjeldende",
        You => "Du",
        NoItems => "Ingen saker ennå. Trykk a for å legge til.",
        NoActionsPane => "Ingen tiltak. Trykk a eller t for å legge til.",
        NoMeetingsPane => "Ingen møter. Skriv :new for å lage et.",
        Linked => "Koblet til",
        History => "Historikk",
        ItemsAcrossMeetings => "Saker (alle møter)",
        HelpTitle => "Hjelp: taster og kommandoer",
        Commands => "Kommandoer (skriv : først)",
        MeetingClock => "Møtet",
        Opened => "startet",
        NotStarted => "ikke startet",
        HelpIntro => {
            "samrad lagrer hver endring med en gang. Tab bytter rute; Enter viser detaljer; Esc lukker."
        }
        ExportedTo => "Eksportert: {0} i {1}",
        ExportFailed => "Eksport feilet",
        AttendanceTitle => "Oppmøte (Enter bytter: til stede → forfall → vara)",
        DocumentsTitle => "Dokumenter sendt før møtet",
        MeetingsTitle => "Møter (nyeste først)",
        NotRecorded => "ikke registrert",
        NoDocuments => "Ingen dokumenter. Trykk a for å legge til.",
        Confirm => "Bekreft",
        Writers => "Skriver også",
        WaitingFor => "venter på",
        Hits => "treff",
        HitsTitle => "Treff",
        EarlierSeeThread => "tidligere – T viser hele tråden",
        PaneMeetings => "Møter",
        SearchIndexBuilding => "Søkeindeksen bygges – søket kjøres når den er klar",
        LoadingArchive => "Laster arkivet …",
        ThreadOfParty => "Standpunkter og protokolltilførsler fra",
        ThreadOfArea => "Alt om utviklingsområde",
        NotInAMeeting => "Dette treffet hører ikke til et møte",
        FilterStatus => "Status",
        FilterParty => "Part",
        FilterStance => "Standpunkt",
        FilterArea => "Utviklingsområde",
        FilterSince => "Fra dato",
        FilterUntil => "Til dato",
        FilterTitle => "Filter for arkivet (←/→ velger, Enter bruker)",
        FilterAny => "(alle)",
        MeetingsMatch => "Møter som passer filteret",
        KeyArchive => "Arkiv",
        KeyThread => "Tråd over tid",
        KeyOpenReadOnly => "Åpne (lesemodus)",
        KeySearchAll => "Søk i alt",
        KeyFilter => "Filter",
        KeyClearFilter => "Fjern filter",
        KeyBackToMeeting => "Tilbake til møtet",
        KeyBack => "Tilbake",
        ViewOnly => "Møtet er åpnet fra arkivet i lesemodus. :edit for å endre.",
        EditingAgain => "Møtet kan endres igjen",
        CirculateNeedsClosed => {
            "Bare avsluttede (eller godkjente) møter kan sendes til godkjenning"
        }
        CirculatedUntil => "Sendt til godkjenning, frist",
        ApproveNeedsParty => "Du må høre til en part for å godkjenne (:whoami)",
        RoundNotOpen => "Referatet er ikke til godkjenning",
        HashDiffers => {
            "Referatet du ser, er ikke det som ble sendt til godkjenning – vent til alt er synkronisert"
        }
        ApprovedFor => "Godkjent for",
        SignNeedsParty => "Du må høre til en part for å signere (:whoami)",
        SignNotForObservers => "En observatør signerer ikke protokollen",
        SignNeedsNegotiation => "Velg en forhandlingssak for å signere protokollen",
        SignNotASignatory => "Din part er ikke part i denne protokollen",
        SignedByAll => "Signert: alle partene har signert protokollen",
        SignedMissing => "Signert; {0} til må signere før forhandlingen er avsluttet",
        CmdSign => "signer protokollen for valgt forhandlingssak for din part",
        ProtocolHeading => "Protokoll",
        ProtocolSigned => "Signert av",
        ProtocolMissing => "Ikke signert av",
        ProtocolStale => "Signerte tidligere innhold (må signere på nytt)",
        ProtocolSignedByAll => "signert av alle partene",
        ProtocolInOwnDocument => "Forhandlingen føres i egen protokoll",
        NoSuchProtocol => "ingen forhandlingssak {0} å skrive protokoll for (CSV har ingen)",
        ProtocolDemandsOffers => "Krav og tilbud",
        Further => "Videre behandling",
        CmdFurther => "skriv videre behandling for valgt sak",
        CmdProtocol => {
            "eksporter protokollen for valgt forhandlingssak (md, html, pdf, json, text)"
        }
        ObserverMark => "observatør",
        FurtherMissing => "Uenighet: skriv videre behandling (:videre)",
        DisputePath => "Tvist: tvisteløsning etter HA § 11 (partssammensatt nemnd)",
        DisputePathDepartement => {
            "Tvist: HA § 11; saken kan ikke bringes inn for partssammensatt nemnd, da virksomheten er et departement"
        }
        ChangesNeedText => "Skriv hva som bør endres: :endringer TEKST",
        ChangesRequested => "Endringer bedt om – møteleder får se det",
        ArchiveTitle => "Arkiv",
        ArchiveMeetings => "møter",
        ArchiveEmpty => "Ingen møter passer filteret. F fjerner filteret.",
        NoHits => "Ingen treff. Esc går tilbake til møtelisten.",
        ReadOnlyView => "lesemodus",
        Approval => "Godkjenning",
        Deadline => "frist",
        ChangesAskedBy => "ber om endringer",
        ApprovedOn => "godkjent",
        Filtered => "filter",
        Indexing => "bygger søkeindeks …",
        // values of the domain's enums
        KindInformation => "Informasjon",
        KindConsultation => "Drøfting",
        KindNegotiation => "Forhandling",
        KindOther => "Annet",
        MeetingPlanned => "Planlagt",
        MeetingOpen => "Pågår",
        MeetingClosed => "Avsluttet",
        MeetingCirculated => "Til godkjenning",
        MeetingApproved => "Godkjent",
        StanceAgree => "Enig",
        StanceDisagree => "Uenig",
        StanceTakesNote => "Tar til orientering",
        StanceAbstains => "Avstår",
        StanceDemand => "Krav",
        StanceOffer => "Tilbud",
        StanceRemark => "Spørsmål eller merknad",
        StanceView => "Synspunkt",
        ActionProposed => "Foreslått",
        ActionOpen => "Åpen",
        ActionInProgress => "Pågår",
        ActionDone => "Utført",
        ActionDropped => "Droppet",
        PresenceSubstitute => "Vara",
        AgreementReached => "Enighet",
        AgreementNotReached => "Uenighet",
        AreaNotStarted => "Ikke startet",
        AreaUnderWay => "Underveis",
        AreaAchieved => "Oppnådd",
        SideEmployer => "Arbeidsgiver",
        SideUnion => "Arbeidstakerorganisasjon",
        SideSafety => "Vernetjenesten",
        RuleSimpleMajority => "simpelt flertall",
        RuleTwoThirds => "2/3 flertall",
        RuleUnanimity => "enstemmighet",
        RuleConsensus => "konsensus",
        MethodPerParty => "én stemme per part",
        MethodPerPerson => "én stemme per person",
        MethodCount => "opptelling ført av møteleder",
        HitMeetingTitle => "møtetittel",
        HitItemTitle => "sakstittel",
        HitBackground => "bakgrunn",
        HitNotes => "referat",
        HitPosition => "standpunkt",
        HitStatement => "protokolltilførsel",
        HitConclusion => "konklusjon",
        HitInput => "innspill",
        HitVote => "avstemning",
        HitAction => "tiltak",
        RefusedLocked => "referatet er til godkjenning eller godkjent, og låst",
        RefusedNotYourParty => "bare partens egne kan skrive dette",
        RefusedUnknownTarget => "det som ble endret, finnes ikke (lenger)",
        RefusedDuplicate => "finnes fra før",
        RefusedIllegalTransition => "ikke en lovlig statusendring",
        RefusedVoteClosed => "avstemningen er lukket",
        RefusedStaleHash => "godkjenningen gjelder en annen versjon av referatet",
        RefusedNotAnApprover => "partens godkjenning trengs ikke (eller ingen part skal godkjenne)",
        RefusedNotYourRole => {
            "rollen din gir ikke lov til dette (møteleder og referent leder møtet; en part skriver bare for seg selv)"
        }
        RefusedReadOnlyRole => "du har lesetilgang og kan ikke skrive noe",
        RefusedNotSigned => {
            "ikke signert (eller signaturen holder ikke), og forumet krever signatur"
        }
        RefusedKeyNotAdmitted => "signert med en nøkkel møteleder ikke har tatt opp i forumet",
        RefusedNotTheSigner => "signert med en annens nøkkel enn den som står som forfatter",
        RefusedBadId => {
            "en id som ikke kan være et filnavn (bare bokstaver, sifre, «-», «_» og «.»)"
        }
        RefusedStanceDoesNotFit => "et standpunkt som ikke passer sakstypen",
        RefusedNotASignatory => "en signatur fra en som ikke er part, eller på annet innhold",
        RefusedProtocolSigned => "en endring i en protokoll alle partene har signert",
        HitExemptPassage => "avsnitt unntatt offentlighet",
        ProtocolFinal => "Alle partene har signert protokollen: den kan ikke lenger endres",
        OwnChangeRefused => "Avvist: {0}",
        SignaturesNoneProtocol => {
            "ingen signatur på denne protokollen slik den står, er forseglet med en nøkkel"
        }
        ProtocolScopeUsage => "Skriv :protokollper sak (én per sak) eller :protokollper møte (én)",
        ProtocolScopeSettled => "Noen har signert: hvordan protokollene deles, ligger fast",
        ProtocolPerItem => "En protokoll for hver forhandlingssak",
        ProtocolPerMeeting => "Én protokoll for alle forhandlingssakene i møtet",
        ArgProtocolScope => "sak|møte",
        CmdProtocolScope => "protokoll per forhandlingssak, eller én for møtet (møteleder)",
        January => "januar",
        February => "februar",
        March => "mars",
        April => "april",
        May => "mai",
        June => "juni",
        July => "juli",
        August => "august",
        September => "september",
        October => "oktober",
        November => "november",
        December => "desember",
        DateFormat => "Datoen må skrives dd.mm.åååå eller åååå-mm-dd",
        DateYear => "Året må ha fire sifre",
        DateNoMonth => "Det finnes ingen måned {0}",
        DateNoDay => "Måned {1} har ingen dag {0}",
        UnknownParty => "ukjent part {0}; forumets parter er {1}",
        UnknownArea => "ukjent utviklingsområde {0}; områdene er: {1}",
        KeyComplete => "Fullfør kommandoen",
        ArgTitle => "[tittel]",
        ArgMeetingKey => "[id|dato|latest]",
        ArgDeadline => "[frist]",
        ArgText => "TEKST",
        ArgParty => "PART",
        ArgHjemmel => "KORTFORM | beskrivelse",
        ArgPartyName => "KORTNAVN | navn | hovedsammenslutning",
        CmdPartyName => "en parts fulle navn og hovedsammenslutning (etter en omorganisering)",
        PartyNameUsage => ":partinavn NTL | Norsk Tjenestemannslag | LO Stat (- for ingen)",
        PartyNamed => "{0} er nå {1} ({2})",
        ArgArea => "OMRÅDE",
        ArgFormat => "md|html|csv|json|text",
        ArgCounts => "FOR MOT AVSTÅR BLANKE",
        ArgMinutes => "MINUTTER",
        ArgLang => "nb|en",
        ArgTheme => "default|contrast|none",
        CmdNew => "nytt møte fra malen (faste saker, åpne tiltak videreføres)",
        CmdOpen => "bytt møte (uten argument: liste)",
        CmdStart => "start møtet (status Pågår)",
        CmdClose => "avslutt møtet",
        CmdReopen => {
            "åpne et avsluttet møte igjen; et referat til godkjenning eller godkjent tilbake til avsluttet for endringer"
        }
        CmdCirculate => {
            "send referatet til godkjenning; frist om 14 dager (samrads standard) om ikke annet gitt"
        }
        CmdApprove => "godkjenn referatet for din part",
        CmdChanges => "be om endringer i referatet for din part",
        CmdArchive => "arkivet: alle møter, filter og søk",
        CmdParty => "en parts standpunkter og protokolltilførsler over tid (f.eks. :party NTL)",
        CmdArea => "et utviklingsområde over tid (nummer eller navn)",
        CmdEdit => "endre et møte som er åpnet fra arkivet i lesemodus",
        CmdMeeting => "endre tittel, tid, sted, møteleder, referent",
        CmdAttendance => "oppmøte",
        CmdDocuments => "dokumenter sendt før møtet",
        CmdBackground => "skriv bakgrunn for valgt sak",
        CmdExport => "eksporter referatet til exports/ (md, html, pdf, text, json, csv)",
        CmdCloseVote => "lukk avstemningen",
        CmdCount => "før opptellingen (for, mot, avstår, blanke)",
        CmdBudget => "taletid per part i minutter for saken",
        CmdWhoami => "si hvem du er (person og part)",
        CmdLang => "språk",
        CmdTheme => "fargetema",
        CmdHelp => "denne hjelpen",
        CmdWrite => "alt lagres med en gang; :w sier det",
        CmdQuit => "avslutt samrad",
        ErrIo => "kunne ikke bruke {0}: {1}",
        ErrNotAFolder => "{0}: ikke en mappe; oppgi en mappe med --data-dir eller SAMRAD_DATA_DIR",
        ErrReadOnly => "datamappen er skrivebeskyttet: {0}",
        ErrTemplate => "den innebygde malen er ødelagt: {0}",
        ErrBadId => "{0} kan ikke være en møte-id (bare bokstaver, sifre, '-', '_' og '.')",
        SyncNoGit => {
            "git er ikke installert, og samrad sync trenger det: installer git (apt install git) og kjør samrad sync igjen"
        }
        SyncNotSetUp => {
            "{0} er ikke satt opp for synkronisering ennå: kjør samrad sync init ADRESSE (adressen til et git-lager)"
        }
        SyncNotEmpty => "{0} er ikke tom: koble den til fjernlageret med samrad sync init {1}",
        SyncUnreachable => {
            "fikk ikke kontakt med {0} ({1}): sjekk nettet og adressen; det du har skrevet, er lagret her og sendes ved neste synkronisering"
        }
        SyncRejected => {
            "{0} tok imot endringer fra noen andre mens våre ble sendt: kjør samrad sync igjen"
        }
        SyncForeign => {
            "datamappen har endringer som ikke er samrads ({0}): commit dem med git eller flytt dem ut av mappen, og synkroniser igjen"
        }
        SyncGitFailed => "git {0} feilet: {1}",
        SyncDone => "Synkronisert med {0}: sendte {1} nye linjer, mottok {2}.",
        SyncSetUp => "{0} synkroniseres nå med {1}.",
        SyncJoined => "Denne mappen og {0} møttes for første gang; historikkene er slått sammen.",
        SyncSameWriter => {
            "{0} ble skrevet på to maskiner som samme skriver; begge er beholdt, den andre i {1}"
        }
        SyncBothChanged => "{0} ble endret på begge sider; din er beholdt, den andre i {1}",
        SyncHeldBack => "{0} er endret, ikke bare lagt til; ikke sendt (git diff viser hvordan)",
        SyncSkipped => "{0} fra {1} er ikke en vanlig fil; ikke skrevet her",
        SyncStatusAt => "synk {0} med {1}",
        SyncStatusNever => "ikke synket ennå med {0}",
        SyncStatusFailed => "synk med {0} feilet",
        SyncFailed => "Synk med {0} feilet: {1}",
        SyncWhyNoGit => "installer git (apt install git)",
        SyncWhyUnreachable => "ikke nett, eller fjernlageret svarer ikke",
        SyncWhyRejected => "noen sendte i samme øyeblikk; prøver igjen",
        SyncWhyNotSetUp => "kjør samrad sync init ADRESSE",
        SyncWhyForeign => "filer som ikke er samrads, er endret; kjør samrad sync",
        SyncWhyOther => "kjør samrad sync for å se hvorfor",
        ProblemTornTail => "{0}: den siste linjen ble avbrutt og er utelatt",
        ProblemBadLine => "{0}: ikke en gyldig oppføring, hoppet over ({1})",
        ProblemNewerSchema => {
            "{0}: skrevet av en nyere samrad (skjema {1}); åpnet skrivebeskyttet, ingenting blir endret"
        }
        ProblemUnreadable => "{0}: kunne ikke leses ({1}); latt være som den er",
        PackDone => "Møter pakket: {0} ({1} loggfiler; {2} før, {3} etter).",
        PackNothing => "Ingenting å pakke.",
        PackAlready => "Pakket fra før: {0}.",
        PackRecent => {
            "Latt være, holdt eller skrevet i de siste {1} dagene, eller ennå ikke holdt: {0}."
        }
        PackLive => "Latt være, med en logg som en kjørende samrad skriver i: {0}.",
        PackUnsettled => {
            "{0}: {1} ligger i mappen; ikke pakket. Se på den først (samrad verify {0})."
        }
        PackFailed => "{0}: kunne ikke pakkes ({1}); loggene er som de var.",
        ProblemBadPack => {
            "{0}: en pakke med logger som ikke kan leses ({1}); ingen av linjene leses, og filen er latt være som den er"
        }
        ProblemQuarantined => {
            "{0}: kunne ikke leses; tatt vare på som {1} og skrevet på nytt fra loggene"
        }
        ProblemPermissions => "{0}: tillatelsene var {1}, satt til {2}",
        ProblemNotAFile => "{0}: ikke en vanlig fil (et rør, en enhet eller en lenke); ikke lest",
        ProblemTooLarge => "{0}: {1} byte, større enn noen logg; ikke lest",
        ProblemLineTooLong => "{0}: en linje på {1} byte, lengre enn noen oppføring; hoppet over",
        ProblemOtherWriter => "{0}: en oppføring fra skriver {1} i en annens logg; avvist",
        ProblemWrongFolder => "{0}: en oppføring for {1} i en annen mappes logg; avvist",
        ProblemNotTheTemplate => {
            "{0}: en oppføring i malens navn som ikke er i samrads mal; avvist"
        }
        ProblemBadSignature => "{0}: signaturen holder ikke; oppføringen regnes som usignert",
        ProblemClockAhead => {
            "{0}: stemplet {1}, mer enn ett døgn foran klokken på denne maskinen; utelatt til da"
        }
        ProblemHistoryCut => "{0}: oppføring {1} er borte fra loggen, men {2} hadde sett den",
        ProblemHistoryAltered => "{0}: oppføring {1} ble endret etter at {2} hadde sett den",
        ProblemConflictCopy => {
            "{0}: en konfliktkopi av {1}; de {2} linjene loggen mangler, leses som skriverens egne"
        }
        ProblemConflictCopyNothingNew => {
            "{0}: en konfliktkopi av {1}, uten noe loggen mangler; den kan fjernes"
        }
        ProblemFork => {
            "{0}: oppføring {1} er ikke linje {2} i {3}: skriverens logg har forgreinet seg; begge leses"
        }
        ProblemRestored => {
            "{0} ble endret av et annet program; {1} linjer denne maskinen skrev, er lagt tilbake"
        }
        ProblemRestoredKept => {
            "{0} ble endret av et annet program; {1} linjer denne maskinen skrev, er lagt tilbake, og det som lå der, er tatt vare på som {2}"
        }
        OwnLogRestored => {
            "Et annet program endret loggen din; {0} linjer gjenopprettet (se :problemer)"
        }
        CannotWrite => "kan ikke skrive til {0} ({1}). Endringer er ikke mulig.",
        PermissionDenied => "ingen tilgang",
        ReadOnlyFileSystem => "skrivebeskyttet filsystem",
        ProblemsOne => "⚠ 1 problem",
        ProblemsMany => "⚠ {0} problemer",
        ProblemsTitle => "Problemer",
        ProblemsIntro => {
            "Funnet ved oppstart og i loggene som er lest (forumets og møtets som vises):"
        }
        ProblemsNone => "Ingen problemer funnet.",
        CmdProblems => "problemer funnet i loggene: fil, linje, hva",
        KeyProblems => "Problemer funnet i loggene",
        ConfigInvalid => "{0}: ikke gyldige innstillinger, ignorert ({1})",
        ConfigUnreadable => "{0}: kunne ikke leses ({1})",
        NoHomeFolder => "fant ingen hjemmemappe for dataene; oppgi en med --data-dir DIR",
        CouldNotWrite => "kunne ikke skrive {0}",
        NoDataFolder => {
            "{0} finnes ikke: `samrad init {1}` oppretter en datamappe der, eller oppgi en annen med --data-dir"
        }
        NoSamradData => {
            "{0} har ingen samrad-data: `samrad init {1}` oppretter en datamappe der, eller oppgi en annen med --data-dir"
        }
        InitHasData => "{0} har allerede samrad-data; ingenting er endret",
        InitMade => "Opprettet en samrad-datamappe i {0}, med forummalen og det første møtet.",
        NoMeetingsMatch => "Ingen møter passer til filteret.",
        UnknownTheme => "Ukjent tema {0}: bruk default, contrast eller none",
        NothingToSearch => "ingenting å søke etter i {0}: skriv et ord",
        SearchIndexUnreadable => "kunne ikke lese søkeindeksen i {0}",
        UnknownStance => {
            "ukjent standpunkt {0}; bruk enig, uenig, orientering, krav, tilbud, synspunkt"
        }
        UnknownStatus => "ukjent status {0}; bruk planned, open, closed, circulated eller approved",
        DiskWriterStopped => "skrivingen til disk har stoppet",
        // verify
        VerifyNoLogsHere => {
            "{0}: ingen samrad-logger her (log/forum/ finnes ikke); oppgi datamappen med --data-dir"
        }
        VerifyTheForum => "Forumet",
        VerifyLogsIntact => "loggene er uendret ({0}, {1})",
        VerifyOneFile => "{0} fil",
        VerifyFiles => "{0} filer",
        VerifyOneEntry => "{0} post",
        VerifyEntries => "{0} poster",
        VerifyIntact => "uendret",
        VerifyChanged => "endret",
        VerifyNotApproved => "ikke godkjent",
        VerifyNote => "merk",
        VerifySummary => "{0} uendret, {1} endret, {2} ikke godkjent",
        VerifyForumLogsChanged => "; forumets logger er endret",
        VerifyForumChangesElsewhere => {
            "forumets logger (partene, personene og tiltakene, som hører til hvert møtes protokoll) viser {0} endring(er): `samrad verify --all` viser hvilke"
        }
        VerifyRound => "godkjent {0}, hash {1}",
        VerifyOneParty => "{0} part",
        VerifyParties => "{0} parter",
        VerifyStatus => "status {0}",
        VerifyNoMeeting => "ingen møte i loggene",
        VerifyWaitingFor => "venter på {0}",
        VerifyLogLine => "{0} linje {1}{2}: {3}",
        VerifyLogEntry => " (post {0})",
        VerifyNotAnEntry => "ikke en gyldig post",
        VerifyStartsMidChain => {
            "første linje viser til en linje før den (linjer fjernet fra starten)"
        }
        VerifyNextDisagrees => "stemmer ikke med hashen linje {0} har av den",
        VerifySeqNotIncreasing => "i feil rekkefølge (nummeret øker ikke)",
        VerifyOtherWriter => "skrevet av en annen enn filens skriver",
        VerifyUnreadable => "{0}: kunne ikke leses ({1})",
        VerifyFoldDiffers => "{0}: {1} (hash nå {2}, godkjent {3})",
        VerifyMinutesDiffer => "{0}: {1} (filens hash {2}, skal være {3})",
        VerifyMinutesInvalid => "{0}: ikke et gyldig referat ({1})",
        VerifyMinutesApprovals => "{0}: godkjenningene er ikke de samme som i loggene",
        VerifyApprovalMissing => {
            "{0} sier at referatet er godkjent (hash {1}), men loggene har ingen slik godkjenning"
        }
        VerifyLogsMissing => "{0} mangler, men {1} sier at referatet er godkjent",
        VerifyEarlierChanged => {
            "{0}: tidligere godkjent versjon (godkjent {1}, hash {2}) har ikke lenger sin hash{3}"
        }
        VerifyApprovalHash => "{0}: godkjenningen fra {1} gjelder et annet innhold",
        DoubtsNote => {
            "Protokollen viser tegn på at noen har tuklet med den; ikke regn dette referatet som godkjent:"
        }
        SignaturesNotCirculated => {
            "referatet er aldri sendt til godkjenning: det finnes ingen godkjenninger å skrive"
        }
        SignaturesChanged => {
            "referatet nå (hash {0}) er ikke det som ble sendt til godkjenning (hash {1}): samrad verify sier hvor"
        }
        SignaturesNone => {
            "ingen godkjenning av dette referatet er signert (godkjenninger fra før nøkler ble brukt, er ikke det)"
        }
        FailsChecksShort => "Feiler kontroll ⚠",
        FailsChecks => "FEILER I KONTROLLEN ({0} funnet; samrad verify navngir dem)",
        VerifySeal => {
            "{0}: signaturen til {1} på det godkjente referatet holder ikke for nøkkelen deres"
        }
        VerifyProtocolSeal => {
            "{0}: signaturen til {2} på protokollen for sak {1} holder ikke for nøkkelen deres"
        }
        VerifyProtocol => "protokoll for sak {0}: signert av {1} av {2} parter",
        VerifyRefused => "oppføring {0} i navnet til {1} ({2}) avvist: {3}: {4}",
        VerifyTornTail => {
            "{0} linje {1}: siste linje ble ikke skrevet ferdig (avbrutt skriving); den er utelatt og er ikke en endring"
        }
        VerifyNewerLine => {
            "{0} linje {1}: skrevet av en nyere samrad (skjema {2}); kjeden er sjekket, innholdet ikke"
        }
        VerifyBlankLine => "{0} linje {1}: tom linje, hoppet over",
        VerifyMinutesStale => {
            "{0} er eldre enn loggene (status {1}); ikke sammenlignet, den skrives på nytt når møtet åpnes"
        }
        VerifyMinutesNewer => "{0} er skrevet av en nyere samrad (skjema {1}); ikke sammenlignet",
        VerifyEarlierIntact => {
            "tidligere godkjent versjon (godkjent {0}, hash {1}) er uendret i loggene"
        }
        VerifyNoLogs => "ingen logger i {0}, bare referatfilen {1}",
        VerifyContentDiffers => "innholdet er et annet enn det som ble godkjent",
        VerifyListEntry => " nr. {0}",
        VerifyMeetingField => "møtets {0}",
        VerifyItemField => "sak {0} {1}",
        VerifyItemMissing => "sak {0} mangler",
        VerifyItemAdded => "sak {0} er lagt til",
        VerifyItemOrder => "rekkefølgen på sakene",
        VerifyFieldTitle => "tittel",
        VerifyFieldStartsAt => "tidspunkt",
        VerifyFieldPlace => "sted",
        VerifyFieldChair => "møteleder",
        VerifyFieldReferent => "referent",
        VerifyFieldAttendance => "oppmøte",
        VerifyFieldDocuments => "dokumenter",
        VerifyFieldOpenedAt => "åpnet",
        VerifyFieldClosedAt => "avsluttet",
        VerifyFieldNumber => "nummer",
        VerifyFieldKind => "type",
        VerifyFieldRank => "plass i dagsordenen",
        VerifyFieldPresenter => "innleder",
        VerifyFieldPlannedMinutes => "planlagt tid",
        VerifyFieldStartedAt => "start",
        VerifyFieldEndedAt => "slutt",
        VerifyFieldDemandedOn => "krevd dato",
        VerifyFieldAreas => "utviklingsområder",
        VerifyFieldBackground => "bakgrunn",
        VerifyFieldNotes => "referat",
        VerifyFieldConclusion => "konklusjon",
        VerifyFieldAgreement => "enighet",
        VerifyFieldDissenters => "dissens",
        VerifyFieldConfidential => "unntatt offentlighet",
        VerifyFieldPositions => "standpunkter",
        VerifyFieldVotes => "avstemninger",
        VerifyFieldInputs => "innspill",
        VerifyFieldStatements => "protokolltilførsler",
        VerifyFieldSpeakers => "talerliste",
        VerifyFieldPartyBudgetMinutes => "taletid per part",
        ColId => "id",
        KeyNone => "ingen nøkkel: det du skriver blir ikke signert",
        KeyAdmittedFor => "nøkkelen din {0} er tatt opp for {1}",
        KeyWaiting => "nøkkelen din {0} venter på møteleder",
        KeyNew => "nøkkelen din {0}",
        KeyUnusable => {
            "{0}; det du skriver blir ikke signert, og et sikret forum regner det ikke med"
        }
        KeyIsSomeoneElse => "nøkkelen din er tatt opp for {1}, så du skriver som {1}, ikke som {0}",
        NotFoundedUnsigned => {
            "Mappen har endringer fra før nøkler; forumet forblir åpent (usikret)."
        }
        Founded => "Forumet er sikret med nøkkelen din som møteleder. Ta opp andre med :admit.",
        MayNotKeyWaiting => "Nøkkelen din venter på møteleder (:admit); til da kan du bare lese.",
        MayNotWhoAreYou => {
            "Si hvem du er først, med :whoami: hva du kan gjøre avhenger av plassen din."
        }
        MayNotReviewer => "Du er leser her: du kan lese, ikke skrive.",
        MayNotChairOnly => "Bare møteleder eller referent kan gjøre det.",
        MayNotPartyOnly => "Bare en parts representant kan gjøre det, og bare for sin egen part.",
        AskedToJoin => "Du har bedt om opptak: les fingeravtrykket (:whoami) for møteleder.",
        NobodyAsked => "Ingen venter på å bli tatt opp.",
        Admitted => "Tatt opp",
        RequestsTitle => "Venter på opptak (Enter tar opp; sammenlign fingeravtrykket først)",
        CmdAdmit => "ta opp nøkler som venter (møteleder), eller bekreft din egen nye nøkkel",
        HjemmelOffList => "{0} er tatt av forumets liste over hjemler",
        HjemmelOnList => "{0} står på forumets liste over hjemler",
        HjemmelUnknown => "Ingen hjemmel {0} på forumets liste",
        HjemmelUsage => {
            ":hjemmel offl. § 14 | beskrivelse, eller :hjemmel -offl. § 14 for å ta den av"
        }
        CmdHjemmel => {
            "legg en hjemmel for unntatt offentlighet på forumets liste; -KORTFORM tar den av"
        }
        Ha20StartBy => "Start senest",
        Ha20TwoWeeks => "to uker etter kravet, HA § 20",
        Ha20Agreed => "frist avtalt av partene",
        Ha20Started => "Startet",
        Ha20EndBy => "Ferdig innen",
        Ha20OneWeek => "én uke etter start, om partene ikke avtaler annet",
        Ha20EndPassed => "Uken etter start er gått uten enighet eller konklusjon (HA § 20)",
        Ha20StartLate => "Startet etter fristen",
        FieldAgreedStart => "Avtalt startfrist",
        LateDocuments => "Sendt mindre enn {0} dager før møtet",
        LateDocumentsShort => "{0} dok. sendt sent",
        LateDocumentsNote => {
            "Dokumenter sendt mindre enn {0} dager før møtet (rimelig tid, HA § 20): {1}"
        }
        EndsAt => "Slutt",
        FieldEndTime => "Slutt (tt:mm)",
        MeetingAuthority => "Hjemmel",
        CaseNumber => "Saksnummer",
        DocumentNumber => "Dokumentnummer",
        Distribution => "Distribusjon",
        FieldDistribution => "Distribusjon (skill med ;)",
        NextMeeting => "Neste møte",
        FieldNextMeeting => "Neste møte (dato tt:mm)",
        Observers => "Observatører",
        OtherAttendees => "Andre",
        SubstituteTitle => "vara for {0}",
        FieldSubstituteName => "Vara (navn)",
        CmdDocDays => "dager før møtet dokumentene skal være sendt (standard 7)",
        VerifyFieldEndsAt => "slutt",
        VerifyFieldAuthority => "hjemmel",
        VerifyFieldCaseNumber => "saksnummer",
        VerifyFieldDocumentNumber => "dokumentnummer",
        VerifyFieldDistribution => "distribusjon",
        VerifyFieldNextMeeting => "neste møte",
        VerifyFieldAgreedStart => "avtalt frist for start",
        ArgDays => "DAGER",
        DocDaysNow => "Dokumenter skal nå være sendt {0} dager før møtet.",
        DocDaysFormat => "Skriv et antall dager, f.eks. :dokdager 7.",
        KeyMeetingInfo => "Møtedetaljer: godkjenningsrunden, endringsønsker, avstemninger",
        MeetingInfoTitle => "Møtedetaljer",
        NoCurrentItem => "Ingen gjeldende sak",
        SpeakersWaiting => "{0} venter",
        VoteOpenOn => "Avstemning i sak {0}",
        VotedBy => "stemt: {0}",
        NobodyVoted => "ingen har stemt",
        VoteByCount => "telles av møteleder",
        ChangesAsked => "Endringer (i)",
        MoreBelow => "↓ mer",
        MoreAbove => "↑ mer",
        HelpAgendaMarks => {
            "Tegn i dagsordenen: ● gjeldende sak · ¶ notater · ✓ konklusjon · ◆ standpunkt fra alle partene (◇ fra noen) · ⚠ konflikt i teksten · [Unntatt] unntatt offentlighet"
        }
        HelpStrip => {
            "Linjen under toppen: den gjeldende saken og tiden, hvem som har ordet og hvor mange som venter, åpne avstemninger og hvem som har stemt, endringer partene ber om i referatet (i viser hele teksten)."
        }
        OpenVotes => "Åpne avstemninger",
        AnswerOnEarlier => "gjelder tidligere innhold",
        NotInFormat => "dette dokumentet skrives ikke som {0}",
        PdfFailed => "PDF-en kunne ikke lages: {0}",
        ExportFailedWhy => "dokumentet kunne ikke skrives: {0}",
        PageOf => "Side {0} av {1}",
        NoticeWritten => "Innkallingen: {0} + .ics i {1}",
        PdfNeedsOutput => {
            "en PDF skrives ikke til terminalen: gi -o FIL (eller send den videre med |)"
        }
    }
}
