//! Descent paths in the 3D view: the path as a polyline lying on the surface (each step
//! subdivided and lifted, so it follows the surface instead of cutting through it; broken
//! over holes and where it leaves the box), its faint shadow on the floor, a ball at the
//! current iterate and a small marker at the start.

use super::build_lift::{lifted_runs, place, subdivide, Layer};
use super::marks::{Ball3, Line3, Marks3};
use super::BoxMap;
use crate::expr::Evaluator;

/// Width of a path on the surface in pixels at scale 1.
pub const PATH_WIDTH_PX: f32 = 2.5;
/// Width of a path's floor shadow in pixels at scale 1.
pub const SHADOW_WIDTH_PX: f32 = 1.5;
/// Alpha of the floor shadow (of 255).
pub const SHADOW_ALPHA: u8 = 90;
/// Radius of the ball at the current iterate, pixels at scale 1.
pub const BALL_RADIUS_PX: f32 = 7.0;
/// Radius of the start marker, pixels at scale 1.
pub const START_RADIUS_PX: f32 = 4.0;

/// One descent path to draw: its iterates in world coordinates, its colour (RGBA8 sRGB) and
/// which iterate is the current one (the ball), if any.
#[derive(Debug, Clone, PartialEq)]
pub struct PathMarks {
    pub points: Vec<(f64, f64)>,
    pub color: [u8; 4],
    /// Index into `points` of the current iterate.
    pub current: Option<usize>,
}

/// The marks of one path: on the surface, its shadow, the start marker and the ball; `scale`
/// grows widths and radii with the UI.
pub fn path_marks(map: &BoxMap, eval: &mut dyn Evaluator, path: &PathMarks, scale: f32) -> Marks3 {
    let mut out = Marks3::default();
    let fine = subdivide(map, &path.points);
    let mut shadow = path.color;
    shadow[3] = SHADOW_ALPHA;
    for (layer, color, width) in [
        (Layer::Floor, shadow, SHADOW_WIDTH_PX),
        (Layer::Surface, path.color, PATH_WIDTH_PX),
    ] {
        for points in lifted_runs(map, eval, layer, &fine) {
            out.lines.push(Line3 {
                points,
                color,
                width_px: width * scale,
                on_top: false,
            });
        }
    }
    let mut ball = |i: usize, radius: f32| {
        let &(x, y) = path.points.get(i)?;
        let at = place(map, eval, Layer::Surface, x, y)?;
        out.balls.push(Ball3 {
            at,
            radius_px: radius * scale,
            color: path.color,
        });
        Some(())
    };
    ball(0, START_RADIUS_PX);
    if let Some(i) = path.current {
        ball(i, BALL_RADIUS_PX);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::Function;
    use crate::surface::Heights;
    use crate::View;

    fn bowl_map() -> BoxMap {
        BoxMap::new(
            View::new(-2.0, 2.0, -2.0, 2.0).unwrap(),
            Heights::linear(0.0, 8.0),
            1.0,
        )
    }

    #[test]
    fn a_path_lies_on_the_surface_and_its_shadow_on_the_floor() {
        let f = Function::parse("x^2 + y^2").unwrap();
        let map = bowl_map();
        let path = PathMarks {
            points: vec![(-1.8, 1.5), (1.0, -0.5), (0.2, 0.1)],
            color: [255, 0, 0, 255],
            current: Some(2),
        };
        let m = path_marks(&map, &mut f.tree(), &path, 1.0);
        assert_eq!(m.lines.len(), 2);
        let (shadow, line) = (&m.lines[0], &m.lines[1]);
        assert!(shadow.points.iter().all(|p| p.z == 0.0));
        assert_eq!(shadow.color[3], SHADOW_ALPHA);
        // Subdivided: many more points than iterates, each on the surface.
        assert!(line.points.len() > 100, "{}", line.points.len());
        for p in &line.points {
            let (x, y) = map.to_world(*p);
            assert!((p.z - map.z(x * x + y * y).unwrap()).abs() < 1e-12);
        }
        assert_eq!(m.balls.len(), 2);
        assert_eq!(m.balls[1].at, map.point(0.2, 0.1, 0.05).unwrap());
        assert!(m.balls[1].radius_px > m.balls[0].radius_px);
    }

    #[test]
    fn a_path_breaks_over_a_hole_and_at_the_box() {
        // sqrt(x) is undefined for x < 0: a path across x = 0 gives two pieces, each ending
        // at the hole's edge; a path leaving the view ends at the box's side.
        let f = Function::parse("sqrt(x) + y^2").unwrap();
        let map = BoxMap::new(
            View::new(-2.0, 2.0, -2.0, 2.0).unwrap(),
            Heights::linear(0.0, 6.0),
            1.0,
        );
        let path = PathMarks {
            points: vec![(1.0, 0.0), (-1.0, 0.0), (-1.0, 1.0), (1.0, 1.0), (3.0, 1.0)],
            color: [0, 200, 0, 255],
            current: None,
        };
        let m = path_marks(&map, &mut f.tree(), &path, 1.0);
        let pieces: Vec<_> = m.lines.iter().filter(|l| l.color[3] == 255).collect();
        assert_eq!(pieces.len(), 2, "{pieces:?}");
        let x_end = map.to_world(*pieces[0].points.last().unwrap()).0;
        assert!((0.0..1e-6).contains(&x_end), "ends at the hole: {x_end}");
        let last = pieces[1].points.last().unwrap();
        assert!(
            (last.x - map.half.x).abs() < 1e-6,
            "clipped at the box: {last}"
        );
        let shadows = m.lines.len() - pieces.len();
        assert_eq!(shadows, 1, "the shadow has no hole, only the box's edge");
    }
}
