//! `samrad demo-data`: a realistic synthetic archive, the same for the same seed.

use std::path::Path;

use anyhow::{Result, bail};

pub fn run(_root: &Path, _meetings: usize, _seed: u64) -> Result<()> {
    bail!("demo-data is not built yet")
}
