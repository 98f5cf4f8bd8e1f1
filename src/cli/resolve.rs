//! The function a command shows, from EXPR or `--preset` (a data loss from `--data` is read by
//! `symbols::resolve_args`), and the view it is shown in unless one is given.

use super::messages;
use crate::error::{Error, Result};
use crate::expr::Function;
use crate::presets::Preset;

/// A function from the command line with the preset it came from, if any, and for a data
/// loss where its data came from.
pub(crate) struct Resolved {
    pub function: Function,
    pub preset: Option<&'static Preset>,
    pub data: Option<crate::fit::DataSource>,
}

/// Reads the function from EXPR or --preset.
pub(crate) fn resolve(expr: Option<&str>, preset: Option<&str>) -> Result<Resolved> {
    match (expr, preset) {
        (Some(text), _) => Ok(Resolved {
            function: Function::parse(text).map_err(|p| messages::expression_error(text, &p))?,
            preset: None,
            data: None,
        }),
        (None, Some(name)) => {
            let preset = crate::presets::find(name)?;
            Ok(Resolved {
                function: preset.function()?,
                preset: Some(preset),
                data: preset.data_source(),
            })
        }
        (None, None) => Err(Error::Input(
            "no function: give an expression such as \"x^2 + y^2\", --preset NAME or \
             --data FILE.csv"
                .into(),
        )),
    }
}

/// The view a command uses: the one given, else the preset's, else around a data loss's
/// minimum, else [-3, 3] × [-3, 3].
pub(crate) fn view_or_default(view: Option<crate::View>, r: &Resolved) -> crate::View {
    let data_view = || {
        let (data, source) = (r.function.data()?, r.data.as_ref()?);
        let [x0, x1, y0, y1] = crate::fit::home_view(source.model, &data.points);
        crate::View::new(x0, x1, y0, y1).ok()
    };
    view.or_else(|| {
        r.preset
            .and_then(|p| crate::View::new(p.view[0], p.view[1], p.view[2], p.view[3]).ok())
    })
    .or_else(data_view)
    .unwrap_or(crate::View {
        x0: -3.0,
        x1: 3.0,
        y0: -3.0,
        y1: 3.0,
    })
}
