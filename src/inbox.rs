//! Microsoft's documented in-box writers.
