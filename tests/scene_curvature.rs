//! Scenes with Newton's method, a learning-rate schedule, the line search and the stability
//! map: they round-trip exactly through the file and the explorer, and each bad entry gives
//! its one-line `FILE:LINE:COL: field: why` message; in that colouring the hover read-out
//! gives 2/λmax at the pointer.

use gradfield::app::ExplorerState;
use gradfield::descent::{LineSearch, Optimizer, Schedule};
use gradfield::document::ColorBy;
use gradfield::scene;

#[test]
fn newton_schedules_line_search_and_the_stability_map_round_trip() {
    let mut s = ExplorerState::new(
        gradfield::expr::Function::parse("x^2 + 3*x*y + y^2").unwrap(),
        gradfield::View::new(-4.0, 4.0, -4.0, 4.0).unwrap(),
    );
    s.set_optimizer(Optimizer::Newton);
    s.doc.hyper.lr = 1.0;
    s.doc.hyper.schedule = Schedule::Step {
        every: 20,
        gamma: 0.5,
    };
    s.doc.hyper.line_search = LineSearch::Armijo;
    s.set_color_by(ColorBy::Stability);
    let before = s.document();
    let text = scene::to_toml(&before).expect("writes");
    assert!(text.contains("name = \"newton\""), "{text}");
    assert!(text.contains("schedule = \"step:20:0.5\""), "{text}");
    assert!(text.contains("line_search = \"armijo\""), "{text}");
    assert!(text.contains("colour_by = \"stability\""), "{text}");
    let parsed = scene::parse(&text, "t.toml").unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(parsed, before, "{text}");
    let again = ExplorerState::from_document(&parsed).expect("applies");
    assert_eq!(again.document(), before);
    // The defaults write nothing new.
    let plain = ExplorerState::new(
        gradfield::expr::Function::parse("x^2 + y^2").unwrap(),
        gradfield::View::new(-1.0, 1.0, -1.0, 1.0).unwrap(),
    );
    let text = scene::to_toml(&plain.document()).unwrap();
    assert!(
        !text.contains("schedule") && !text.contains("line_search"),
        "{text}"
    );
}

const BAD: &[(&str, &str)] = &[
    (
        "version = 1\nfunction = \"x^2\"\n[optimizer]\nschedule = \"exp:0\"",
        "b.toml:4:12: optimizer.schedule: schedule 'exp:0': G must be a finite number > 0, got 0",
    ),
    (
        "version = 1\nfunction = \"x^2\"\n[optimizer]\nschedule = \"warmup\"",
        "b.toml:4:12: optimizer.schedule: schedule 'warmup': expected const, exp:G, step:N:G, inv:D or cosine:N",
    ),
    (
        "version = 1\nfunction = \"x^2\"\n[optimizer]\nline_search = \"wolfe\"",
        "b.toml:4:15: optimizer.line_search: unknown line search 'wolfe': choose none or armijo",
    ),
    (
        "version = 1\nfunction = \"x^2\"\n[optimizer]\nname = \"adam\"\nline_search = \"armijo\"",
        "b.toml:5:15: optimizer.line_search: line search armijo applies to gd and newton, not adam",
    ),
];

#[test]
fn each_bad_entry_gives_its_one_line_message() {
    for (text, want) in BAD {
        let got = scene::parse(text, "b.toml").expect_err(text).to_string();
        assert_eq!(&got, want, "for the scene:\n{text}");
    }
}

#[test]
fn render_with_a_scene_keeps_its_optimizer_schedule_line_search_and_colouring() {
    use clap::Parser;
    use gradfield::cli::{Cli, Command};
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("s.toml");
    std::fs::write(
        &path,
        "version = 1\nfunction = \"x^2 + 3*x*y + y^2\"\n[optimizer]\nname = \"newton\"\n\
         lr = 1\nschedule = \"inv:0.5\"\nline_search = \"armijo\"\n[maps]\n\
         colour_by = \"stability\"\n",
    )
    .unwrap();
    let argv = [
        "gradfield",
        "render",
        "--scene",
        path.to_str().unwrap(),
        "--out",
        "a.png",
    ];
    let Some(Command::Render(args)) = Cli::try_parse_from(argv).expect("parses").command else {
        panic!("render")
    };
    let d = gradfield::cli::scene::render_document(&args).expect("the scene");
    assert_eq!(d.optimizer, Optimizer::Newton);
    assert_eq!(d.hyper.schedule, Schedule::Inv { decay: 0.5 });
    assert_eq!(d.hyper.line_search, LineSearch::Armijo);
    assert_eq!(d.maps.mode, ColorBy::Stability);
}

#[test]
fn the_hover_read_out_gives_the_stable_step_in_the_stability_colouring() {
    let mut s = ExplorerState::new(
        gradfield::expr::Function::parse("x^4/12 + y^2").unwrap(),
        gradfield::View::new(-4.0, 4.0, -3.0, 3.0).unwrap(),
    );
    s.doc.hyper.lr = 0.25;
    let r = s.hover(Some((2.0, 0.5))).expect("over the canvas");
    assert!(!s.readout_lines(&r).iter().any(|l| l.contains("λmax")));
    s.set_color_by(ColorBy::Stability);
    // ∇²f = diag(x², 2) at x = 2: λmax = 4, 2/λmax = 0.5.
    let lines = s.readout_lines(&r);
    assert!(
        lines.contains(&"2/λmax = 0.50000  (η = 0.25000)".to_string()),
        "{lines:?}"
    );
}
