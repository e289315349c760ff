//! Reading the tables `build.rs` packs as varints (`nfc_tables`, `case`).

/// A cursor over packed bytes; reading past the end gives zeros.
pub(super) struct Reader<'a>(pub(super) &'a [u8]);

impl Reader<'_> {
    /// An unsigned LEB128 number.
    pub(super) fn varint(&mut self) -> u32 {
        let (mut n, mut shift) = (0u32, 0);
        while let Some((&b, rest)) = self.0.split_first() {
            self.0 = rest;
            n |= ((b & 0x7f) as u32) << shift;
            if b < 0x80 {
                break;
            }
            shift += 7;
        }
        n
    }

    /// A signed number, zigzag-encoded as a varint.
    pub(super) fn zigzag(&mut self) -> i32 {
        let z = self.varint();
        (z >> 1) as i32 * if z & 1 == 1 { -1 } else { 1 }
    }

    pub(super) fn byte(&mut self) -> u8 {
        let (&b, rest) = self.0.split_first().unwrap_or((&0, &[]));
        self.0 = rest;
        b
    }
}
