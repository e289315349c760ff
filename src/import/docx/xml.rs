//! Small helpers over `roxmltree` for WordprocessingML: element and attribute
//! names in the `w:` namespace, transitional or strict (ISO 29500 strict files
//! use another namespace URI for the same names).

use roxmltree::Node;

pub const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W_STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";

/// The local name of a `w:` element, `None` for other nodes.
pub fn w_name<'a>(n: Node<'a, '_>) -> Option<&'a str> {
    if !n.is_element() {
        return None;
    }
    let tag = n.tag_name();
    matches!(tag.namespace(), Some(W_NS | W_STRICT)).then(|| tag.name())
}

/// A `w:` attribute of a `w:` element (Word always prefixes them).
pub fn attr<'a>(n: Node<'a, '_>, local: &str) -> Option<&'a str> {
    let ns = n.tag_name().namespace();
    n.attributes()
        .find(|a| a.name() == local && a.namespace() == ns)
        .map(|a| a.value())
}

/// `w:val`.
pub fn val<'a>(n: Node<'a, '_>) -> Option<&'a str> {
    attr(n, "val")
}

/// The first `w:` child element with this local name.
pub fn child<'a, 'i>(n: Node<'a, 'i>, local: &str) -> Option<Node<'a, 'i>> {
    n.children().find(|c| w_name(*c) == Some(local))
}

/// `w:val` of the child `local`, parsed as a number.
pub fn child_num<T: std::str::FromStr>(n: Node, local: &str) -> Option<T> {
    child(n, local)
        .and_then(val)
        .and_then(|v| v.trim().parse().ok())
}

/// An on/off property (`<w:b/>`, `<w:b w:val="0"/>`): absent `w:val` is on.
pub fn on_off(n: Node) -> bool {
    !matches!(val(n), Some("0" | "false" | "off"))
}

/// The on/off child `local`, `None` when absent (inherited).
pub fn child_on_off(n: Node, local: &str) -> Option<bool> {
    child(n, local).map(on_off)
}
