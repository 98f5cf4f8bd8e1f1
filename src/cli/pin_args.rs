//! The pin's flags, shared by `render` (with `--3d`) and `explore`: `--pin X,Y` and
//! `--direction DEG`, checked as a scene's `[pin]` is, and put into the document.

use super::args::{parse_direction, parse_point};

/// The pin, for `render --3d` and `explore`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct PinArgs {
    /// Pin a point X,Y: the two slices through it with their tangent lines and slopes, ∇f and
    /// the directional derivative there (`render` draws them on the surface, with --3d).
    #[arg(long, value_name = "X,Y", allow_hyphen_values = true, value_parser = parse_point)]
    pub pin: Option<(f64, f64)>,
    /// With --pin: the direction u of the directional derivative, in degrees from +x
    /// [default: 45].
    #[arg(
        long,
        value_name = "DEG",
        allow_negative_numbers = true,
        requires = "pin",
        value_parser = parse_direction
    )]
    pub direction: Option<f64>,
}

impl PinArgs {
    /// The pin and its direction (degrees) into `doc`.
    pub(crate) fn apply(&self, doc: &mut crate::document::Document) {
        if let Some(p) = self.pin {
            doc.set_pin(p);
        }
        if let Some(deg) = self.direction {
            doc.set_direction(deg.to_radians());
        }
    }
}
