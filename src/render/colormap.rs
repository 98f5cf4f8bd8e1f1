//! The colour map the heatmap and the colour bar draw with: the document's typed
//! [`Colormap`] (one definition, one parser, one lookup table).

pub use crate::document::Colormap;
