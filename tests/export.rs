//! Tests of the file writers: NPY layout and round trip, CSV contents and order, PNG
//! decodability, and that a failed write leaves nothing behind and nothing changed.

use gradfield::descent::{Hyper, Optimizer, Path as DescentPath};
use gradfield::export::{
    field_to_npy_data, read_npy_f32, write_atomic, write_field_csv, write_field_npy, write_npy_f32,
    write_paths_csv, write_png_rgba8,
};
use gradfield::{Error, View};
use std::fs;
use std::io;
use std::path::Path;

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn npy_header_is_numpys_and_data_is_aligned() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("field.npy");
    let data: Vec<f32> = (0..18).map(|i| i as f32 * 0.5 - 3.0).collect();
    write_npy_f32(&path, &[2, 3, 3], &data).unwrap();
    let bytes = fs::read(&path).unwrap();
    assert_eq!(&bytes[..8], b"\x93NUMPY\x01\x00");
    let header_len = u16::from_le_bytes([bytes[8], bytes[9]]) as usize;
    assert_eq!(
        (10 + header_len) % 64,
        0,
        "data must start on a 64-byte boundary"
    );
    let header = std::str::from_utf8(&bytes[10..10 + header_len]).unwrap();
    let dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3, 3), }";
    assert!(header.starts_with(dict), "{header:?}");
    assert!(header.ends_with('\n') && header[dict.len()..header_len - 1].trim().is_empty());
    let body: Vec<u8> = data.iter().flat_map(|v| v.to_le_bytes()).collect();
    assert_eq!(&bytes[10 + header_len..], &body[..]);
}

#[test]
fn npy_round_trips_shapes_and_exact_values() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.npy");
    let odd = [f32::NAN, -0.0, f32::INFINITY, 1e-45, -3.4e38, 0.1];
    for shape in [vec![6], vec![2, 3], vec![1, 2, 3], vec![0, 4]] {
        let n: usize = shape.iter().product();
        write_npy_f32(&path, &shape, &odd[..n]).unwrap();
        let (s, v) = read_npy_f32(&path).unwrap();
        assert_eq!(s, shape);
        let bits = |x: &[f32]| x.iter().map(|f| f.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&v), bits(&odd[..n]), "{shape:?}");
    }
    let header = String::from_utf8_lossy(&fs::read(&path).unwrap()[10..]).into_owned();
    assert!(header.contains("'shape': (0, 4), "));
    write_npy_f32(&path, &[6], &odd).unwrap();
    let bytes = fs::read(&path).unwrap();
    assert!(String::from_utf8_lossy(&bytes).contains("'shape': (6,), "));
    assert!(matches!(
        write_npy_f32(&path, &[4], &odd),
        Err(Error::Input(_))
    ));
}

#[test]
fn npy_reader_rejects_what_it_cannot_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.npy");
    write_npy_f32(&path, &[2], &[1.0, 2.0]).unwrap();
    let good = fs::read(&path).unwrap();
    let swap = |from: &str, to: &str| {
        let at = good.windows(from.len()).position(|w| w == from.as_bytes());
        let mut bytes = good.clone();
        bytes.splice(at.unwrap()..at.unwrap() + from.len(), to.bytes());
        bytes
    };
    let cases: [(Vec<u8>, &str); 4] = [
        (b"PK\x03\x04 not numpy".to_vec(), "magic"),
        (swap("'<f4'", "'<f8'"), "<f8"),
        (swap("False", "True "), "Fortran"),
        (good[..good.len() - 1].to_vec(), "holds 7 bytes"),
    ];
    for (bytes, why) in cases {
        fs::write(&path, bytes).unwrap();
        match read_npy_f32(&path) {
            Err(Error::Io { path: p, source }) => {
                assert_eq!(p, path);
                assert!(source.to_string().contains(why), "{why}: {source}");
            }
            other => panic!("{why}: expected an error, got {other:?}"),
        }
    }
}

#[test]
fn field_npy_marks_undefined_samples_nan() {
    // The fourth channel holds the bits 1 (f), 2 (∂f/∂x), 4 (∂f/∂y) of the defined channels.
    let samples = [
        [1.0, 2.0, 3.0, 7.0],
        [9.0, 9.0, 9.0, 0.0],
        [-4.0, 5.0, 6.0, 7.0],
    ];
    let data = field_to_npy_data(&samples);
    assert_eq!(&data[..3], &[1.0, 2.0, 3.0]);
    assert!(data[3..6].iter().all(|v| v.is_nan()));
    assert_eq!(&data[6..], &[-4.0, 5.0, 6.0]);
    // f defined where its gradient is not (a cusp), or only one partial: NaN in those
    // channels only (before, all three were NaN).
    let partial = field_to_npy_data(&[[2.0, 0.0, 0.0, 1.0], [2.0, 0.0, 4.0, 5.0]]);
    assert_eq!(partial[0], 2.0);
    assert!(partial[1].is_nan() && partial[2].is_nan());
    assert_eq!([partial[3], partial[5]], [2.0, 4.0]);
    assert!(partial[4].is_nan());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.npy");
    write_field_npy(&path, 3, 1, &samples).unwrap();
    let (shape, back) = read_npy_f32(&path).unwrap();
    assert_eq!(shape, [1, 3, 3]);
    assert!(back[4].is_nan() && back[8] == 6.0);
    assert!(matches!(
        write_field_npy(&path, 2, 2, &samples),
        Err(Error::Input(_))
    ));
}

#[test]
fn field_csv_rows_follow_the_grid_convention() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("field.csv");
    let view = View::new(-1.0, 2.0, -0.3, 0.7).unwrap();
    let (w, h) = (3u32, 2u32);
    let samples: Vec<[f32; 4]> = (0..6)
        .map(|n| {
            [
                n as f32 / 3.0,
                -(n as f32),
                0.1 * n as f32,
                // All defined, except sample 4 (nothing) and sample 5 (f only).
                [7.0, 7.0, 7.0, 7.0, 0.0, 1.0][n],
            ]
        })
        .collect();
    write_field_csv(&path, &view, w, h, &samples).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("x,y,f,dfdx,dfdy"));
    let rows: Vec<Vec<f64>> = lines
        .map(|l| l.split(',').map(|c| c.parse().unwrap()).collect())
        .collect();
    assert_eq!(rows.len(), 6);
    for (n, row) in rows.iter().enumerate() {
        let (i, j) = (n as u32 % w, n as u32 / w);
        // Coordinates are the f32-rounded sample positions, read back exactly.
        assert_eq!(row[0], f64::from(view.sample_x(i, w) as f32), "row {n}");
        assert_eq!(row[1], f64::from(view.sample_y(j, h) as f32), "row {n}");
        if n == 4 {
            assert!(row[2..].iter().all(|v| v.is_nan()), "undefined sample");
        } else if n == 5 {
            assert_eq!(row[2], f64::from(samples[n][0]), "f defined");
            assert!(row[3].is_nan() && row[4].is_nan(), "gradient undefined");
        } else {
            let s = samples[n];
            assert_eq!(row[2..], [s[0], s[1], s[2]].map(f64::from), "row {n}");
        }
    }
    assert!(rows[0][1] > rows[3][1], "row 0 is the top of the view");
}

#[test]
fn paths_csv_lists_every_point_of_every_path() {
    let mut bowl = |x: f64, y: f64| Some([x * x + y * y, 2.0 * x, 2.0 * y]);
    let mut paths: Vec<DescentPath> = [(1.0, -2.0), (0.3, 0.1)]
        .into_iter()
        .map(|s| DescentPath::new(s, Optimizer::Adam, Hyper::new(0.1), &mut bowl))
        .collect();
    paths[0].run(&mut bowl, 4, 0.0);
    paths[1].run(&mut bowl, 2, 0.0);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("paths.csv");
    write_paths_csv(&path, &paths).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("path,step,x,y,f,dfdx,dfdy,lr"));
    let rows: Vec<Vec<f64>> = lines
        .map(|l| l.split(',').map(|c| c.parse().unwrap()).collect())
        .collect();
    // The last column is the step size taken from the point (NaN where none was).
    let same = |a: f64, b: Option<f64>| b.map_or(a.is_nan(), |b| a == b);
    let expected: Vec<(usize, usize)> = (0..5)
        .map(|k| (0, k))
        .chain((0..3).map(|k| (1, k)))
        .collect();
    assert_eq!(rows.len(), expected.len());
    for (row, &(n, k)) in rows.iter().zip(&expected) {
        let p = paths[n].points[k];
        assert_eq!(
            row[..7],
            [n as f64, k as f64, p.x, p.y, p.f, p.dfdx, p.dfdy]
        );
        assert!(same(row[7], p.lr), "{row:?}");
    }
}

#[test]
fn failed_write_leaves_no_temp_file_and_the_old_file_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("keep.csv");
    let old = b"x,y\n1,2\n".repeat(1000);
    fs::write(&path, &old).unwrap();
    let result = write_atomic(&path, |out| {
        out.write_all(&[b'z'; 100_000])?;
        Err(io::Error::other("disk on fire"))
    });
    match result {
        Err(Error::Io { path: p, source }) => {
            assert_eq!(p, path);
            assert!(source.to_string().contains("disk on fire"));
        }
        other => panic!("expected an I/O error, got {other:?}"),
    }
    assert_eq!(fs::read(&path).unwrap(), old);
    assert_eq!(entries(dir.path()), ["keep.csv"]);
    // A successful write replaces the file and leaves nothing else behind.
    write_atomic(&path, |out| out.write_all(b"new")).unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"new");
    assert_eq!(entries(dir.path()), ["keep.csv"]);
}

#[test]
fn missing_directory_is_an_io_error_naming_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no/such/dir/out.npy");
    match write_npy_f32(&path, &[1], &[1.0]) {
        Err(e @ Error::Io { .. }) => {
            let msg = e.to_string();
            assert!(msg.starts_with(&path.display().to_string()), "{msg}");
            assert!(msg.contains("does not exist"), "{msg}");
            assert!(
                matches!(e, Error::Io { source, .. } if source.kind() == io::ErrorKind::NotFound)
            );
        }
        other => panic!("expected an I/O error, got {other:?}"),
    }
    assert_eq!(entries(dir.path()), Vec::<String>::new());
}

#[test]
fn png_decodes_to_the_same_pixels() {
    let (w, h) = (5u32, 3u32);
    let rgba: Vec<u8> = (0..w * h * 4).map(|i| (i * 37 % 256) as u8).collect();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pic.png");
    write_png_rgba8(&path, w, h, &rgba).unwrap();
    let decoder = png::Decoder::new(fs::File::open(&path).unwrap());
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!((info.width, info.height), (w, h));
    assert_eq!(info.color_type, png::ColorType::Rgba);
    assert_eq!(&buf[..info.buffer_size()], &rgba[..]);
    assert!(matches!(
        write_png_rgba8(&path, w, h + 1, &rgba),
        Err(Error::Input(_))
    ));
}
