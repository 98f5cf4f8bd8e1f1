//! NumPy `.npy` (format 1.0) files of little-endian f32 in C order: the field as an
//! (H, W, 3) array of f, ∂f/∂x, ∂f/∂y, with NaN in each channel where it is undefined.

use super::write_atomic;
use crate::error::{Error, Result};
use std::io;
use std::path::Path;

const MAGIC: &[u8; 6] = b"\x93NUMPY";
/// numpy aligns the start of the data to this many bytes.
const ALIGN: usize = 64;
/// numpy leaves room for the first axis to grow to this many digits in place.
const GROWTH_AXIS_MAX_DIGITS: usize = 21;

/// The field samples (f, ∂f/∂x, ∂f/∂y, defined) as the data of an (H, W, 3) array: three
/// values per sample, each NaN where its channel is undefined (see
/// [`crate::samples::defined_channels`]: f keeps its value where only the gradient is
/// undefined).
pub fn field_to_npy_data(samples: &[[f32; 4]]) -> Vec<f32> {
    let mut out = Vec::with_capacity(samples.len() * 3);
    for s in samples {
        let defined = crate::samples::defined_channels(s);
        out.extend((0..3).map(|k| if defined[k] { s[k] } else { f32::NAN }));
    }
    out
}

/// Writes `data` as an f32 array of `shape` (C order) in `.npy` format 1.0, with the header
/// numpy itself writes, so `numpy.load` reads it.
pub fn write_npy_f32(path: &Path, shape: &[usize], data: &[f32]) -> Result<()> {
    let count = shape.iter().try_fold(1usize, |n, &d| n.checked_mul(d));
    if count != Some(data.len()) {
        return Err(Error::Input(format!(
            "NPY {}: shape {shape:?} does not hold {} values",
            path.display(),
            data.len()
        )));
    }
    let header = header(shape);
    let header_len = u16::try_from(header.len()).map_err(|_| {
        Error::Input(format!(
            "NPY {}: shape {shape:?} has too many axes",
            path.display()
        ))
    })?;
    write_atomic(path, |out| {
        out.write_all(MAGIC)?;
        out.write_all(&[1, 0])?;
        out.write_all(&header_len.to_le_bytes())?;
        out.write_all(header.as_bytes())?;
        for v in data {
            out.write_all(&v.to_le_bytes())?;
        }
        Ok(())
    })
}

/// The header text after the length field: numpy's dict, room to grow, spaces up to the
/// alignment and a newline.
fn header(shape: &[usize]) -> String {
    let dims: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
    let shape_text = match dims.len() {
        1 => format!("({},)", dims[0]),
        _ => format!("({})", dims.join(", ")),
    };
    let mut h = format!("{{'descr': '<f4', 'fortran_order': False, 'shape': {shape_text}, }}");
    if let Some(first) = dims.first() {
        h.push_str(&" ".repeat(GROWTH_AXIS_MAX_DIGITS.saturating_sub(first.len())));
    }
    let unpadded = MAGIC.len() + 2 + 2 + h.len() + 1;
    h.push_str(&" ".repeat((ALIGN - unpadded % ALIGN) % ALIGN));
    h.push('\n');
    h
}

/// Reads an f32 `.npy` file written by [`write_npy_f32`] or numpy: its shape and its values
/// in C order. Only little-endian f32 in C order is accepted.
pub fn read_npy_f32(path: &Path) -> Result<(Vec<usize>, Vec<f32>)> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    parse(&bytes).map_err(|msg| Error::io(path, io::Error::new(io::ErrorKind::InvalidData, msg)))
}

fn parse(bytes: &[u8]) -> std::result::Result<(Vec<usize>, Vec<f32>), String> {
    if bytes.len() < 10 || &bytes[..6] != MAGIC {
        return Err("not a .npy file (no \\x93NUMPY magic)".into());
    }
    let (len_size, major) = match (bytes[6], bytes[7]) {
        (1, 0) => (2, 1),
        (2 | 3, 0) => (4, bytes[6]),
        (a, b) => return Err(format!(".npy version {a}.{b} is not supported")),
    };
    let start = 8 + len_size;
    let header_len = if major == 1 {
        u16::from_le_bytes([bytes[8], bytes[9]]) as usize
    } else {
        let b = bytes.get(8..12).ok_or("truncated .npy header")?;
        u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize
    };
    let header = bytes
        .get(start..start + header_len)
        .ok_or("truncated .npy header")?;
    let header = std::str::from_utf8(header).map_err(|_| "the .npy header is not text")?;
    let descr = field(header, "descr").ok_or("the .npy header has no 'descr'")?;
    if descr != "'<f4'" {
        return Err(format!("expected little-endian f32 ('<f4'), found {descr}"));
    }
    match field(header, "fortran_order") {
        Some("False") => {}
        Some("True") => return Err("Fortran-order arrays are not supported".into()),
        _ => return Err("the .npy header has no valid 'fortran_order'".into()),
    }
    let shape_text = field(header, "shape").ok_or("the .npy header has no 'shape'")?;
    let inner = shape_text
        .strip_prefix('(')
        .and_then(|s| s.strip_suffix(')'))
        .ok_or_else(|| format!("bad shape {shape_text}"))?;
    let shape = inner
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| s.parse::<usize>())
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|_| format!("bad shape {shape_text}"))?;
    let count = shape
        .iter()
        .try_fold(1usize, |n, &d| n.checked_mul(d))
        .ok_or_else(|| format!("shape {shape_text} is too large"))?;
    let data = &bytes[start + header_len..];
    if Some(data.len()) != count.checked_mul(4) {
        return Err(format!(
            "shape {shape_text} needs {count} values but the file holds {} bytes of data",
            data.len()
        ));
    }
    let values = data
        .chunks_exact(4)
        .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    Ok((shape, values))
}

/// The text of `'key': value` in a numpy header dict: a quoted string with its quotes, a
/// parenthesised tuple with its parentheses, or a bare word.
fn field<'a>(header: &'a str, key: &str) -> Option<&'a str> {
    let at = header.find(&format!("'{key}':"))?;
    let rest = header[at + key.len() + 3..].trim_start();
    let end = match rest.chars().next()? {
        '(' => rest.find(')')? + 1,
        q @ ('\'' | '"') => rest[1..].find(q)? + 2,
        _ => rest.find([',', '}'])?,
    };
    Some(rest[..end].trim())
}

/// Writes a `w`×`h` field (samples in row-major order, row 0 at the top) as an (H, W, 3)
/// `.npy` array; see [`field_to_npy_data`].
pub fn write_field_npy(path: &Path, w: u32, h: u32, samples: &[[f32; 4]]) -> Result<()> {
    super::check_field_len(path, w, h, samples)?;
    write_npy_f32(
        path,
        &[h as usize, w as usize, 3],
        &field_to_npy_data(samples),
    )
}
