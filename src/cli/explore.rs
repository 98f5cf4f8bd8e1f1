//! `gradfield explore` (and `gradfield` alone): the interactive explorer.

use super::ExploreArgs;
use crate::error::{Error, Result};

pub fn run(_args: &ExploreArgs) -> Result<()> {
    Err(Error::Input(
        "the explorer is not built yet; use `gradfield render`".into(),
    ))
}
