//! The phrase lists demo meetings are written from.

/// (topic, development areas it belongs to). Topics are lower case; titles capitalise.
pub const TOPICS: [(&str, &[&str]); 40] = [
    ("strategien for departementsfellesskapet", &["uo1", "uo2"]),
    ("samordning av administrative fellestjenester", &["uo3"]),
    ("tjenestetilbudet fra DSS", &["uo3"]),
    ("felles IKT-plattform for departementene", &["uo5"]),
    (
        "en felles tillitsvalgtordning på departementsfellesskapsnivå",
        &["uo1"],
    ),
    ("kompetanseprogrammet for saksbehandlere", &["uo4"]),
    ("lederutvikling i departementene", &["uo4"]),
    (
        "aktivitetsbaserte arbeidsplasser i nytt regjeringskvartal",
        &["uo5"],
    ),
    ("flyttingen til nytt regjeringskvartal", &["uo3", "uo5"]),
    ("hjemmekontor og fleksibelt arbeid", &["uo5"]),
    (
        "bruk av kunstig intelligens i saksbehandlingen",
        &["uo5", "uo2"],
    ),
    (
        "digital samhandling på tvers av departementene",
        &["uo1", "uo5"],
    ),
    ("medarbeiderundersøkelsen", &["uo4"]),
    ("budsjettet for fellestjenestene", &["uo3"]),
    ("strategisk framsyn og scenarioarbeid", &["uo2"]),
    ("tverrdepartementale prosjektgrupper", &["uo1"]),
    ("gevinstrealisering i fellestjenestene", &["uo3"]),
    (
        "karriereveier og mobilitet mellom departementene",
        &["uo4", "uo1"],
    ),
    ("informasjonssikkerhet og beredskap", &["uo5"]),
    ("sykefravær og inkluderende arbeidsliv", &[]),
    ("lokale lønnsforhandlinger", &[]),
    ("omstillingen i fellestjenestene", &["uo3"]),
    ("seniorpolitikken", &["uo4"]),
    ("likestilling og mangfold i rekrutteringen", &["uo4"]),
    ("arkiv og dokumenthåndtering", &["uo5"]),
    ("øvelser i krisehåndtering", &[]),
    ("årsplanen for kontaktgruppen", &[]),
    ("evalueringen av samarbeidsordningene", &["uo1"]),
    ("medvirkning i digitaliseringsprosjekter", &["uo5", "uo1"]),
    ("arbeidstid og overtid i budsjettperioden", &[]),
    (
        "tilrettelegging for ansatte med nedsatt funksjonsevne",
        &["uo4"],
    ),
    ("en felles rekrutteringsportal", &["uo3", "uo4"]),
    ("opplæring i klarspråk", &["uo4"]),
    ("utlån av ansatte mellom departementene", &["uo1", "uo4"]),
    (
        "samordning av høringer og departementsforeleggelser",
        &["uo1"],
    ),
    ("langtidsplanlegging 3–6 år frem i tid", &["uo2"]),
    ("HMS-handlingsplanen", &[]),
    ("varslingsrutinene", &[]),
    ("personvern og innsyn", &["uo5"]),
    ("omorganiseringen av DSS", &["uo3"]),
];

/// Topics that come up now and then: searches for them find a handful of meetings.
pub const RARE_TOPICS: [&str; 8] = [
    "sykkelparkering og garderober",
    "ventilasjonsanlegget i R5",
    "kantinetilbudet",
    "trimrommet i Akersgata",
    "parkeringsordningen",
    "æresprisen for godt arbeidsmiljø",
    "lydisoleringen av møterommene",
    "ordningen med julegavekort",
];

/// Raised under any other business once in a long while: a search for them finds a few
/// meetings in ten thousand.
pub const SELDOM: [&str; 8] = [
    "hjertestarteren i resepsjonen",
    "brannøvelsen i høyblokka",
    "bysykkelordningen",
    "sommeravslutningen på Bygdøy",
    "pensjonistforeningens årsmøte",
    "bedriftsidrettslaget",
    "Ærfuglprosjektet ved Svalbard-kontoret",
    "lånebøkene i biblioteket",
];

pub const CONFIDENTIAL_TOPICS: [&str; 4] = [
    "en personalsak i DSS",
    "sikkerhetsklarering av ansatte",
    "omplassering etter omorganiseringen",
    "en varslingssak",
];

pub const MINISTRIES: [&str; 16] = [
    "NFD", "JD", "FIN", "KD", "HOD", "UD", "KLD", "LMD", "SD", "ASD", "KUD", "FD", "BFD", "DSS",
    "SMK", "OED",
];

pub const PLACES: [&str; 6] = [
    "Akersgata 59, møterom 4",
    "R6, møterom Eidsvoll",
    "Teams",
    "Grubbegata 1, møterom Løvebakken",
    "Akersgata 59 og Teams",
    "Kongens gate 20, møterom 2",
];

pub const INFO_TITLES: [&str; 5] = [
    "Orientering om {t}",
    "Status for {t}",
    "Informasjon om {t}",
    "{t} – orientering",
    "{t} – status og videre arbeid",
];
pub const CONSULTATION_TITLES: [&str; 5] = [
    "Drøfting: {t}",
    "Drøfting av {t}",
    "{t}",
    "{t} – drøfting",
    "Utkast til retningslinjer for {t}",
];
pub const NEGOTIATION_TITLES: [&str; 4] = [
    "Forhandlinger om {t}",
    "Forhandling: {t}",
    "Tilpasningsavtale – {t}",
    "Avtale om {t}",
];

pub const BACKGROUND: [&str; 7] = [
    "KMD sendte et notat om {t} til organisasjonene sammen med innkallingen.",
    "Saken er satt opp etter ønske fra {p}.",
    "Bakgrunnen er arbeidet med utviklingsområde {o} i strategien.",
    "Saksdokumentene ble sendt ut en uke før møtet.",
    "Det vises til behandlingen av saken på et tidligere møte.",
    "Saken berører ansatte i alle departementene og i DSS.",
    "Forslaget har økonomiske konsekvenser for {d}.",
];
/// Background only for drøfting and forhandling.
pub const BACKGROUND_CASE: [&str; 3] = [
    "{p} har bedt om drøfting etter hovedavtalen § 18.",
    "Arbeidsgruppen har levert sin rapport, og KMD ønsker organisasjonenes syn før saken avgjøres.",
    "Det er satt av tid til en første gjennomgang; saken kommer tilbake til drøfting.",
];

pub const NOTES: [&str; 40] = [
    "KMD orienterte om {t}.",
    "KMD gikk gjennom hovedpunktene i notatet.",
    "{p} pekte på at de ansatte må involveres tidlig.",
    "{p} etterlyste en tydeligere plan for {t}.",
    "{p} stilte spørsmål ved om det er satt av nok ressurser.",
    "Partene var enige om at saken er viktig for hele departementsfellesskapet.",
    "Det ble stilt spørsmål om hvordan endringene påvirker arbeidsmiljøet.",
    "Hovedverneombudet minnet om at arbeidsmiljøloven gjelder fullt ut også i prosjektperioden.",
    "{p} viste til erfaringer fra {d}, der tilsvarende endringer ga økt arbeidspress.",
    "KMD svarte at tidsplanen ligger fast, men at det er rom for justeringer.",
    "Det ble enighet om å komme tilbake til saken når evalueringen foreligger.",
    "{p} understreket at medbestemmelsen må ivaretas på alle nivåer.",
    "Flere av organisasjonene mente at gevinstene ikke bare bør måles som innsparing.",
    "Organisasjonene ba om å få se kostnadsberegningene.",
    "Det ble vist til utviklingsområde {o} i strategien.",
    "KMD tar med seg innspillene i det videre arbeidet.",
    "{p} ønsket en skriftlig redegjørelse før neste møte.",
    "Ønsket om en partssammensatt arbeidsgruppe ble støttet av flere.",
    "Årsaken til forsinkelsen er at saken ikke er avklart med {d}.",
    "Økonomien i prosjektet er fortsatt usikker.",
    "{p} etterlyste ærlighet om usikkerheten i anslagene.",
    "Ærlige tilbakemeldinger fra de ansatte er avgjørende, sa {p}.",
    "Partene drøftet om tiltaket kan prøves ut i noen få departementer først.",
    "{p} advarte mot å sentralisere oppgaver uten en grundig konsekvensanalyse.",
    "KMD presiserte at saken ikke innebærer nedbemanning.",
    "Det ble opplyst at {n} ansatte berøres av endringen.",
    "Risiko- og sårbarhetsanalysen er ikke ferdig.",
    "Det er satt av midler i budsjettet for {y}.",
    "{p} mente at fristen er for kort til at lokale tillitsvalgte rekker å involveres.",
    "Erfaringene fra prøveprosjektet i {d} er i hovedsak gode.",
    "Det er behov for mer opplæring før løsningen tas i bruk.",
    "Spørsmålet om kompensasjon for økt reisetid er ikke avklart.",
    "Hovedverneombudet ba om en ROS-analyse av arbeidsmiljøet.",
    "KMD vil legge fram et revidert forslag på neste møte.",
    "{p} støttet hovedlinjene i forslaget, men ba om at de personalpolitiske konsekvensene utredes.",
    "Det kom fram ulike syn på hvor raskt endringene bør gjennomføres.",
    "Partene understreket at dialogen har vært god.",
    "Partene ble enige om å nedsette en arbeidsgruppe med representanter fra organisasjonene.",
    "Møtelederen oppsummerte diskusjonen.",
    "Omstillingsmidler ble nevnt som et mulig virkemiddel.",
];

pub const AGREE: [&str; 8] = [
    "Forslaget ivaretar de ansattes interesser på en god måte.",
    "Vi støtter forslaget, forutsatt at de ansatte involveres i gjennomføringen.",
    "Forslaget er i tråd med det organisasjonene har bedt om.",
    "Vi er enige, men ber om en evaluering etter ett år.",
    "Løsningen gir bedre kvalitet og mer forutsigbarhet for de ansatte.",
    "Vi slutter oss til forslaget slik det nå foreligger.",
    "Endringene styrker samarbeidet på tvers av departementene.",
    "Forslaget følger opp innspillene fra forrige møte.",
];
pub const DISAGREE: [&str; 9] = [
    "Forslaget svekker medbestemmelsen i departementsfellesskapet.",
    "Konsekvensene for de ansatte er ikke godt nok utredet.",
    "Tidsplanen er for stram til at de ansatte kan involveres på en forsvarlig måte.",
    "Vi kan ikke støtte en sentralisering som ikke er begrunnet i bedre kvalitet.",
    "Gevinstene måles bare som innsparing, ikke som bedre tjenester.",
    "Forslaget vil øke arbeidspresset i en allerede krevende periode.",
    "Organisasjonene er ikke trukket inn tidlig nok i prosessen.",
    "Vi mener saken må drøftes i hvert enkelt departement først.",
    "Økonomiske hensyn veier tyngre enn arbeidsmiljøet i forslaget.",
];
pub const TAKES_NOTE: [&str; 5] = [
    "Vi tar orienteringen til etterretning.",
    "Vi tar saken til orientering og kommer tilbake med innspill.",
    "Vi har ingen merknader nå, men følger saken videre.",
    "Vi ber om en ny status om et halvt år.",
    "Orienteringen tas til etterretning.",
];
pub const ABSTAINS: [&str; 4] = [
    "Vi avstår fordi saken ikke er ferdig utredet.",
    "Vi har ikke fått drøftet saken med medlemmene og avstår derfor.",
    "Vi avstår i påvente av den skriftlige redegjørelsen.",
    "Saken berører i liten grad våre medlemmer, og vi avstår.",
];

pub const INFO_CONCLUSIONS: [&str; 4] = [
    "Partene tok orienteringen til etterretning.",
    "Orienteringen ble tatt til etterretning. Saken følges opp på et senere møte.",
    "Saken ble tatt til orientering. KMD gir en ny status når arbeidet er kommet videre.",
    "Saken ble tatt til orientering.",
];
pub const CONSULTATION_CONCLUSIONS: [&str; 4] = [
    "Drøftingen er gjennomført. KMD tar innspillene med i det videre arbeidet.",
    "Partene er enige om hovedlinjene. KMD legger fram et endelig forslag på neste møte.",
    "KMD beslutter i tråd med forslaget etter at drøftingen er gjennomført.",
    "Drøftingen fortsetter på neste møte.",
];
pub const CONSULTATION_DISSENT: [&str; 2] = [
    "Drøftingen er gjennomført. {p} er uenig i forslaget, og uenigheten er protokollert.",
    "KMD beslutter i tråd med forslaget. {p} er uenig.",
];
pub const NEGOTIATION_AGREED: [&str; 3] = [
    "Partene kom til enighet om {t}. Protokollen signeres av partene.",
    "Det ble oppnådd enighet. Avtalen gjelder fra {y}.",
    "Partene ble enige, og avtalen signeres.",
];
pub const NEGOTIATION_DISAGREED: [&str; 2] = [
    "Partene kom ikke til enighet. {p} er uenig, og forhandlingene avsluttes med uenighet.",
    "Forhandlingene ble avsluttet uten enighet. {p} opprettholder sitt krav.",
];

pub const STATEMENTS: [&str; 6] = [
    "{p} mener at prosessen ikke har oppfylt kravene i hovedavtalen § 18.",
    "{p} ber om at det protokolleres at organisasjonene ikke har fått tid nok til å sette seg inn i saken.",
    "{p} tar forbehold om at saken tas opp igjen når konsekvensene for de ansatte er kjent.",
    "{p} viser til tidligere innspill og opprettholder sitt standpunkt.",
    "{p} forutsetter at ingen ansatte får endret arbeidsvilkårene sine uten drøftinger på forhånd.",
    "Økte krav til effektivitet må ikke gå ut over arbeidsmiljøet.",
];

pub const INPUTS: [&str; 9] = [
    "{p} foreslår en partssammensatt arbeidsgruppe for {t}.",
    "Samordning av administrative tjenester løser ikke alene gjenstridige problemer når det ikke frigjøres tid til samarbeid.",
    "Strategien må bidra til at kortsiktige politiske bestillinger ikke fortrenger det langsiktige arbeidet.",
    "Ansatte må få innflytelse over egen arbeidssituasjon, slik at kunnskapen deres blir brukt.",
    "Gevinster bør ikke bare måles som innsparing, men også som bedre kvalitet.",
    "Det bør avsettes ressurser og frigjøres tid til samarbeid om sektorovergripende utfordringer.",
    "Flere karrieremuligheter og mer profesjonell ledelse vil gjøre departementene mer attraktive.",
    "Vi ber om at erfaringene fra {d} brukes i det videre arbeidet.",
    "Opplæringen må skje i arbeidstiden og tilpasses fagmiljøene.",
];

pub const ACTIONS: [&str; 10] = [
    "KMD utarbeider et notat om {t} til neste møte",
    "Sette opp {t} som egen sak på et senere møte",
    "Innhente erfaringer fra {d} om {t}",
    "Organisasjonene sender skriftlige innspill om {t}",
    "KMD sender ut en oppdatert tidsplan for {t}",
    "Nedsette en partssammensatt arbeidsgruppe for {t}",
    "Gjennomføre en ROS-analyse av arbeidsmiljøet knyttet til {t}",
    "Avklare ressursbehovet for {t} med {d}",
    "Sende rapporten fra arbeidsgruppen til kontaktgruppen",
    "Vurdere opplæringstiltak i forbindelse med {t}",
];

pub const VOTE_QUESTIONS: [&str; 3] = [
    "Skal kontaktgruppen slutte seg til forslaget om {t}?",
    "Skal saken sendes tilbake til arbeidsgruppen?",
    "Skal forslaget fra {p} legges til grunn for det videre arbeidet?",
];

pub const DOCUMENTS: [&str; 4] = [
    "Notat: {t}",
    "Saksfremlegg: {t}",
    "Rapport fra arbeidsgruppen om {t}",
    "Høringsutkast: {t}",
];

pub const AREA_STATUS: [&str; 5] = [
    "Arbeidsgruppen for samordning er nedsatt, og de første forsøkene er i gang.",
    "Scenarioarbeidet er startet, med deltakere fra alle departementene.",
    "Prosjekt for felles administrative tjenester er startet i DSS.",
    "Kompetanseprogrammet er lagt ut, og de første kullene er i gang.",
    "Nye digitale samhandlingsverktøy prøves ut i tre departementer.",
];
