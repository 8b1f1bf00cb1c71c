//! The house rules of `src/`, checked: no import loops between files, no import from a
//! lower layer to a higher one, and no long file without a reason at its top. The layers
//! are drawn in docs/ARCHITECTURE.md.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Lower numbers are lower layers: a file may use its own layer and those below.
const LAYERS: &[(&str, u8)] = &[
    ("model", 0),
    ("store", 1),
    ("search", 2),
    ("i18n", 2),
    ("export", 2),
    ("verify", 2),
    ("config", 2),
    ("demo", 2),
    ("demo_data", 2),
    ("sync", 2),
    ("memory", 2),
    ("app", 3),
    ("ui", 4),
    ("runtime", 4),
    ("tui", 5),
    ("cli", 6),
];

/// A file longer than this says at its top why (a `//!` line starting "Long:").
const LONG_FILE: usize = 650;
/// The app's dispatcher stays short: features live in their own modules.
const DISPATCH_MAX: usize = 400;

struct Source {
    /// Module path, e.g. ["app", "update"]; empty for lib.rs.
    module: Vec<String>,
    text: String,
}

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn sources() -> BTreeMap<PathBuf, Source> {
    let mut out = BTreeMap::new();
    let mut stack = vec![src_dir()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(src_dir()).expect("under src");
            let mut module: Vec<String> = rel
                .with_extension("")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if module
                .last()
                .is_some_and(|m| m == "mod" || m == "lib" || m == "main")
            {
                module.pop();
            }
            let text = std::fs::read_to_string(&path).expect("read source");
            out.insert(rel.to_path_buf(), Source { module, text });
        }
    }
    out
}

/// The code of a file without comments and without its test module (which may use
/// anything of the file's own).
fn code_of(text: &str) -> String {
    let end = text.find("#[cfg(test)]\nmod ").unwrap_or(text.len());
    text[..end]
        .lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Expand a use tree such as `crate::a::{b, c::{d, e}}` into its paths.
fn expand(tree: &str, prefix: &str, out: &mut Vec<String>) {
    let tree = tree.trim();
    match tree.find('{') {
        None => {
            let path = tree.split(" as ").next().unwrap_or(tree).trim();
            if !path.is_empty() {
                out.push(format!("{prefix}{path}"));
            }
        }
        Some(open) => {
            let head = &tree[..open];
            let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
            let mut depth = 0;
            let mut start = 0;
            let mut parts = Vec::new();
            for (i, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        parts.push(&inner[start..i]);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            parts.push(&inner[start..]);
            for p in parts {
                let p = p.trim();
                if p == "self" {
                    out.push(format!("{prefix}{}", head.trim_end_matches("::")));
                } else if !p.is_empty() {
                    expand(p, &format!("{prefix}{head}"), out);
                }
            }
        }
    }
}

/// The modules a file declares (`mod x;`): paths starting with them lead into its children.
fn child_modules(code: &str) -> Vec<String> {
    code.lines()
        .filter_map(|l| {
            let (_, t) = visibility(l);
            let name = t.strip_prefix("mod ")?.strip_suffix(';')?;
            Some(name.trim().to_string())
        })
        .collect()
}

/// A line without its visibility (`pub`, `pub(crate)` …), and whether it had one.
fn visibility(line: &str) -> (bool, &str) {
    let t = line.trim_start();
    match t.strip_prefix("pub(") {
        Some(r) => (true, r.split_once(") ").map(|(_, r)| r).unwrap_or(r)),
        None => match t.strip_prefix("pub ") {
            Some(r) => (true, r),
            None => (false, t),
        },
    }
}

/// Each `use` statement of the code: whether it is `pub` (a re-export), and its tree on
/// one line.
fn use_statements(code: &str) -> Vec<(bool, String)> {
    let lines: Vec<&str> = code.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let (public, t) = visibility(line);
        let Some(t) = t.strip_prefix("use ") else {
            continue;
        };
        let rest = std::iter::once(t)
            .chain(lines[i + 1..].iter().copied())
            .collect::<Vec<_>>()
            .join(" ");
        let tree = rest.split(';').next().unwrap_or("");
        out.push((
            public,
            tree.split_whitespace().collect::<Vec<_>>().join(" "),
        ));
    }
    out
}

/// Where paths beginning with `start` stand in the code (not inside a longer name or path):
/// their start and end.
fn path_starts(code: &str, start: &str) -> Vec<(usize, usize)> {
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = code[from..].find(start) {
        let at = from + i;
        from = at + start.len();
        let glued = at > 0
            && (bytes[at - 1].is_ascii_alphanumeric()
                || bytes[at - 1] == b'_'
                || bytes[at - 1] == b':');
        if glued {
            continue;
        }
        let end = code[at..]
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .map(|e| at + e)
            .unwrap_or(code.len());
        out.push((at, end));
    }
    out
}

/// Every path the code names that starts at `crate`, `super`, `self` or a child module.
fn paths_in(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (_, tree) in use_statements(code) {
        expand(&tree, "", &mut out);
    }
    for start in ["crate::", "super::", "self::"] {
        for (at, end) in path_starts(code, start) {
            // `use a::{…}` trees are read whole by `use_statements`.
            if !code[at..end].ends_with("::") {
                out.push(code[at..end].to_string());
            }
        }
    }
    let children = child_modules(code);
    for child in &children {
        if !path_starts(code, &format!("{child}::")).is_empty() {
            out.push(format!("self::{child}"));
        }
    }
    out.iter_mut().for_each(|p| {
        let head = p.split("::").next().unwrap_or("");
        if children.iter().any(|c| c == head) {
            *p = format!("self::{p}");
        }
    });
    out.retain(|p| p.starts_with("crate") || p.starts_with("super") || p.starts_with("self"));
    out
}

/// A path as absolute module segments, seen from module `from`; `None` for a path outside
/// the crate.
fn absolute(from: &[String], path: &str, children: &[String]) -> Option<Vec<String>> {
    let mut segs: Vec<String> = Vec::new();
    let mut parts = path.split("::").peekable();
    let head = *parts.peek()?;
    match head {
        "crate" => {
            parts.next();
        }
        "self" => {
            parts.next();
            segs.extend(from.iter().cloned());
        }
        "super" => {
            segs.extend(from.iter().cloned());
            while parts.peek() == Some(&"super") {
                parts.next();
                segs.pop();
            }
        }
        child if children.iter().any(|c| c == child) => segs.extend(from.iter().cloned()),
        _ => return None,
    }
    segs.extend(parts.map(str::to_string));
    Some(segs)
}

struct Crate {
    files: BTreeMap<Vec<String>, PathBuf>,
    /// Per module: names it re-exports (`pub use`), to the absolute path they stand for.
    reexports: BTreeMap<Vec<String>, BTreeMap<String, Vec<String>>>,
}

impl Crate {
    /// The file a path leads to: the deepest module of it that is a file of `src/`, and
    /// through that module's re-exports to the file that defines the name.
    fn resolve(&self, segs: &[String], depth: u8) -> Option<PathBuf> {
        let n = (0..=segs.len())
            .rev()
            .find(|n| self.files.contains_key(&segs[..*n]))?;
        if depth < 8
            && let Some(name) = segs.get(n)
            && let Some(target) = self.reexports.get(&segs[..n]).and_then(|r| r.get(name))
        {
            let mut next = target.clone();
            next.extend(segs[n + 1..].iter().cloned());
            return self.resolve(&next, depth + 1);
        }
        self.files.get(&segs[..n]).cloned()
    }
}

fn graph() -> (
    BTreeMap<PathBuf, Source>,
    BTreeMap<PathBuf, BTreeSet<PathBuf>>,
) {
    let sources = sources();
    let files: BTreeMap<Vec<String>, PathBuf> = sources
        .iter()
        .filter(|(p, _)| !p.ends_with("main.rs"))
        .map(|(p, s)| (s.module.clone(), p.clone()))
        .collect();
    let mut reexports = BTreeMap::new();
    for src in sources.values() {
        let code = code_of(&src.text);
        let children = child_modules(&code);
        let mut names = BTreeMap::new();
        for (_, tree) in use_statements(&code)
            .into_iter()
            .filter(|(public, _)| *public)
        {
            let mut paths = Vec::new();
            expand(&tree, "", &mut paths);
            for p in paths {
                let name = p.rsplit("::").next().unwrap_or("").to_string();
                if let Some(abs) = absolute(&src.module, &p, &children) {
                    names.insert(name, abs);
                }
            }
        }
        reexports.insert(src.module.clone(), names);
    }
    let krate = Crate { files, reexports };
    let mut edges: BTreeMap<PathBuf, BTreeSet<PathBuf>> = BTreeMap::new();
    for (path, src) in &sources {
        let code = code_of(&src.text);
        let children = child_modules(&code);
        let set = edges.entry(path.clone()).or_default();
        for p in paths_in(&code) {
            if let Some(to) =
                absolute(&src.module, &p, &children).and_then(|s| krate.resolve(&s, 0))
                && &to != path
                && !to.ends_with("lib.rs")
            {
                set.insert(to);
            }
        }
    }
    (sources, edges)
}

fn layer(path: &Path) -> Option<(String, u8)> {
    let top = path
        .components()
        .next()?
        .as_os_str()
        .to_string_lossy()
        .trim_end_matches(".rs")
        .to_string();
    LAYERS
        .iter()
        .find(|(name, _)| *name == top)
        .map(|(name, n)| (name.to_string(), *n))
}

#[test]
fn no_file_imports_from_a_higher_layer() {
    let (_, edges) = graph();
    let mut wrong = Vec::new();
    for (from, tos) in &edges {
        let Some((fname, fl)) = layer(from) else {
            continue;
        };
        for to in tos {
            if let Some((tname, tl)) = layer(to)
                && tl > fl
            {
                wrong.push(format!(
                    "{} ({fname}, layer {fl}) uses {} ({tname}, layer {tl})",
                    from.display(),
                    to.display()
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "imports going up:\n{}", wrong.join("\n"));
}

#[test]
fn every_top_level_module_has_a_layer() {
    let (sources, _) = graph();
    let tops: BTreeSet<String> = sources
        .keys()
        .filter(|p| !p.ends_with("lib.rs") && !p.ends_with("main.rs"))
        .filter_map(|p| p.components().next())
        .map(|c| {
            c.as_os_str()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_string()
        })
        .collect();
    for top in tops {
        assert!(
            LAYERS.iter().any(|(n, _)| *n == top),
            "src/{top} has no layer: add it to LAYERS and to docs/ARCHITECTURE.md"
        );
    }
}

/// Strongly connected components of more than one file (Tarjan).
fn loops(edges: &BTreeMap<PathBuf, BTreeSet<PathBuf>>) -> Vec<Vec<PathBuf>> {
    struct T<'a> {
        edges: &'a BTreeMap<PathBuf, BTreeSet<PathBuf>>,
        index: BTreeMap<&'a PathBuf, usize>,
        low: BTreeMap<&'a PathBuf, usize>,
        stack: Vec<&'a PathBuf>,
        on: BTreeSet<&'a PathBuf>,
        next: usize,
        out: Vec<Vec<PathBuf>>,
    }
    fn visit<'a>(t: &mut T<'a>, v: &'a PathBuf) {
        t.index.insert(v, t.next);
        t.low.insert(v, t.next);
        t.next += 1;
        t.stack.push(v);
        t.on.insert(v);
        if let Some(tos) = t.edges.get(v) {
            for w in tos {
                let Some((w, _)) = t.edges.get_key_value(w) else {
                    continue;
                };
                if !t.index.contains_key(w) {
                    visit(t, w);
                    let lw = t.low[w];
                    let lv = t.low[v];
                    t.low.insert(v, lv.min(lw));
                } else if t.on.contains(w) {
                    let iw = t.index[w];
                    let lv = t.low[v];
                    t.low.insert(v, lv.min(iw));
                }
            }
        }
        if t.low[v] == t.index[v] {
            let mut comp = Vec::new();
            while let Some(w) = t.stack.pop() {
                t.on.remove(w);
                comp.push(w.clone());
                if w == v {
                    break;
                }
            }
            if comp.len() > 1 {
                comp.sort();
                t.out.push(comp);
            }
        }
    }
    let mut t = T {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in edges.keys() {
        if !t.index.contains_key(v) {
            visit(&mut t, v);
        }
    }
    t.out
}

#[test]
fn no_import_loops_between_files() {
    let (_, edges) = graph();
    let found = loops(&edges);
    let text: Vec<String> = found
        .iter()
        .map(|c| {
            c.iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(" ⇄ ")
        })
        .collect();
    assert!(found.is_empty(), "import loops:\n{}", text.join("\n"));
}

#[test]
fn the_checker_sees_loops_and_layers() {
    let mut edges = BTreeMap::new();
    let (a, b, c) = (
        PathBuf::from("app/a.rs"),
        PathBuf::from("app/b.rs"),
        PathBuf::from("app/c.rs"),
    );
    edges.insert(a.clone(), BTreeSet::from([b.clone()]));
    edges.insert(b.clone(), BTreeSet::from([c.clone()]));
    edges.insert(c.clone(), BTreeSet::from([a.clone()]));
    assert_eq!(loops(&edges), vec![vec![a.clone(), b.clone(), c.clone()]]);
    edges.insert(c.clone(), BTreeSet::new());
    assert!(loops(&edges).is_empty());
    let mut paths = Vec::new();
    expand(
        "super::{action::{Action, Effect}, state::App as S, self}",
        "",
        &mut paths,
    );
    assert_eq!(
        paths,
        [
            "super::action::Action",
            "super::action::Effect",
            "super::state::App",
            "super"
        ]
    );
    assert_eq!(layer(Path::new("ui/detail.rs")), Some(("ui".into(), 4)));
}

#[test]
fn long_files_say_why_at_their_top() {
    let (sources, _) = graph();
    let mut unexplained = Vec::new();
    for (path, src) in &sources {
        let lines = src.text.lines().count();
        let says_why = src
            .text
            .lines()
            .take_while(|l| l.starts_with("//!") || l.trim().is_empty())
            .any(|l| l.trim_start_matches("//!").trim().starts_with("Long:"));
        if lines > LONG_FILE && !says_why {
            unexplained.push(format!("{} ({lines} lines)", path.display()));
        }
    }
    assert!(
        unexplained.is_empty(),
        "over {LONG_FILE} lines with no `//! Long: …` at the top:\n{}",
        unexplained.join("\n")
    );
}

#[test]
fn the_apps_dispatcher_is_short() {
    let (sources, _) = graph();
    let update = sources
        .get(Path::new("app/update.rs"))
        .expect("src/app/update.rs dispatches actions");
    let lines = update.text.lines().count();
    assert!(
        lines < DISPATCH_MAX,
        "app/update.rs has {lines} lines; features belong in their own modules"
    );
}

/// `ARCH_DUMP=1 cargo test --test architecture dump -- --nocapture` prints every edge.
#[test]
fn dump() {
    if std::env::var_os("ARCH_DUMP").is_none() {
        return;
    }
    let (_, edges) = graph();
    for (from, tos) in edges {
        for to in tos {
            println!("{} -> {}", from.display(), to.display());
        }
    }
}

/// Drawing is a function of the app's state: nothing under src/ui reads a file (texts it
/// shows are read in by the runtime, off the draw path).
#[test]
fn the_ui_reads_no_files() {
    let (sources, _) = graph();
    for (path, src) in &sources {
        if !path.starts_with("ui") {
            continue;
        }
        let code = code_of(&src.text);
        for needle in [
            "std::fs",
            "File::",
            "doc_text",
            "read_to_string",
            "std::io::Read",
        ] {
            assert!(
                !code.contains(needle),
                "{} uses {needle}: drawing must read only the app's state",
                path.display()
            );
        }
    }
}
