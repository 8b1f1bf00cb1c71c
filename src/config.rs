//! The user's own settings, in the `directories` config folder (never in the data folder,
//! which may be shared).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// Every setting may be left out of the file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    pub lang: Option<Lang>,
    /// Who this user is: a person id of the forum, or a name.
    pub identity: Option<String>,
    pub mouse: bool,
    /// The private key (OpenSSH, ed25519) that signs this user's ops; default: `id_ed25519`
    /// beside this file, made on first use.
    pub key: Option<PathBuf>,
}

pub fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("no", "samrad", "samrad")
}

pub fn default_config_path() -> Option<PathBuf> {
    std::env::var_os("SAMRAD_CONFIG")
        .map(PathBuf::from)
        .or_else(|| project_dirs().map(|d| d.config_dir().join("config.json")))
}

/// The key samrad makes for a user who names none: beside the config file, never in the
/// data folder (which travels).
pub fn default_key_path() -> Option<PathBuf> {
    default_config_path().and_then(|p| p.parent().map(|d| d.join("id_ed25519")))
}

pub fn default_data_dir() -> Option<PathBuf> {
    project_dirs().map(|d| d.data_dir().to_path_buf())
}

/// Why a settings file was not used (said in words by `i18n::config_warning`).
#[derive(Debug, Clone, PartialEq)]
pub enum ConfigWarning {
    Invalid { path: PathBuf, error: String },
    Unreadable { path: PathBuf, error: String },
}

/// Read the config. A missing file is the default; a broken one is the default plus a
/// warning naming the file.
pub fn load(path: Option<&Path>) -> (Config, Option<ConfigWarning>) {
    let Some(path) = path else {
        return (Config::default(), None);
    };
    match std::fs::read(path) {
        Ok(bytes) => match serde_json::from_slice(&bytes) {
            Ok(c) => (c, None),
            Err(e) => (
                Config::default(),
                Some(ConfigWarning::Invalid {
                    path: path.to_path_buf(),
                    error: e.to_string(),
                }),
            ),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), None),
        Err(e) => (
            Config::default(),
            Some(ConfigWarning::Unreadable {
                path: path.to_path_buf(),
                error: e.to_string(),
            }),
        ),
    }
}

/// The language: the command line, then the config, then `LANG`.
pub fn choose_lang(flag: Option<Lang>, config: &Config, env_lang: Option<&str>) -> Lang {
    flag.or(config.lang)
        .unwrap_or_else(|| env_lang.map(Lang::from_locale).unwrap_or(Lang::En))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_beats_config_beats_lang_env() {
        let c = Config {
            lang: Some(Lang::En),
            ..Config::default()
        };
        assert_eq!(choose_lang(Some(Lang::Nb), &c, Some("en_US")), Lang::Nb);
        assert_eq!(choose_lang(None, &c, Some("nb_NO.UTF-8")), Lang::En);
        assert_eq!(
            choose_lang(None, &Config::default(), Some("nb_NO.UTF-8")),
            Lang::Nb
        );
        assert_eq!(choose_lang(None, &Config::default(), None), Lang::En);
    }
}
