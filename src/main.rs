mod cli;

// Linting allocates many small, short-lived objects per document, on several threads at
// once: mimalloc's thread-local pages serve that with far fewer page faults and system calls
// than the C library's arenas (measured by scripts/bench-vs-xmllint.sh).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (the same number in its v2 and v3 option lists).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
/// mimalloc's `mi_option_destroy_on_exit` (the same number in its v2 and v3 option lists).
const MI_OPTION_DESTROY_ON_EXIT: libmimalloc_sys::mi_option_t = 22;

fn main() {
    // Most runs last milliseconds and free their memory at exit: returning freed pages to
    // the system at once made linting 2,000 small documents 1.4× slower (they are reused
    // right away), and some runs three times slower than others. A large document, though,
    // frees big blocks it never reuses (the XML tree's lists as they grow), which made a
    // document of 150,000 findings peak at 208 MB. Freed pages go back after 25 ms: no
    // measurable cost on the System writer or the 2,000 documents
    // (scripts/bench-vs-xmllint.sh, BASELINE against keeping them), and that peak is 184 MB.
    // SAFETY: sets a process-wide allocator option; no allocation depends on its old value.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 25) };
    // At exit mimalloc would give every page back to the system one range at a time, which
    // the system does anyway, at once, as the process ends. Above 1 the option skips
    // mimalloc's exit work altogether (its `_mi_auto_process_done`); the standard output is
    // flushed before, by `process::exit`. On one small document: 11 `madvise` calls to 1
    // (strace -c), and 3.0 ms to 2.7 ms a run (perf stat, 60 runs, twice).
    // SAFETY: as above; nothing allocates after the process is done.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_DESTROY_ON_EXIT, 2) };
    std::process::exit(cli::run());
}
