//! `vsslint.toml`: per-project settings, found from each linted file's folder upward.

use crate::rule_meta::Severity;
use crate::rules;
use crate::settings::Settings;
use globset::{Glob, GlobSet, GlobSetBuilder};
use miette::{LabeledSpan, NamedSource};
use schemars::JsonSchema;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use toml::Spanned;
use vsslint_model::os::WindowsVersion;
use vsslint_model::vocab::{self, Spelling};

/// The names a configuration file may have; the dotfile wins when both exist.
pub const FILE_NAMES: [&str; 2] = [".vsslint.toml", "vsslint.toml"];

// The top level and each override share their keys; serde's `flatten` would lose the spans
// that error messages point at, so the two structs spell them out.
/// vsslint's configuration file (`vsslint.toml` or `.vsslint.toml`).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(title = "vsslint configuration")]
struct RawConfig {
    /// Check features against this Windows version (turns on the os/* rules).
    #[schemars(with = "Option<TargetName>")]
    target_os: Option<Spanned<String>>,
    /// The documents come from express writers (turns on the express/* rules).
    express: Option<bool>,
    /// The lowest severity listed in reports: "error", "warning" or "info". Lower findings
    /// are still counted and still fail a run. By default a document's findings are all
    /// listed and a backup's (a DiskShadow folder or a cabinet) from warnings up.
    #[schemars(with = "Option<MinSeverity>")]
    min_severity: Option<Spanned<String>>,
    /// Severity per rule, by slug or code: "off", "info", "warning" or "error".
    #[serde(default)]
    #[schemars(with = "RuleLevels")]
    rules: BTreeMap<Spanned<String>, Spanned<String>>,
    /// XML spellings to accept for enumerations whose spelling Microsoft never published.
    #[serde(default)]
    accept: RawAccept,
    /// Settings for the files matching some globs (relative to this file's folder).
    #[serde(default)]
    overrides: Vec<RawOverride>,
}

/// Settings for some files; later overrides win.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawOverride {
    /// Globs, relative to the configuration file's folder (`legacy/**`).
    #[schemars(with = "Vec<String>")]
    files: Vec<Spanned<String>>,
    #[schemars(with = "Option<TargetName>")]
    target_os: Option<Spanned<String>>,
    express: Option<bool>,
    /// The lowest severity listed for these files.
    #[schemars(with = "Option<MinSeverity>")]
    min_severity: Option<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "RuleLevels")]
    rules: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    accept: RawAccept,
}

/// A `--target-os` name.
struct TargetName;

impl JsonSchema for TargetName {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "TargetName".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let names: Vec<&str> = vsslint_model::os::VERSIONS.iter().map(|v| v.1).collect();
        schemars::json_schema!({
            "description": "A Windows version, oldest first: xp, ws2003, ws2003sp1, vista, ws2008, win7, ws2008r2, win8, ws2012, win81, ws2012r2, win10, ws2016, ws2019, ws2022, win11, ws2025",
            "type": "string",
            "enum": names
        })
    }
}

/// A `min-severity` value.
struct MinSeverity;

impl JsonSchema for MinSeverity {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "MinSeverity".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "enum": ["error", "warning", "info"]
        })
    }
}

/// The `[rules]` table: rule slugs and codes to severities.
struct RuleLevels;

impl JsonSchema for RuleLevels {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "RuleLevels".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let names: Vec<&str> = rules::all()
            .iter()
            .flat_map(|r| [r.meta.slug, r.meta.code])
            .collect();
        schemars::json_schema!({
            "type": "object",
            "propertyNames": { "enum": names },
            "additionalProperties": { "enum": ["off", "info", "warning", "error"] }
        })
    }
}

/// The keys of one layer, borrowed from either struct.
struct RawLayer<'r> {
    target_os: &'r Option<Spanned<String>>,
    express: Option<bool>,
    min_severity: &'r Option<Spanned<String>>,
    rules: &'r BTreeMap<Spanned<String>, Spanned<String>>,
    accept: &'r RawAccept,
}

/// Extra spellings: `[accept.method]` maps an XML spelling to the API constant it stands for.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawAccept {
    /// `RESTORE_METHOD/@method` spellings → `VSS_RME_*` constants.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, String>")]
    method: BTreeMap<String, Spanned<String>>,
    /// `RESTORE_METHOD/@writerRestore` spellings → `VSS_WRE_*` constants.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, String>")]
    writer_restore: BTreeMap<String, Spanned<String>>,
    /// `IDENTIFICATION/@usage` spellings → `VSS_UT_*` constants.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, String>")]
    usage: BTreeMap<String, Spanned<String>>,
    /// `IDENTIFICATION/@dataSource` spellings → `VSS_ST_*` constants.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, String>")]
    data_source: BTreeMap<String, Spanned<String>>,
}

/// The JSON Schema of the configuration file, as committed in
/// `schemas/vsslint-config.schema.json`.
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(RawConfig)).expect("a schema is JSON")
}

/// One set of settings: the file's top level, or an override.
#[derive(Debug, Clone, Default)]
struct Layer {
    target_os: Option<WindowsVersion>,
    express: Option<bool>,
    min_severity: Option<Severity>,
    rules: Vec<(&'static str, Option<Severity>)>,
    accept: crate::settings::ExtraSpellings,
}

impl Layer {
    fn apply(&self, s: &mut Settings) {
        if self.target_os.is_some() {
            s.target_os = self.target_os;
        }
        if let Some(e) = self.express {
            s.express = e;
        }
        if self.min_severity.is_some() {
            s.min_severity = self.min_severity;
        }
        for (slug, sev) in &self.rules {
            s.rules.insert(slug, *sev);
        }
        s.accept.method.extend(self.accept.method.clone());
        s.accept
            .writer_restore
            .extend(self.accept.writer_restore.clone());
        s.accept.usage.extend(self.accept.usage.clone());
        s.accept.data_source.extend(self.accept.data_source.clone());
    }
}

/// A loaded configuration file.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file it was read from, as named; override globs are relative to its folder.
    pub path: PathBuf,
    base: Layer,
    overrides: Vec<(GlobSet, Layer)>,
}

/// A configuration file that cannot be used: where and why, rendered with miette.
#[derive(Debug)]
pub struct ConfigError {
    /// The configuration file.
    pub path: PathBuf,
    /// What is wrong.
    pub message: String,
    /// How to put it right, when there is something to say.
    pub help: Option<String>,
    /// The offending part of the file, as a byte range of its text; `None` when the error
    /// is about no one place (the file cannot be read, the globs together are invalid).
    pub span: Option<std::ops::Range<usize>>,
    source: NamedSource<String>,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ConfigError {}

impl miette::Diagnostic for ConfigError {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new(format!("in {}", self.path.display())))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn std::fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.span.clone()?;
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(
                Some("here".into()),
                (span.start, span.end - span.start),
            ),
        )))
    }
}

impl ConfigError {
    fn new(
        path: &Path,
        source: &str,
        message: String,
        span: Option<std::ops::Range<usize>>,
        help: Option<String>,
    ) -> Self {
        ConfigError {
            path: path.to_path_buf(),
            message,
            help,
            span,
            source: NamedSource::new(path.display().to_string(), source.to_string()),
        }
    }

    /// The error as miette renders it, with the offending part of the file.
    pub fn render(&self, style: crate::report::full::Style) -> String {
        let mut out = String::new();
        if style.handler().render_report(&mut out, self).is_err() {
            out = format!("error: {}: {}\n", self.path.display(), self.message);
        }
        out
    }
}

impl Config {
    /// Reads and checks a configuration file.
    pub fn load(path: &Path) -> Result<Config, Box<ConfigError>> {
        let source = std::fs::read_to_string(path).map_err(|e| {
            ConfigError::new(
                path,
                "",
                format!(
                    "cannot read the configuration file `{}`: {}",
                    path.display(),
                    match e.kind() {
                        std::io::ErrorKind::NotFound => "no such file".to_string(),
                        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
                        _ => e.to_string(),
                    }
                ),
                None,
                None,
            )
        })?;
        Config::parse(path, &source)
    }

    /// Reads and checks `source`, the text of the configuration file at `path`.
    pub fn parse(path: &Path, source: &str) -> Result<Config, Box<ConfigError>> {
        let fail = |message: String, span: Option<std::ops::Range<usize>>, help: Option<String>| {
            Box::new(ConfigError::new(path, source, message, span, help))
        };
        let raw: RawConfig = toml::from_str(source).map_err(|e| {
            fail(
                e.message().trim().to_string(),
                e.span(),
                Some("keys: target-os, express, min-severity, [rules], [accept.method|writer-restore|usage|data-source], [[overrides]] with files = [\"glob\", …]".into()),
            )
        })?;
        let base = layer(
            &RawLayer {
                target_os: &raw.target_os,
                express: raw.express,
                min_severity: &raw.min_severity,
                rules: &raw.rules,
                accept: &raw.accept,
            },
            &fail,
        )?;
        let mut overrides = Vec::new();
        for o in &raw.overrides {
            let mut set = GlobSetBuilder::new();
            for g in &o.files {
                let glob = Glob::new(&portable_glob(g.get_ref())).map_err(|e| {
                    fail(
                        format!("invalid glob `{}`: {}", g.get_ref(), e.kind()),
                        Some(g.span()),
                        None,
                    )
                })?;
                set.add(glob);
            }
            let set = set
                .build()
                .map_err(|e| fail(format!("invalid globs: {e}"), None, None))?;
            let l = RawLayer {
                target_os: &o.target_os,
                express: o.express,
                min_severity: &o.min_severity,
                rules: &o.rules,
                accept: &o.accept,
            };
            overrides.push((set, layer(&l, &fail)?));
        }
        Ok(Config {
            path: path.to_path_buf(),
            base,
            overrides,
        })
    }

    /// The settings for one linted file: the top level, then every override whose globs
    /// match the file's path relative to the configuration file's folder.
    pub fn apply(&self, file: &Path, settings: &mut Settings) {
        self.base.apply(settings);
        let root = self.path.parent().unwrap_or(Path::new(""));
        let rel = relative_to(file, root);
        for (set, layer) in &self.overrides {
            if set.is_match(&rel) {
                layer.apply(settings);
            }
        }
    }

    /// The nearest configuration file above `file` (in its folder or any parent).
    pub fn discover(file: &Path) -> Option<PathBuf> {
        Discovery::default().for_file(file)
    }
}

/// Configuration discovery for many files: each directory is looked at once, so a tree of
/// thousands of documents costs a few file-system checks per directory, not per file.
#[derive(Debug, Default)]
pub struct Discovery {
    dirs: HashMap<PathBuf, Option<PathBuf>>,
    /// The directory of the last file, as written, and what was found for it: the files of
    /// a walked directory come one after another, and making each one's path absolute to
    /// look its directory up again is a large part of the time before linting starts.
    last: Option<(PathBuf, Option<PathBuf>)>,
}

impl Discovery {
    /// The configuration file that applies to `file`: the nearest one in its directory or
    /// above.
    pub fn for_file(&mut self, file: &Path) -> Option<PathBuf> {
        let dir = file.parent()?;
        if let Some((last, found)) = &self.last {
            if dir == last {
                return found.clone();
            }
        }
        let abs = std::path::absolute(file).ok()?;
        let found = self.for_dir(abs.parent()?);
        self.last = Some((dir.to_path_buf(), found.clone()));
        found
    }

    fn for_dir(&mut self, dir: &Path) -> Option<PathBuf> {
        if let Some(found) = self.dirs.get(dir) {
            return found.clone();
        }
        let found = FILE_NAMES
            .iter()
            .map(|name| dir.join(name))
            .find(|candidate| candidate.is_file())
            .or_else(|| self.for_dir(dir.parent()?));
        self.dirs.insert(dir.to_path_buf(), found.clone());
        found
    }
}

/// A glob as globset reads it. On Windows `\` separates folders in globs as in paths (globset
/// gives it no escaping role there), but a pattern only matches `/`: `legacy\**` is turned
/// into `legacy/**`. Elsewhere `\` stays an escape.
pub fn portable_glob(pattern: &str) -> std::borrow::Cow<'_, str> {
    if cfg!(windows) && pattern.contains('\\') {
        pattern.replace('\\', "/").into()
    } else {
        pattern.into()
    }
}

fn relative_to(file: &Path, root: &Path) -> PathBuf {
    let abs_file = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
    let abs_root = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    abs_file
        .strip_prefix(&abs_root)
        .map(Path::to_path_buf)
        .unwrap_or(abs_file)
}

type Fail<'f> =
    dyn Fn(String, Option<std::ops::Range<usize>>, Option<String>) -> Box<ConfigError> + 'f;

fn layer(raw: &RawLayer, fail: &Fail) -> Result<Layer, Box<ConfigError>> {
    let mut l = Layer {
        express: raw.express,
        ..Layer::default()
    };
    if let Some(t) = raw.target_os {
        l.target_os = Some(WindowsVersion::from_name(t.get_ref()).ok_or_else(|| {
            fail(
                format!("unknown Windows version `{}`", t.get_ref()),
                Some(t.span()),
                Some(format!(
                    "{}valid names, oldest first: {}",
                    WindowsVersion::nearest_name(t.get_ref())
                        .map(|n| format!("did you mean `{n}`? "))
                        .unwrap_or_default(),
                    WindowsVersion::all_names()
                )),
            )
        })?);
    }
    if let Some(min) = raw.min_severity {
        l.min_severity = Some(match min.get_ref().as_str() {
            "info" => Severity::Info,
            "warning" => Severity::Warning,
            "error" => Severity::Error,
            other => {
                return Err(fail(
                    format!("unknown min-severity `{other}`"),
                    Some(min.span()),
                    Some(format!(
                        "{}use \"error\", \"warning\" or \"info\"",
                        vsslint_model::suggest::nearest(other, ["error", "warning", "info"])
                            .map(|s| format!("did you mean \"{s}\"? "))
                            .unwrap_or_default()
                    )),
                ))
            }
        });
    }
    for (name, value) in raw.rules {
        let rule = rules::find(name.get_ref()).ok_or_else(|| {
            fail(
                format!("unknown rule `{}`", name.get_ref()),
                Some(name.span()),
                Some(match rules::nearest_slug(name.get_ref()) {
                    Some(slug) => format!("did you mean `{slug}`? `vsslint rules` lists every rule"),
                    None => "name a rule by its slug (comp/selectable-missing) or code (VSL406); `vsslint rules` lists them".into(),
                }),
            )
        })?;
        let sev = match value.get_ref().as_str() {
            "off" => None,
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            other => {
                return Err(fail(
                    format!("unknown severity `{other}` for {}", rule.meta.slug),
                    Some(value.span()),
                    Some(format!(
                        "{}use \"off\", \"info\", \"warning\" or \"error\"",
                        vsslint_model::suggest::nearest(other, ["off", "info", "warning", "error"])
                            .map(|s| format!("did you mean \"{s}\"? "))
                            .unwrap_or_default()
                    )),
                ))
            }
        };
        l.rules.push((rule.meta.slug, sev));
    }
    l.accept.method = accept(&raw.accept.method, vocab::METHOD_SPELLINGS, "method", fail)?;
    l.accept.writer_restore = accept(
        &raw.accept.writer_restore,
        vocab::WRITER_RESTORE_SPELLINGS,
        "writer-restore",
        fail,
    )?;
    l.accept.usage = accept(&raw.accept.usage, vocab::USAGE_SPELLINGS, "usage", fail)?;
    l.accept.data_source = accept(
        &raw.accept.data_source,
        vocab::DATA_SOURCE_SPELLINGS,
        "data-source",
        fail,
    )?;
    Ok(l)
}

fn accept<T: Copy>(
    raw: &BTreeMap<String, Spanned<String>>,
    table: &[Spelling<T>],
    key: &str,
    fail: &Fail,
) -> Result<HashMap<String, T>, Box<ConfigError>> {
    let mut out = HashMap::new();
    for (spelling, constant) in raw {
        let value = table
            .iter()
            .find(|s| s.constant == constant.get_ref())
            .map(|s| s.value)
            .ok_or_else(|| {
                let mut constants: Vec<&str> = table.iter().map(|s| s.constant).collect();
                constants.dedup();
                fail(
                    format!(
                        "`{}` is not a constant of [accept.{key}]",
                        constant.get_ref()
                    ),
                    Some(constant.span()),
                    Some(format!(
                        "map the spelling to one of: {}",
                        constants.join(", ")
                    )),
                )
            })?;
        out.insert(spelling.clone(), value);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_rule_points_at_the_key() {
        let src = "[rules]\n\"comp/nope\" = \"off\"\n";
        let e = Config::parse(Path::new("vsslint.toml"), src).unwrap_err();
        assert!(e.message.contains("comp/nope"));
        assert_eq!(&src[e.span.unwrap()], "\"comp/nope\"");
    }

    #[test]
    fn unknown_key_is_an_error() {
        let e = Config::parse(Path::new("vsslint.toml"), "taget-os = \"win7\"\n").unwrap_err();
        assert!(e.message.contains("taget-os"), "{}", e.message);
        assert!(e.span.is_some());
    }

    #[test]
    fn rules_by_slug_and_code() {
        let c = Config::parse(
            Path::new("vsslint.toml"),
            "target-os = \"ws2008\"\n[rules]\n\"doc/version\" = \"off\"\nVSL007 = \"error\"\n[accept.method]\nSTOP_THEN_START = \"VSS_RME_STOP_RESTORE_START\"\n",
        )
        .unwrap();
        let mut s = Settings::default();
        c.apply(Path::new("x.xml"), &mut s);
        assert_eq!(s.target_os, Some(WindowsVersion::Ws2008));
        assert_eq!(s.rules.get("doc/version"), Some(&None));
        assert_eq!(
            s.rules.get("doc/restore-method-missing"),
            Some(&Some(Severity::Error))
        );
        assert_eq!(
            s.accept.method.get("STOP_THEN_START"),
            Some(&vsslint_model::vocab::Method::StopRestoreStart)
        );
    }
}
