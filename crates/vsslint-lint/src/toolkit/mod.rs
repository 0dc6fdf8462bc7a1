//! The shared rule toolkit: what several rules need and no rule owns. Rule files import the
//! rule API and these modules, never another rule file.

pub(crate) mod attrs;
pub mod backup_set;
pub(crate) mod compat_components;
pub(crate) mod compat_file_sets;
pub(crate) mod compat_flags;
pub(crate) mod compat_identity;
pub(crate) mod compat_keyed;
pub(crate) mod compat_match;
pub(crate) mod compat_pairs;
pub(crate) mod compat_writer;
pub(crate) mod components;
pub(crate) mod dependencies;
pub mod file_paths;
pub(crate) mod hints;
pub(crate) mod ids;
pub(crate) mod logical_paths;
pub(crate) mod mappings;
pub(crate) mod os_features;
pub(crate) mod path_index;
pub(crate) mod restore;
pub(crate) mod schema;
#[cfg(test)]
pub(crate) mod testing;
