//! Scenes of data losses: `[data]` with its file relative to the scene, `[optimizer] batch`
//! and `seed`, a fit- preset's bundled data, saved and read back unchanged, and the refusals.

use gradfield::scene;

fn dir() -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("gradfield-scene-data-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn a_data_scene_reads_its_file_beside_it_and_saves_it_back() {
    let d = dir();
    std::fs::write(
        d.join("pts.csv"),
        "t,v,label\n0,1,0\n1,3.1,1\n2,4.9,1\n3,7.2,0\n",
    )
    .unwrap();
    let text =
        "version = 1\n[data]\nfile = \"pts.csv\"\nmodel = \"linear\"\ncolumns = [\"t\", \"v\"]\n\
                [optimizer]\nlr = 0.02\nbatch = 2\nseed = 11\n[[paths]]\nstart = [0, 0]\n";
    let path = d.join("fit.toml");
    std::fs::write(&path, text).unwrap();
    let doc = scene::load(&path).expect("loads");
    let data = doc.function.data().expect("a data loss");
    assert_eq!(
        data.points,
        vec![[0.0, 1.0], [1.0, 3.1], [2.0, 4.9], [3.0, 7.2]]
    );
    assert_eq!(data.columns, ["t".to_string(), "v".to_string()]);
    assert_eq!(doc.hyper.batch, Some(2));
    assert_eq!(doc.hyper.seed, 11);
    let source = doc.data.clone().expect("its source");
    assert_eq!(source.path.as_deref(), Some(d.join("pts.csv").as_path()));
    // Saved beside it: the file is written relative to the scene, and reads back the same.
    let again = d.join("again.toml");
    scene::save(&doc, &again).expect("saves");
    let saved = std::fs::read_to_string(&again).unwrap();
    assert!(saved.contains("file = \"pts.csv\""), "{saved}");
    assert!(!saved.contains("\nfunction ="), "{saved}");
    let back = scene::load(&again).expect("reads back");
    assert!(back == doc, "{saved}");
}

#[test]
fn a_fit_preset_in_a_scene_brings_its_data() {
    let doc = scene::parse("version = 1\npreset = \"fit-classes\"\n", "s.toml").expect("parses");
    assert_eq!(doc.function.data().map(|d| d.len()), Some(60));
    assert_eq!(doc.preset, Some("fit-classes"));
    let text = scene::to_toml(&doc).unwrap();
    let back = scene::parse(&text, "s.toml").expect("reads back");
    assert!(back == doc, "{text}");
}

#[test]
fn bad_data_tables_say_where_and_why() {
    let d = dir();
    std::fs::write(d.join("bad.csv"), "x,y\n1,2\n3,oops\n").unwrap();
    std::fs::write(d.join("good.csv"), "x,y\n1,2\n3,4\n").unwrap();
    let cases = [
        (
            "[data]\nmodel = \"linear\"\n",
            "s.toml:2:1: data: missing `file`",
        ),
        (
            "function = \"x^2\"\n[data]\nfile = \"bad.csv\"\n",
            "function: a scene with [data]",
        ),
        (
            "[data]\nfile = \"bad.csv\"\nmodel = \"cubic\"\n",
            "data.model: unknown model 'cubic'",
        ),
        (
            "[data]\nfile = \"bad.csv\"\ncolumns = [\"x\", \"x\"]\n",
            "data.columns: needs two different",
        ),
        ("[data]\nfile = \"bad.csv\"\n", "data.file: "),
        ("[data]\nfile = \"bad.csv\"\nlines = 3\n", "unknown field"),
        (
            "[data]\nfile = \"good.csv\"\n[optimizer]\nbatch = 0\n",
            "optimizer.batch: must be a whole number",
        ),
    ];
    for (body, want) in cases {
        let path = d.join("s.toml");
        std::fs::write(&path, format!("version = 1\n{body}")).unwrap();
        let e = scene::load(&path).expect_err(body).to_string();
        assert!(e.contains(want), "{body}: {e}");
    }
    // The CSV's own place is in the message.
    let path = d.join("s.toml");
    std::fs::write(&path, "version = 1\n[data]\nfile = \"bad.csv\"\n").unwrap();
    let e = scene::load(&path).unwrap_err().to_string();
    assert!(
        e.contains("bad.csv:3:3: 'oops' in column 'y' is not a number"),
        "{e}"
    );
}

#[test]
fn the_example_data_scene_opens_the_example_data() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = scene::load(&root.join("examples/fit-line.toml")).expect("the example is valid");
    let preset = gradfield::presets::find("fit-line")
        .unwrap()
        .function()
        .unwrap();
    assert_eq!(
        doc.function.data().unwrap().points,
        preset.data().unwrap().points
    );
    assert_eq!((doc.hyper.batch, doc.hyper.seed), (Some(4), 1));
    assert_eq!(doc.paths.len(), 1);
}
