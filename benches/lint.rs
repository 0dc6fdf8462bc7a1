//! Placeholder; the benchmarks live here.
fn main() {}
