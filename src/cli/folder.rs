//! Whether the data folder holds samrad data: the commands that read need it to, and make
//! nothing when it does not (a mistyped `--data-dir` must not become a new forum); `init`
//! needs it not to, and overwrites nothing.

use std::path::Path;

use anyhow::{Result, anyhow, bail};

use crate::i18n::{self, Lang, Msg};
use crate::store::{Layout, StoreError};

/// An error naming `root` unless it holds samrad data, saying how to make it.
pub fn require_data(root: &Path, lang: Lang) -> Result<()> {
    let hint = shell_word(&root.display().to_string());
    match holds_data(root, lang)? {
        Some(true) => Ok(()),
        Some(false) => bail!(
            "{}",
            lang.fill(Msg::NoSamradData, &[&root.display(), &hint])
        ),
        None => bail!(
            "{}",
            lang.fill(Msg::NoDataFolder, &[&root.display(), &hint])
        ),
    }
}

/// An error naming `root` if it holds samrad data already (or is not a folder).
pub fn refuse_data(root: &Path, lang: Lang) -> Result<()> {
    match holds_data(root, lang)? {
        Some(true) => bail!("{}", lang.fill(Msg::InitHasData, &[&root.display()])),
        Some(false) | None => Ok(()),
    }
}

/// Whether the folder at `root` holds samrad data; `None` when there is no such folder.
fn holds_data(root: &Path, lang: Lang) -> Result<Option<bool>> {
    let say = |e: StoreError| anyhow!("{}", i18n::store_error(lang, &e));
    match std::fs::metadata(root) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(say(StoreError::Io {
                path: root.to_path_buf(),
                source,
            }));
        }
        Ok(meta) if !meta.is_dir() => return Err(say(StoreError::NotAFolder(root.to_path_buf()))),
        Ok(_) => {}
    }
    let layout = Layout::new(root);
    layout.holds_data().map(Some).map_err(|source| {
        say(StoreError::Io {
            path: layout.log_root(),
            source,
        })
    })
}

/// `text` as one word for a POSIX shell: as it is when that is safe, else in single quotes.
fn shell_word(text: &str) -> String {
    let plain = |c: char| c.is_alphanumeric() || "/._-+,:@=".contains(c);
    if !text.is_empty() && text.chars().all(plain) {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::shell_word;

    #[test]
    fn a_path_is_quoted_only_when_a_shell_would_split_or_expand_it() {
        assert_eq!(shell_word("/home/kari/samrad"), "/home/kari/samrad");
        assert_eq!(shell_word("/tmp/møter 2026"), "'/tmp/møter 2026'");
        assert_eq!(shell_word("it's"), r"'it'\''s'");
        assert_eq!(shell_word("$HOME"), "'$HOME'");
    }
}
