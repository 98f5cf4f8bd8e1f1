//! `gradfield descend`: runs an optimizer from each start point and writes the iterates as
//! CSV rows `path,step,x,y,f,dfdx,dfdy,lr` (step 0 is the start; `lr` the step size taken
//! from the row's point); a function with held
//! variables gets a column per variable and per partial (`path,step,x,y,z,f,dfdx,dfdy,dfdz,lr`),
//! and `--all-variables` moves the held ones too.

use super::{resolve_args, DescendArgs, OptimArgs, Resolved};
use crate::descent::{FullPath, FullPoint, Hyper, LineSearch, Optimizer, Path, Point, Status};
use crate::error::{Error, Result};
use crate::expr::FullGradient;

/// Steps when neither --steps nor a preset says.
pub(crate) const DEFAULT_STEPS: usize = 100;
/// Learning rate when neither --lr nor a preset says.
pub(crate) const DEFAULT_LR: f64 = 0.1;

pub fn run(args: &DescendArgs) -> Result<()> {
    let r = resolve_args(&args.function)?;
    let starts = starts_or_default(&args.optim, &r)?;
    if args.all_variables || r.function.has_held() {
        return run_full(args, &r, &starts);
    }
    let paths = run_paths(&r, &args.optim, &starts)?;
    for (i, p) in paths.iter().enumerate() {
        let (x, y) = p.start;
        match p.status {
            Status::Undefined { .. } => super::out::eprint_line(&format!(
                "path {i} from ({x}, {y}): {}",
                undefined_start(p.current())
            )),
            Status::Diverged { .. } | Status::Stopped { .. } => {
                super::out::eprint_line(&format!("path {i} from ({x}, {y}): {}", p.status))
            }
            _ => {}
        }
    }
    match &args.out {
        Some(out) => crate::export::write_paths_csv(out, &paths),
        None => super::out::stdout(|out| crate::export::paths_csv(out, &paths)),
    }
}

/// The paths of a function with held variables (or `--all-variables`), one column per
/// variable and per partial. Without `--all-variables` the paths move on the plane of the
/// axis variables, exactly as for two variables, and the held columns stay at their values.
fn run_full(args: &DescendArgs, r: &Resolved, starts: &[(f64, f64)]) -> Result<()> {
    let mut grad = FullGradient::new(&r.function);
    let rows: Vec<Vec<FullPoint>> = if args.all_variables {
        let (optimizer, hyper, steps) = hyper(&args.optim, r)?;
        if optimizer == Optimizer::Newton || hyper.line_search != LineSearch::None {
            return Err(Error::Input(
                "--all-variables: newton and --line-search need the Hessian or f along a \
                 direction in every variable; use them on the plane (without --all-variables)"
                    .into(),
            ));
        }
        super::check_iterates(starts.len(), steps)?;
        starts
            .iter()
            .enumerate()
            .map(|(i, &(x, y))| {
                let mut p = FullPath::new(&grad.theta_at(x, y), optimizer, hyper, &mut grad);
                p.run(&mut grad, steps, args.optim.tol);
                report(i, (x, y), &p.status, None);
                p.points
            })
            .collect()
    } else {
        let paths = run_paths(r, &args.optim, starts)?;
        paths
            .iter()
            .enumerate()
            .map(|(i, p)| {
                report(i, p.start, &p.status, Some(p.current()));
                p.points
                    .iter()
                    .map(|q| {
                        let theta = grad.theta_at(q.x, q.y);
                        match grad.eval(&theta) {
                            Some((f, g)) => FullPoint {
                                f,
                                grad: g.to_vec(),
                                theta,
                                lr: q.lr,
                            },
                            None => FullPoint {
                                f: q.f,
                                grad: vec![f64::NAN; theta.len()],
                                theta,
                                lr: q.lr,
                            },
                        }
                    })
                    .collect()
            })
            .collect()
    };
    let names = r.function.vars.variable_names();
    match &args.out {
        Some(out) => crate::export::write_full_paths_csv(out, &names, &rows),
        None => super::out::stdout(|out| crate::export::full_paths_csv(out, &names, &rows)),
    }
}

/// Says on standard error why path `i` stopped early, if it did.
fn report(i: usize, (x, y): (f64, f64), status: &Status, start: Option<&Point>) {
    match status {
        Status::Undefined { .. } => super::out::eprint_line(&format!(
            "path {i} from ({x}, {y}): {}",
            start.map_or(
                "f or ∇f is undefined at the start point".into(),
                undefined_start
            )
        )),
        Status::Diverged { .. } | Status::Stopped { .. } => {
            super::out::eprint_line(&format!("path {i} from ({x}, {y}): {status}"))
        }
        _ => {}
    }
}

/// Why a path cannot leave its start: f undefined there, or f defined (printed) and only the
/// gradient undefined, as for sqrt(x) at x = 0.
pub(crate) fn undefined_start(start: &Point) -> String {
    if start.f.is_nan() {
        "f is undefined at the start point".into()
    } else {
        let which = match (start.dfdx.is_nan(), start.dfdy.is_nan()) {
            (true, false) => "df/dx",
            (false, true) => "df/dy",
            _ => "the gradient",
        };
        format!(
            "f = {} there, but {which} is undefined at the start point, so the path cannot step",
            start.f
        )
    }
}

/// The start points given, else the preset's start; an error when there are none.
pub(crate) fn starts_or_default(optim: &OptimArgs, r: &Resolved) -> Result<Vec<(f64, f64)>> {
    super::check_starts(&optim.starts)?;
    if !optim.starts.is_empty() {
        return Ok(optim.starts.clone());
    }
    match r.preset {
        Some(p) => Ok(vec![(p.start[0], p.start[1])]),
        None => Err(Error::Input(
            "no start point: give --start X,Y (repeat for several)".into(),
        )),
    }
}

/// Why `--batch` is refused for a function that is not a data loss.
pub(crate) const NO_BATCH: &str =
    "--batch: mini-batches are drawn from data; give --data FILE.csv or a fit- preset";

/// The optimizer settings from the command line (defaults from the preset).
pub(crate) fn hyper(optim: &OptimArgs, r: &Resolved) -> Result<(Optimizer, Hyper, usize)> {
    let optimizer: Optimizer = optim.optimizer.parse()?;
    if optim.batch.is_some() && r.function.data().is_none() {
        return Err(Error::Input(NO_BATCH.into()));
    }
    let lr = optim
        .lr
        .or(optimizer.default_lr())
        .or(r.preset.map(|p| p.lr))
        .or(r
            .data
            .as_ref()
            .map(|d| crate::fit::suggested_lr(&r.function, d.model)))
        .unwrap_or(DEFAULT_LR);
    let steps = optim
        .steps
        .or(r.preset.map(|p| p.steps as usize))
        .unwrap_or(DEFAULT_STEPS);
    let hyper = Hyper {
        lr,
        momentum: optim.momentum,
        alpha: optim.alpha,
        beta1: optim.beta1,
        beta2: optim.beta2,
        eps: optim.eps,
        ascent: optim.ascent,
        schedule: optim.schedule,
        line_search: optim.line_search,
        batch: optim.batch,
        seed: optim.seed,
    };
    hyper.validate()?;
    if hyper.line_search != LineSearch::None && !optimizer.takes_line_search() {
        return Err(Error::Input(format!(
            "--line-search {} applies to gd and newton, not {optimizer}",
            hyper.line_search.name()
        )));
    }
    Ok((optimizer, hyper, steps))
}

/// Runs one path per start to completion.
pub(crate) fn run_paths(
    r: &Resolved,
    optim: &OptimArgs,
    starts: &[(f64, f64)],
) -> Result<Vec<Path>> {
    let (optimizer, hyper, steps) = hyper(optim, r)?;
    super::check_iterates(starts.len(), steps)?;
    // The tape per channel: a start where only ∇f is undefined keeps f; Newton's also
    // carries the Hessian.
    let mut grad = if optimizer == Optimizer::Newton {
        r.function.tape_with_hessian()
    } else {
        r.function.tape()
    };
    Ok(starts
        .iter()
        .map(|&s| {
            let mut p = Path::new(s, optimizer, hyper, &mut grad);
            p.run(&mut grad, steps, optim.tol);
            p
        })
        .collect())
}
