pub(crate) mod vshadow;
