//! The CSV reader's refusals, each as `FILE:LINE:COLUMN: why`, and the command line's exit
//! status 2 for them; memory stays bounded for a huge file (refused by its size unread).

use std::path::PathBuf;
use std::process::Command;

use gradfield::fit::csv::{parse, read};

/// (text, columns, logistic labels, the message's place, words in the why).
type Case = (
    &'static str,
    Option<[&'static str; 2]>,
    bool,
    &'static str,
    &'static str,
);

const BAD: &[Case] = &[
    ("", None, false, "d.csv:1:1:", "empty"),
    ("# only a comment\n\n", None, false, "d.csv:1:1:", "empty"),
    ("x\n1\n2\n", None, false, "d.csv:1:1:", "names 1 column"),
    ("x,\n1,2\n3,4\n", None, false, "d.csv:1:3:", "no name"),
    ("x,y\n1,2\n", None, false, "d.csv:1:1:", "1 data row"),
    ("x,y\n", None, false, "d.csv:1:1:", "0 data rows"),
    (
        "x,y\n1,2\n3,abc\n",
        None,
        false,
        "d.csv:3:3:",
        "'abc' in column 'y' is not a number",
    ),
    (
        "x,y\n1,2\n  nan ,4\n",
        None,
        false,
        "d.csv:3:3:",
        "not a finite number",
    ),
    (
        "x,y\n1,2\n3,inf\n",
        None,
        false,
        "d.csv:3:3:",
        "not a finite number",
    ),
    (
        "x,y\n1,2\n3,1e999\n",
        None,
        false,
        "d.csv:3:3:",
        "not a finite number",
    ),
    (
        "x,y\n1,2\n3,4,5\n",
        None,
        false,
        "d.csv:3:5:",
        "3 cells, the header 2",
    ),
    (
        "x,y,z\n1,2,3\n4,5\n",
        None,
        false,
        "d.csv:3:4:",
        "2 cells, the header 3",
    ),
    (
        "a,b\n1,2\n3,4\n",
        Some(["a", "c"]),
        false,
        "d.csv:1:1:",
        "no column named 'c' (the columns are a, b)",
    ),
    (
        "x,y\n1,0\n2,0.5\n",
        None,
        true,
        "d.csv:3:3:",
        "labels 0 and 1",
    ),
    (
        "x,y\n1,0\n2,-1\n",
        None,
        true,
        "d.csv:3:3:",
        "labels 0 and 1",
    ),
    (
        "x,y\r\n1,2\r\n\r\n3,x\r\n",
        None,
        false,
        "d.csv:4:3:",
        "'x' in column 'y'",
    ),
];

#[test]
fn every_refusal_says_where_and_why() {
    for (text, columns, labels, place, why) in BAD {
        let e = parse(text, "d.csv", *columns, *labels)
            .expect_err(text)
            .to_string();
        assert!(e.starts_with(place), "{text:?}: {e}");
        assert!(e.contains(why), "{text:?}: {e}");
    }
}

#[test]
fn good_tables_read_their_columns() {
    // The first two columns by default: here a text column, refused by name.
    let e = parse(
        "# comment\nname, x , y\n\"a\", 1, 2\n",
        "d.csv",
        None,
        false,
    )
    .unwrap_err();
    assert!(
        e.to_string()
            .starts_with("d.csv:3:1: '\"a\"' in column 'name'"),
        "{e}"
    );
    // Quoted names and spaces around cells are read.
    let t = parse("\"x\", \"y\"\n 1 , 2\n3,4\n", "d.csv", None, false).unwrap();
    assert_eq!(t.points, vec![[1.0, 2.0], [3.0, 4.0]]);
    let t = parse(
        "name,x,y\na,1,2\nb,3,4.5\n",
        "d.csv",
        Some(["x", "y"]),
        false,
    )
    .unwrap();
    assert_eq!(t.columns, ["x".to_string(), "y".to_string()]);
    assert_eq!(t.points, vec![[1.0, 2.0], [3.0, 4.5]]);
    let t = parse("h,p\n1,0\n2,1\n", "d.csv", None, true).unwrap();
    assert_eq!(t.points, vec![[1.0, 0.0], [2.0, 1.0]]);
}

fn temp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gradfield-fit-csv-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn files_that_are_not_csv_text_are_refused_with_their_place() {
    let bin = temp("bin.csv", b"x,y\n1,\x002\n");
    let e = read(&bin, None, false).unwrap_err().to_string();
    assert!(
        e.ends_with("bin.csv:2:3: this is not a text CSV file (it holds a NUL byte)"),
        "{e}"
    );
    let latin = temp("latin.csv", b"x,y\n1,2\n\xe9,3\n");
    let e = read(&latin, None, false).unwrap_err().to_string();
    assert!(
        e.ends_with("latin.csv:3:1: this is not UTF-8 text (a CSV file of numbers is)"),
        "{e}"
    );
    let e = read(&latin.with_file_name("missing.csv"), None, false)
        .unwrap_err()
        .to_string();
    assert!(e.contains("missing.csv: cannot read the data"), "{e}");
}

#[test]
fn a_huge_file_is_refused_by_its_size_without_reading_it() {
    let p = temp("huge.csv", b"");
    let f = std::fs::OpenOptions::new().write(true).open(&p).unwrap();
    // A sparse 200 MB file: nothing is read, so neither time nor memory grows with it.
    f.set_len(200_000_000).unwrap();
    let e = read(&p, None, false).unwrap_err().to_string();
    assert!(
        e.contains("huge.csv: the file is 200.0 MB; gradfield reads data files of at most 64 MB"),
        "{e}"
    );
    std::fs::remove_file(&p).unwrap();
}

#[test]
fn the_command_line_exits_with_2_and_the_place() {
    let bad = temp("cli.csv", b"x,y\n1,2\n3,abc\n");
    for args in [
        vec!["descend", "--start", "0,0"],
        vec!["sample", "--out", "unused.npy"],
        vec!["render", "--out", "unused.png"],
        vec!["converge", "--out", "unused.npy"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_gradfield"))
            .args(&args)
            .arg("--data")
            .arg(&bad)
            .current_dir(bad.parent().unwrap())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("cli.csv:3:3: 'abc' in column 'y' is not a number"),
            "{err}"
        );
        assert!(!bad
            .with_file_name(args.get(2).copied().unwrap_or("x"))
            .exists());
    }
}
