//! Shared by the `dep/*` rules.

use crate::model::{Dependency, WriterMetadata};

/// Every dependency of the writer, inside components or not.
pub(crate) fn all<'w, 'a>(w: &'w WriterMetadata<'a>) -> impl Iterator<Item = &'w Dependency<'a>> {
    w.components
        .iter()
        .flat_map(|c| c.dependencies.iter())
        .chain(w.loose_dependencies.iter())
}

/// What the `what` text of each rule says about the XML spelling.
macro_rules! spelling_note {
    () => {
        "The XML spelling of a dependency is inferred, not confirmed: no public writer metadata \
    document shows one. vsslint accepts a `DEPENDENCY` or `COMPONENT_DEPENDENCY` element inside \
    the component, with the target in `onWriterId`, `onLogicalPath` and `onComponentName` (or \
    `writerId`, `logicalPath`, `componentName`), after the parameters of \
    `AddComponentDependency` and the VSS Test Writer's configuration format."
    };
}
pub(crate) use spelling_note;
