//! Fuzz target: any bytes that are UTF-8 go through the whole text → shader path (parse,
//! differentiate, compile to tapes, generate the field shader, validate it with naga). A parse
//! error is fine; a panic, or a function that parses but yields an invalid shader, is a bug.
#![no_main]

use gradfield::expr::Function;
use gradfield::gpu::{shader::validate, source::field_source};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(f) = Function::parse(text) else {
        return;
    };
    let c = f.compile();
    let src = match field_source(&c.grad, &c.value) {
        Ok(src) => src,
        Err(e) => panic!("no shader for {text:?}: {e}"),
    };
    if let Err(e) = validate("fuzz field", &src) {
        panic!("invalid shader for {text:?}: {e}");
    }
    // The printed derivatives must parse again with the same variable names.
    let [_, px, py] = f.formulas();
    let head = format!("f({}, {}) = ", f.vars.x, f.vars.y);
    let _ = Function::parse(&format!("{head}{px}"));
    let _ = Function::parse(&format!("{head}{py}"));
});
