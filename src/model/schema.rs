//! JSON Schema (draft 2020-12) of the v1 format, generated from the Rust types so
//! the two cannot drift; `schema/kehoach-v1.schema.json` is held equal by a test.

/// The schema as pretty JSON text ending with a newline.
pub fn schema_json() -> String {
    let mut schema = schemars::schema_for!(super::Document);
    schema.insert(
        "$id".into(),
        "https://kehoach.local/schema/kehoach-v1.schema.json".into(),
    );
    schema.insert("title".into(), "kehoach document, JSON format v1".into());
    // The two fixed fields are constants of the format, not free values.
    if let Some(props) = schema.get_mut("properties").and_then(|p| p.as_object_mut()) {
        props.insert(
            "format".into(),
            serde_json::json!({ "const": super::FORMAT_NAME }),
        );
        props.insert(
            "version".into(),
            serde_json::json!({ "const": super::FORMAT_VERSION }),
        );
    }
    let mut out = serde_json::to_string_pretty(&schema).unwrap_or_default();
    out.push('\n');
    out
}
