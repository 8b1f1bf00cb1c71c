//! The `samrad` binary run on a private temporary home. Every run sets `LANG`, `HOME` and
//! `SAMRAD_CONFIG` (a path in the sandbox) and removes `SAMRAD_DATA_DIR`, so the user's own
//! settings and data are never read.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use super::TEMPLATE_MEETING;
use super::files::contents;

pub const NB: &str = "nb_NO.UTF-8";

/// A temporary home: `data/` is the data folder (not created until samrad runs),
/// `config.json` the settings file (absent unless a test or samrad writes it).
pub struct Sandbox {
    pub tmp: tempfile::TempDir,
    pub data: PathBuf,
    pub config: PathBuf,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let tmp = tempfile::tempdir().expect("temp dir");
        let data = tmp.path().join("data");
        let config = tmp.path().join("config.json");
        Sandbox { tmp, data, config }
    }

    /// A sandbox whose data folder `samrad init` has made and seeded with the template.
    pub fn seeded() -> Sandbox {
        let s = Sandbox::new();
        s.init();
        s
    }

    /// `samrad init` on the data folder; it must succeed.
    pub fn init(&self) {
        self.run(&["init"]).ok();
    }

    pub fn home(&self) -> &Path {
        self.tmp.path()
    }

    /// `samrad --data-dir <data> <args>` with `LANG=nb_NO.UTF-8`.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_lang(NB, args)
    }

    /// `samrad --data-dir <data> <args>` with `LANG` set to `lang`.
    pub fn run_lang(&self, lang: &str, args: &[&str]) -> Run {
        self.run_in(&self.data, lang, args)
    }

    /// `samrad --data-dir <dir> <args>` with `LANG` set to `lang`.
    pub fn run_in(&self, dir: &Path, lang: &str, args: &[&str]) -> Run {
        let mut cmd = self.command(lang);
        cmd.arg("--data-dir").arg(dir).args(args);
        Run::new(args, cmd.output().expect("run samrad"))
    }

    /// `samrad --data-dir <data> <args>` run in the folder `cwd`, in English.
    pub fn run_from(&self, cwd: &Path, args: &[&str]) -> Run {
        let mut cmd = self.command("en_US.UTF-8");
        cmd.arg("--data-dir")
            .arg(&self.data)
            .args(args)
            .current_dir(cwd);
        Run::new(args, cmd.output().expect("run samrad"))
    }

    /// `samrad <args>` with no `--data-dir`, in English: on the default data folder, which
    /// is inside the sandbox's home.
    pub fn run_on_default(&self, args: &[&str]) -> Run {
        let mut cmd = self.command("en_US.UTF-8");
        cmd.env("XDG_DATA_HOME", self.home().join("xdg")).args(args);
        Run::new(args, cmd.output().expect("run samrad"))
    }

    /// samrad with the sandbox's settings, home and clock, and `LANG` set to `lang`.
    fn command(&self, lang: &str) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_samrad"));
        cmd.env("LANG", lang)
            .env("SAMRAD_CONFIG", &self.config)
            .env("HOME", self.home())
            .env("USER", "testbruker")
            .env("SAMRAD_NOW", super::READER_NOW)
            .env_remove("SAMRAD_DATA_DIR")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES");
        cmd
    }

    /// Every file under `data/log`, relative path to bytes.
    pub fn log_files(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        contents(&self.data.join("log"))
    }

    /// Every file under `data/minutes`, relative path to bytes.
    pub fn minutes_files(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        contents(&self.data.join("minutes"))
    }

    /// The template meeting's minutes file.
    pub fn minutes_path(&self) -> PathBuf {
        self.data
            .join("minutes")
            .join(format!("{TEMPLATE_MEETING}.json"))
    }
}

/// What one run of samrad did.
pub struct Run {
    what: String,
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn new(args: &[&str], o: Output) -> Run {
        Run {
            what: format!("samrad {}", args.join(" ")),
            code: o.status.code(),
            stdout: String::from_utf8(o.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(o.stderr).expect("stderr is UTF-8"),
        }
    }

    pub fn describe(&self) -> String {
        format!(
            "{}: exit {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.what, self.code, self.stdout, self.stderr
        )
    }

    /// Exit 0, no panic; returns stdout.
    pub fn ok(&self) -> &str {
        assert_eq!(self.code, Some(0), "expected success\n{}", self.describe());
        self.no_panic();
        &self.stdout
    }

    /// A non-zero exit with nothing on stdout and no panic; returns stderr.
    pub fn fails(&self) -> &str {
        assert!(
            matches!(self.code, Some(c) if c != 0),
            "expected failure\n{}",
            self.describe()
        );
        assert!(
            self.stdout.is_empty(),
            "an error writes nothing to stdout\n{}",
            self.describe()
        );
        assert!(
            !self.stderr.trim().is_empty(),
            "an error says why\n{}",
            self.describe()
        );
        self.no_panic();
        &self.stderr
    }

    pub fn no_panic(&self) {
        for text in [&self.stdout, &self.stderr] {
            assert!(
                !text.contains("panicked")
                    && !text.contains("internal error")
                    && !text.contains("RUST_BACKTRACE"),
                "panic\n{}",
                self.describe()
            );
        }
    }

    /// Exit `code`, no panic, and every needle in stdout.
    pub fn says(&self, code: i32, needles: &[&str]) -> &Run {
        self.no_panic();
        assert_eq!(self.code, Some(code), "exit code\n{}", self.describe());
        for n in needles {
            assert!(
                self.stdout.contains(n),
                "expected {n:?} in the output\n{}",
                self.describe()
            );
        }
        self
    }

    /// None of the needles in stdout.
    pub fn lacks(&self, needles: &[&str]) -> &Run {
        for n in needles {
            assert!(
                !self.stdout.contains(n),
                "did not expect {n:?}\n{}",
                self.describe()
            );
        }
        self
    }
}
