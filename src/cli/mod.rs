//! The command line: argument definitions (clap) and one module per command. `main.rs`
//! parses, dispatches and turns errors into exit codes (`exit`: 2 for bad input, 1 otherwise).

pub(crate) mod args;
pub mod bench;
pub mod exit;
pub mod figure_args;
pub mod flags;
pub(crate) mod limits;
pub(crate) mod messages;
pub mod optim;
pub mod out;
pub mod pin_args;
pub(crate) mod progress;
pub mod signals;

pub use optim::OptimArgs;

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

use args::{
    parse_camera, parse_fps, parse_levels, parse_lr, parse_number, parse_point, parse_positive,
    parse_size, parse_tol, parse_view, parse_vscale,
};

/// See and teach gradients: f(x, y) as a heatmap with contour lines, gradient arrows and
/// descent paths, computed on the GPU.
#[derive(Debug, Parser)]
#[command(name = "gradfield", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// With no command, gradfield opens the explorer.
    #[command(flatten)]
    pub explore: ExploreArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the interactive explorer (the default when no command is given).
    Explore(ExploreArgs),
    /// Print f and its partials (df/dx, df/dy, one for each held variable) in gradfield's syntax.
    Diff(diff::DiffArgs),
    /// Write f, df/dx, df/dy on a grid to a .npy (float32, H×W×3) or .csv file.
    Sample(SampleArgs),
    /// List the built-in functions.
    Presets,
    /// Draw the heatmap, contours, arrows and descent paths to a PNG (and/or an animated GIF).
    Render(Box<RenderArgs>),
    /// Run gradient descent from start points and write the iterates as CSV.
    Descend(DescendArgs),
    /// Measure the field pass, full and steady frames on the GPU, the CPU reference and
    /// descent steps.
    Bench(BenchArgs),
    /// Run an optimizer from every grid point on the GPU; write where each ends (.npy).
    Converge(converge::ConvergeArgs),
}

/// The function: an expression, or a preset by name.
#[derive(Debug, Clone, Args)]
pub struct FunctionArgs {
    /// The function, e.g. "x^2 + 3*x*y + y^2" or "f(w, b) = (2w + b - 1)^2".
    #[arg(
        value_name = "EXPR",
        allow_hyphen_values = true,
        conflicts_with = "preset"
    )]
    pub expr: Option<String>,
    /// A built-in function (see `gradfield presets`); also sets the default view and η.
    #[arg(long, value_name = "NAME")]
    pub preset: Option<String>,
    #[command(flatten)]
    pub data: DataArgs,
    #[command(flatten)]
    pub symbols: SymbolArgs,
}

/// Where to look and how finely.
#[derive(Debug, Clone, Args)]
pub struct ViewArgs {
    /// The rectangle X0,X1,Y0,Y1 (default: the preset's, or -3,3,-3,3).
    #[arg(long, value_name = "X0,X1,Y0,Y1", allow_hyphen_values = true, value_parser = parse_view)]
    pub view: Option<crate::View>,
    /// Grid or picture size WxH.
    #[arg(long, value_name = "WxH", value_parser = parse_size)]
    pub size: Option<(u32, u32)>,
}

#[derive(Debug, Clone, Args)]
pub struct SampleArgs {
    #[command(flatten)]
    pub function: FunctionArgs,
    #[command(flatten)]
    pub grid: ViewArgs,
    /// Output file: .npy or .csv.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// exact (symbolic) or numeric (central differences on the GPU).
    #[arg(long, value_name = "MODE", default_value = "exact")]
    pub gradient: String,
    /// gpu, or cpu for the f64 reference.
    #[arg(long, value_name = "DEVICE", default_value = "gpu")]
    pub device: String,
    /// Also write the second partials: six channels f, df/dx, df/dy, d2f/dx2, d2f/dxdy,
    /// d2f/dy2 (.npy float32 H×W×6), NaN where undefined.
    #[arg(long, conflicts_with = "stability")]
    pub hessian: bool,
    /// Write the largest stable gradient-descent step 2/λmax of the Hessian instead (.npy
    /// float32 H×W): +inf where no eigenvalue is positive, NaN where undefined.
    #[arg(long)]
    pub stability: bool,
}

#[derive(Debug, Clone, Args)]
pub struct RenderArgs {
    #[command(flatten)]
    pub function: FunctionArgs,
    /// Draw this scene (TOML; see the README's "Scenes"); flags typed beside it win over it.
    #[arg(long, value_name = "FILE.toml", conflicts_with_all = ["expr", "preset"])]
    pub scene: Option<PathBuf>,
    /// The ids of the flags typed on the command line (filled in by `main`).
    #[arg(skip)]
    pub given: Vec<String>,
    #[command(flatten)]
    pub grid: ViewArgs,
    #[command(flatten)]
    pub optim: OptimArgs,
    /// Output file: .png, or .svg or .pdf with vector lines and text (may be left out when
    /// --gif is given).
    #[arg(long, value_name = "FILE", required_unless_present = "gif")]
    pub out: Option<PathBuf>,
    /// Also (or instead) write an animated GIF of the paths walking from their starts; the
    /// last frame is the PNG. Without --start, a preset's start point is used.
    #[arg(long, value_name = "FILE.gif", conflicts_with_all = ["converge_map", "gradient_check", "stability"])]
    pub gif: Option<PathBuf>,
    /// Frames per second of the GIF, 1 to 50 [default: 15] (exact where it divides 100: GIF
    /// delays are hundredths of a second).
    #[arg(long, value_name = "F", allow_negative_numbers = true, value_parser = parse_fps)]
    pub fps: Option<u32>,
    /// Length of the GIF in seconds [default: 4] (fps × seconds frames, at most 1000).
    #[arg(long, value_name = "S", allow_negative_numbers = true, value_parser = parse_positive)]
    pub seconds: Option<f64>,
    /// viridis, magma, inferno, plasma, cividis, diverging or grey.
    #[arg(long, value_name = "NAME", default_value = "viridis")]
    pub colormap: String,
    /// Number of contour levels (0 hides the contours).
    #[arg(long, value_name = "N", default_value = "12", allow_negative_numbers = true, value_parser = parse_levels)]
    pub levels: u32,
    /// Log colour scale (default: the preset's).
    #[arg(long)]
    pub log: bool,
    /// Linear colour scale even where the preset uses a log scale.
    #[arg(long, conflicts_with = "log")]
    pub linear: bool,
    /// ascent, descent or none.
    #[arg(long, value_name = "DIR", default_value = "descent")]
    pub arrows: String,
    /// normalized, proportional or log.
    #[arg(long, value_name = "MODE", default_value = "normalized")]
    pub arrow_length: String,
    /// Spacing of the arrow grid in pixels.
    #[arg(long, value_name = "PX", default_value = "48", allow_negative_numbers = true, value_parser = parse_positive)]
    pub arrow_spacing: f64,
    /// Clip the colour range to this percentile at each end (e.g. 2) instead of min..max.
    #[arg(long, value_name = "P", allow_negative_numbers = true, value_parser = parse_number)]
    pub percentile: Option<f64>,
    /// Colour the plot by a convergence map instead of the heatmap: `basin` (where descent
    /// from each pixel ends) or `steps` (when it converged, with --tol); magenta hatch: diverged.
    #[arg(long, value_name = "MODE", conflicts_with = "gradient_check")]
    pub converge_map: Option<String>,
    /// Colour by log10 of the relative difference between the exact gradient and the
    /// central-difference one computed on the GPU (a check of the derivatives).
    #[arg(long)]
    pub gradient_check: bool,
    /// Relative step h of the central differences for --gradient-check (default 4.92e-3).
    #[arg(long, value_name = "h", requires = "gradient_check", value_parser = parse_positive)]
    pub check_step: Option<f64>,
    /// Colour the plot by whether gradient descent with --lr is stable there (η < 2/λmax of
    /// the Hessian: teal) or overshoots (orange), with the boundary η = 2/λmax drawn.
    #[arg(long, conflicts_with_all = ["converge_map", "gradient_check"])]
    pub stability: bool,
    /// Keep the view exactly as given even when its aspect differs from the picture's (by
    /// default the view is widened so that a unit of x and of y are equally long).
    #[arg(long)]
    pub stretch: bool,
    /// Write the values of f on some of the heavier contour lines.
    #[arg(long)]
    pub contour_labels: bool,
    /// Draw the surface z = f(x, y) in 3D instead of the map from above (with --gif and no
    /// paths: the camera orbits the surface).
    #[arg(long = "3d", id = "three_d")]
    pub three_d: bool,
    /// With --3d: where the camera looks from, AZ,EL in degrees: AZ from +x towards +y, EL
    /// above the floor, within ±89 [default: -60,30].
    #[arg(long, value_name = "AZ,EL", allow_hyphen_values = true, value_parser = parse_camera)]
    pub camera: Option<(f64, f64)>,
    /// With --3d: the surface's height as a factor on the automatic one, 0.1 to 10
    /// [default: 1].
    #[arg(long, value_name = "S", allow_negative_numbers = true, value_parser = parse_vscale)]
    pub vscale: Option<f64>,
    #[command(flatten)]
    pub pin: PinArgs,
    /// With --3d and a pin: draw the tangent plane at the pin.
    #[arg(long)]
    pub tangent_plane: bool,
    /// With --3d: leave out the contour lines projected on the floor.
    #[arg(long)]
    pub no_floor_contours: bool,
    #[command(flatten)]
    pub figure: figure_args::FigureArgs,
}

#[derive(Debug, Clone, Args)]
pub struct DescendArgs {
    #[command(flatten)]
    pub function: FunctionArgs,
    #[command(flatten)]
    pub optim: OptimArgs,
    /// Move every variable, the held ones too (f(x, y, z): z starts at its --set value);
    /// without it the held variables stay where --set put them.
    #[arg(long)]
    pub all_variables: bool,
    /// Write the iterates here (CSV); standard output when absent.
    #[arg(long, value_name = "FILE.csv")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct BenchArgs {
    /// Print JSON instead of the table.
    #[arg(long)]
    pub json: bool,
    /// Sizes WxH, comma-separated (default 1024x1024,1920x1080,3840x2160; --quick: 1920x1080).
    #[arg(long, value_name = "WxH,...", value_delimiter = ',', value_parser = parse_size)]
    pub sizes: Vec<(u32, u32)>,
    /// Timed runs per measurement (default 10; --quick: 3).
    #[arg(long, value_name = "N")]
    pub repeats: Option<usize>,
    /// 1920x1080 only, 3 repeats, one CPU field run: a minute or so on a software renderer.
    #[arg(long)]
    pub quick: bool,
}

#[derive(Debug, Clone, Default, Args)]
pub struct ExploreArgs {
    /// The function to open with (default: a preset).
    #[arg(
        value_name = "EXPR",
        allow_hyphen_values = true,
        conflicts_with = "preset"
    )]
    pub expr: Option<String>,
    /// A built-in function to open with.
    #[arg(long, value_name = "NAME")]
    pub preset: Option<String>,
    #[command(flatten)]
    pub data: DataArgs,
    #[command(flatten)]
    pub symbols: SymbolArgs,
    /// Open this scene (TOML; see the README's "Scenes"); --view, --start, --optimizer and
    /// --lr typed beside it win over it.
    #[arg(long, value_name = "FILE.toml", conflicts_with_all = ["expr", "preset"])]
    pub scene: Option<PathBuf>,
    /// The view X0,X1,Y0,Y1.
    #[arg(long, value_name = "X0,X1,Y0,Y1", allow_hyphen_values = true, value_parser = parse_view)]
    pub view: Option<crate::View>,
    /// Start points X,Y of descent paths (repeat for several).
    #[arg(long = "start", value_name = "X,Y", allow_hyphen_values = true, value_parser = parse_point)]
    pub starts: Vec<(f64, f64)>,
    /// gd, momentum, nesterov, adagrad, rmsprop, adam or newton.
    #[arg(long, value_name = "NAME")]
    pub optimizer: Option<String>,
    /// Learning rate η (newton without a scene or --lr: 1).
    #[arg(long, value_name = "η", allow_negative_numbers = true, value_parser = parse_lr)]
    pub lr: Option<f64>,
    /// How η changes with step k (as for descend: const, exp:G, step:N:G, inv:D, cosine:N).
    #[arg(long, value_name = "SPEC", value_parser = optim::parse_schedule)]
    pub schedule: Option<crate::descent::Schedule>,
    /// armijo or none: the line search of gd and newton (as for descend).
    #[arg(long, value_name = "KIND", value_parser = optim::parse_line_search)]
    pub line_search: Option<crate::descent::LineSearch>,
    /// Mini-batch size B of a data loss (as for descend; the panel's slider sets it too).
    #[arg(long, value_name = "B", value_parser = optim::parse_batch)]
    pub batch: Option<usize>,
    /// The seed of the mini-batches (default 1).
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,
    /// Run this many frames, then exit (with --screenshot: save the last one).
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub frames: Option<u64>,
    /// Save what the window shows to this PNG when --frames ends (after a convergence map in
    /// progress is complete).
    #[arg(long, value_name = "FILE.png", requires = "frames")]
    pub screenshot: Option<PathBuf>,
    /// The window's size WxH in logical pixels (default 1280x800).
    #[arg(long, value_name = "WxH", value_parser = parse_size)]
    pub window: Option<(u32, u32)>,
    /// Stop paths (and convergence-map starts) when |∇f| ≤ T (0: never).
    #[arg(long, value_name = "T", value_parser = parse_tol)]
    pub tol: Option<f64>,
    /// What the colours show: heatmap, basin, steps (convergence map), check (gradient) or
    /// stability (where η < 2/λmax).
    #[arg(long, value_name = "MODE")]
    pub color_by: Option<String>,
    /// One convergence-map start per N×N plot pixels: 1, 2, 4 or 8.
    #[arg(long, value_name = "N")]
    pub map_grid: Option<u32>,
    /// The gradient check's relative step h, 1e-8 … 1e-1.
    #[arg(long, value_name = "h", value_parser = parse_positive)]
    pub check_step: Option<f64>,
    #[command(flatten)]
    pub pin: PinArgs,
    /// Presentation mode: the canvas takes the window, the panels fold to a strip and the
    /// canvas text is sized for projection (F5 in the window).
    #[arg(long)]
    pub present: bool,
    /// The colour theme: dark, light, high-contrast or print.
    #[arg(long, value_name = "NAME")]
    pub theme: Option<String>,
    /// The UI scale in percent (50 to 400), e.g. 150.
    #[arg(long, value_name = "PERCENT")]
    pub ui_scale: Option<f64>,
    /// Open on the surface z = f(x, y) in 3D instead of the map (D in the window).
    #[arg(long = "3d", id = "three_d", conflicts_with = "split")]
    pub three_d: bool,
    /// Open on the map and the surface side by side (D in the window).
    #[arg(long)]
    pub split: bool,
    /// Paths move the held variables too, and the held sliders follow the selected path
    /// (the panel's "descend in all variables").
    #[arg(long)]
    pub all_variables: bool,
}

pub(crate) mod check;
pub mod converge;
mod data_args;
pub mod descend;
pub mod diff;
pub mod explore;
pub mod presets;
pub mod render;
mod resolve;
pub mod sample;
mod sample_hessian;
pub mod scene;
mod surface;
pub(crate) mod symbols;

pub use data_args::DataArgs;
pub(crate) use limits::{check_iterates, check_starts};
pub use messages::{clap_line, error_text};
pub use pin_args::PinArgs;
pub(crate) use resolve::{resolve, view_or_default, Resolved};
pub(crate) use symbols::resolve_args;
pub use symbols::SymbolArgs;
