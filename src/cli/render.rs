//! `gradfield render`: draws the field, contours, arrows and descent paths to a PNG.

use super::RenderArgs;
use crate::error::{Error, Result};

pub fn run(_args: &RenderArgs) -> Result<()> {
    Err(Error::Input("render is being wired up".into()))
}
