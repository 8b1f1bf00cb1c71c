//! `samrad search` from the word index on disk (`index/words.bin`) finds exactly what the
//! scan of every text finds: on demo archives, for whole words, parts of words, several
//! words, capitals and Norwegian letters, with and without `--include-confidential`; and
//! through the binary, line for line, also after meeting logs were removed or copied in
//! behind samrad's back.

mod common;

use std::path::Path;

use common::R;
use common::sandbox::Sandbox;
use samrad::search::{self, Filter};
use samrad::store::Layout;
use samrad::store::archive::{Archive, Words};

/// Queries from the archive's own words: whole, cut short, a middle part, in capitals,
/// two at once, and some that occur nowhere.
fn queries(a: &Archive) -> Vec<String> {
    let mut vocab = search::query_words(&a.text);
    vocab.sort();
    vocab.dedup();
    let mut out = vec![
        "ærlig".to_string(),
        "ØVRIGE".to_string(),
        "nosuchwordanywhere".to_string(),
        "å".to_string(),
        "\"kompetanse\" partene".to_string(),
    ];
    for (i, w) in vocab.iter().enumerate().step_by(7) {
        let chars: Vec<char> = w.chars().collect();
        out.push(w.clone());
        out.push(w.to_uppercase());
        if chars.len() > 4 {
            out.push(chars[1..chars.len() - 1].iter().collect());
            out.push(chars[..3].iter().collect());
        }
        if let Some(other) = vocab.get((i * 31 + 5) % vocab.len()) {
            out.push(format!("{w} {other}"));
        }
    }
    out
}

#[test]
fn the_word_index_on_disk_finds_what_the_scan_finds() -> R {
    for seed in [3, 11] {
        let dir = tempfile::tempdir()?;
        let root = dir.path();
        samrad::demo_data::run(root, 40, seed)?;
        let layout = Layout::new(root);
        let (mut a, _) = Archive::open(&layout);
        if a.text.is_empty() {
            a.load_text(root)?;
        }
        let words = Words::open(&layout).ok_or("the word index is written with the archive")?;
        let view = words.view().ok_or("the word index reads back")?;
        let qs = queries(&a);
        assert!(qs.len() > 100, "{} queries", qs.len());
        let mut confidential_only = 0;
        for q in &qs {
            for public in [true, false] {
                let f = Filter {
                    public,
                    ..Filter::default()
                };
                assert_eq!(
                    search::scan_words(&view, q, public),
                    search::scan(&a, q, &f),
                    "seed {seed}, query {q:?}, public {public}"
                );
            }
            let all = search::scan(&a, q, &Filter::default()).len();
            let public = search::scan(
                &a,
                q,
                &Filter {
                    public: true,
                    ..Filter::default()
                },
            );
            confidential_only += all - public.len();
        }
        assert!(
            confidential_only > 0,
            "the demo archive has texts unntatt offentlighet among the hits"
        );
    }
    Ok(())
}

/// `samrad search` as the user sees it: stdout and stderr, plain and JSON.
fn searches(s: &Sandbox, word: &str) -> Vec<(String, String)> {
    [
        &["search", word][..],
        &["search", "--json", word],
        &["search", word, "--include-confidential"],
    ]
    .iter()
    .map(|args| {
        let run = s.run(args);
        run.ok();
        (run.stdout.clone(), run.stderr.clone())
    })
    .collect()
}

/// The same searches without the word index: the archive is opened and every text scanned.
fn searches_by_scan(s: &Sandbox, word: &str) -> Vec<(String, String)> {
    let index = s.data.join("index");
    for name in ["words.bin", "words.bin.mine"] {
        let _ = std::fs::remove_file(index.join(name));
    }
    let out = searches(s, word);
    assert!(
        !index.join("words.bin").exists(),
        "the scan found the archive fresh and wrote nothing"
    );
    out
}

fn meeting_ids(json: &str) -> Vec<String> {
    json.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["meeting"].as_str().map(str::to_string))
        .collect()
}

fn copy_dir(from: &Path, to: &Path) -> R {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        std::fs::copy(entry.path(), to.join(entry.file_name()))?;
    }
    Ok(())
}

#[test]
fn search_prints_the_same_lines_from_the_word_index_also_after_logs_change_behind_its_back() -> R {
    let s = Sandbox::new();
    s.run(&["demo-data", "--meetings", "25", "--seed", "5"])
        .ok();
    s.run(&["list"]).ok();
    let word = "partene";
    let index = s.data.join("index").join("words.bin");
    assert!(index.exists(), "the word index is written with the archive");
    let fast = searches(&s, word);
    assert!(fast[0].0.lines().count() > 10, "{}", fast[0].0);
    assert_eq!(fast, searches_by_scan(&s, word));

    // A meeting's logs removed (a checkout of an older state, say), unknown to samrad.
    s.run(&["list"]).ok();
    let gone = meeting_ids(&fast[1].0)
        .into_iter()
        .next()
        .ok_or("a hit in a meeting")?;
    std::fs::remove_dir_all(s.data.join("log").join(&gone))?;
    let after = searches(&s, word);
    assert!(
        !meeting_ids(&after[1].0).contains(&gone),
        "hits in a meeting whose logs are gone"
    );
    assert_eq!(after, searches_by_scan(&s, word));

    // A meeting's logs copied in from another data folder, as a sync brings them.
    s.run(&["list"]).ok();
    let other = Sandbox::new();
    other
        .run(&["demo-data", "--meetings", "3", "--seed", "9"])
        .ok();
    let theirs = other.run(&["search", "--json", word]).ok().to_string();
    let new = meeting_ids(&theirs)
        .into_iter()
        .find(|id| !s.data.join("log").join(id).exists())
        .ok_or("a hit in a meeting of the other folder only")?;
    copy_dir(
        &other.data.join("log").join(&new),
        &s.data.join("log").join(&new),
    )?;
    let after = searches(&s, word);
    assert!(
        meeting_ids(&after[1].0).contains(&new),
        "the meeting copied in is searched"
    );
    assert_eq!(after, searches_by_scan(&s, word));
    Ok(())
}
