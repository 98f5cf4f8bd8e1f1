//! The `gradfield` binary (the command line is being wired up).
fn main() {}
