//! samrad: co-determination meetings in the terminal.

pub mod model;
