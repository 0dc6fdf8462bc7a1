//! Shared by the `dep/*` rules, and by `express/same-writer-dependency`.

use crate::rule_api::Cx;
use crate::toolkit::backup_set::remote_dependency;
use vsslint_model::model::{Dependency, WriterMetadata};

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

/// Reports each dependency of `w` on a component of its own writer class, at the running
/// rule's severity; for `dep/same-writer` and `express/same-writer-dependency`.
pub(crate) fn report_self_dependencies(cx: &mut Cx, w: &WriterMetadata) {
    let Some(own) = w.identification().and_then(|i| i.writer_id.as_ref()) else {
        return;
    };
    let Some(own_id) = own.value.uuid() else {
        return;
    };
    for d in crate::toolkit::dependencies::all(w) {
        let Some(a) = &d.writer_id else {
            continue;
        };
        if a.value.uuid() != Some(own_id) {
            continue;
        }
        let lp = d.logical_path.as_ref().map_or("", |p| p.raw);
        let name = d.component_name.as_ref().map_or("", |n| n.raw);
        if remote_dependency(lp, name) {
            continue;
        }
        let target = match lp {
            "" => name.to_string(),
            lp => format!("{lp}\\{name}"),
        };
        cx.report(
            a.span,
            format!("the dependency on `{target}` points at this writer itself"),
        )
        .label("this document's own writerId")
        .related(own.span, "the writer's own ID")
        .help("dependencies are for components of other writers; inside one writer, put the components under a common selectable component with logicalPath so they are backed up and restored together");
    }
}
