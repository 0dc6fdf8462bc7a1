mod cli;

// Linting allocates many small, short-lived objects per document, on several threads at
// once: mimalloc's thread-local pages serve that with far fewer page faults and system calls
// than the C library's arenas (measured by scripts/bench-vs-xmllint.sh).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(cli::run());
}
