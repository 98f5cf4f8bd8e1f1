//! Scenes with parameters and held variables: the axes, every slider's value, range and step
//! and "descend in all variables" round-trip exactly through the file and the explorer, and
//! each bad `[variables]` or `[[sliders]]` entry gives its one-line message.

use gradfield::app::ExplorerState;
use gradfield::document::SymbolSlider;
use gradfield::scene;

fn round_trip(state: &ExplorerState) -> String {
    let before = state.document();
    let text = scene::to_toml(&before).expect("writes");
    let parsed = scene::parse(&text, "t.toml").unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(parsed, before, "parse(to_toml(s)) differs\n{text}");
    let again = ExplorerState::from_document(&parsed).expect("applies");
    assert_eq!(again.document(), before, "via the explorer\n{text}");
    assert_eq!(scene::to_toml(&again.document()).expect("writes"), text);
    text
}

#[test]
fn axes_values_ranges_and_descent_in_all_variables_round_trip() {
    let mut s = ExplorerState::new(
        gradfield::expr::Function::parse("f(x, y, z) = a x^2 y + z^3 - k").unwrap(),
        gradfield::View::new(-2.0, 2.0, -1.0, 3.0).unwrap(),
    );
    s.set_axes("x", "z").expect("x and z are variables");
    assert!(s.set_symbol("y", 2.0));
    assert!(s.set_symbol("a", -0.1 + 0.2));
    s.set_slider(SymbolSlider {
        name: "k".into(),
        min: -1.0,
        max: 30.0,
        step: 0.25,
    })
    .expect("a usable slider");
    assert!(s.set_symbol("k", 17.75));
    s.set_descend_all(true);
    let text = round_trip(&s);
    assert!(text.contains("axes = [\"x\", \"z\"]"), "{text}");
    let doc = scene::parse(&text, "t.toml").unwrap();
    assert_eq!(doc.function.value_of("a"), Some(-0.1 + 0.2), "bit for bit");
    assert_eq!(doc.function.value_of("y"), Some(2.0));
    assert_eq!(
        (doc.function.vars.x.as_str(), doc.function.vars.y.as_str()),
        ("x", "z")
    );
    assert_eq!(doc.slider("k").max, 30.0);
    assert!(doc.descend_all);
    // A function of x and y alone writes neither table.
    let plain = ExplorerState::new(
        gradfield::expr::Function::parse("x^2 + y^2").unwrap(),
        gradfield::View::new(-1.0, 1.0, -1.0, 1.0).unwrap(),
    );
    let text = round_trip(&plain);
    assert!(
        !text.contains("[variables]") && !text.contains("[[sliders]]"),
        "{text}"
    );
}

/// Each bad file and the exact message it gives.
const BAD: &[(&str, &str)] = &[
    (
        "version = 1\nfunction = \"f(x, y, z) = x\"\n[variables]\naxes = [\"x\", \"w\"]",
        "b.toml:4:8: variables.axes: 'w' is not a variable of this function (its variables are x, y, z)",
    ),
    (
        "version = 1\nfunction = \"f(x, y, z) = x\"\n[variables]\naxes = [\"x\"]",
        "b.toml:4:8: variables.axes: needs 2 names [\"x\", \"y\"], got 1",
    ),
    (
        "version = 1\nfunction = \"f(x, y, z) = x\"\n[variables]\naxes = [\"z\", \"z\"]",
        "b.toml:4:8: variables.axes: 'z' is named twice: the two axes need different variables",
    ),
    (
        "version = 1\nfunction = \"a x\"\n[[sliders]]\nname = \"q\"\nvalue = 1",
        "b.toml:4:8: sliders[0].name: 'q' is not a parameter or held variable of this function",
    ),
    (
        "version = 1\nfunction = \"a x\"\n[[sliders]]\nname = \"a\"\nvalue = 9\nmin = 0\nmax = 2",
        "b.toml:5:9: sliders[0].value: must be a number within the slider's range [0, 2], got 9",
    ),
    (
        "version = 1\nfunction = \"a x\"\n[[sliders]]\nname = \"a\"\nmin = 3\nmax = 2",
        "b.toml:3:1: sliders[0]: the range of 'a' must start below its end (3 ≥ 2)",
    ),
    (
        "version = 1\nfunction = \"a x\"\n[[sliders]]\nvalue = 1",
        "b.toml:3:1: sliders[0].name: missing: which parameter or held variable",
    ),
];

#[test]
fn each_bad_symbol_entry_gives_its_one_line_message() {
    for (text, want) in BAD {
        let got = scene::parse(text, "b.toml").expect_err(text).to_string();
        assert_eq!(&got, want, "for the scene:\n{text}");
        assert!(!got.contains('\n'));
    }
}

/// `render --scene` keeps the scene's axes and values, and `--set` / `--axes` typed beside it
/// go over them (the document `render` draws, without the GPU).
#[test]
fn render_with_a_scene_takes_its_values_and_the_flags_over_them() {
    use clap::Parser;
    use gradfield::cli::{Cli, Command};
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("s.toml");
    std::fs::write(
        &path,
        "version = 1\nfunction = \"f(x, y, z) = x^2 + y^2 + z^2 - x z\"\n\
         [variables]\naxes = [\"x\", \"z\"]\n[[sliders]]\nname = \"y\"\nvalue = 2.5\n",
    )
    .unwrap();
    let doc = |extra: &[&str]| {
        let mut argv = vec![
            "gradfield",
            "render",
            "--scene",
            path.to_str().unwrap(),
            "--out",
            "a.png",
        ];
        argv.extend_from_slice(extra);
        let Some(Command::Render(args)) = Cli::try_parse_from(argv).expect("parses").command else {
            panic!("render")
        };
        gradfield::cli::scene::render_document(&args)
    };
    let d = doc(&[]).expect("the scene");
    assert_eq!(
        (d.function.vars.x.as_str(), d.function.vars.y.as_str()),
        ("x", "z")
    );
    assert_eq!(d.function.value_of("y"), Some(2.5));
    let d = doc(&["--set", "y=-1"]).expect("with --set");
    assert_eq!(d.function.value_of("y"), Some(-1.0));
    let d = doc(&["--axes", "x,y", "--set", "z=3"]).expect("with --axes");
    assert_eq!(d.function.value_of("z"), Some(3.0));
    assert!(doc(&["--set", "x=1"])
        .unwrap_err()
        .to_string()
        .contains("on an axis"));
}
