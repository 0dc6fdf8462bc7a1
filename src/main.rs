mod cli;

// Linting allocates many small, short-lived objects per document, on several threads at
// once: mimalloc's thread-local pages serve that with far fewer page faults and system calls
// than the C library's arenas (measured by scripts/bench-vs-xmllint.sh).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (the same number in its v2 and v3 option lists).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() {
    // A run lasts milliseconds and frees its memory at exit: returning freed pages to the
    // system on the way only splits the huge pages that later allocations reuse, which made
    // some runs three times slower than others on the same input.
    // SAFETY: sets a process-wide allocator option; no allocation depends on its old value.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
    std::process::exit(cli::run());
}
