//! A minimal ZIP writer: STORED entries (no compression) and a bytewise CRC-32.
//!
//! Why not the `zip` crate: a .docx only needs a handful of entries written once;
//! Word and LibreOffice open stored archives, and leaving out deflate keeps the
//! wasm bundle small. The price is a larger file (a 1000-row plan is ~1.2 MB
//! instead of ~100 KB), acceptable for a download made on the user's own machine.
//!
//! Why not `crc32fast`: measured in the release wasm, its slice-by-16 tables
//! (16 KB of incompressible data) cost ≈ 18 KB raw / 19.5 KB gzip, a tenth of the
//! app's whole first-load budget. The 1 KB table below, built at compile time,
//! is slower (≈ 1–2 ms more for a 1000-row plan) and checked against `crc32fast`
//! in the tests.
//! Dates are fixed at 1980-01-01 so the same document gives the same bytes.

/// CRC-32 of ZIP (IEEE 802.3, reflected polynomial 0xEDB88320), one byte at a time.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
};

pub fn crc32(data: &[u8]) -> u32 {
    !data.iter().fold(!0u32, |c, &b| {
        CRC_TABLE[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8)
    })
}

pub struct ZipWriter {
    out: Vec<u8>,
    central: Vec<u8>,
    entries: u16,
}

const DOS_DATE_1980_01_01: u16 = (1 << 5) | 1;
const UTF8_NAMES: u16 = 1 << 11;

fn u16le(v: &mut Vec<u8>, x: u16) {
    v.extend_from_slice(&x.to_le_bytes());
}

fn u32le(v: &mut Vec<u8>, x: u32) {
    v.extend_from_slice(&x.to_le_bytes());
}

impl ZipWriter {
    pub fn new() -> Self {
        ZipWriter {
            out: Vec::new(),
            central: Vec::new(),
            entries: 0,
        }
    }

    /// Add one file. Archives stay far below the 4 GB / 65 535-entry limits of
    /// plain (non-ZIP64) archives, which a document never reaches.
    pub fn add(&mut self, name: &str, data: &[u8]) {
        let crc = crc32(data);
        let offset = self.out.len() as u32;
        let size = data.len() as u32;
        // Fields shared by the local header and the central directory entry,
        // from "version needed" through "extra field length".
        let mut common = Vec::with_capacity(26);
        u16le(&mut common, 10); // version needed: 1.0, stored
        u16le(&mut common, UTF8_NAMES);
        u16le(&mut common, 0); // method: stored
        u16le(&mut common, 0); // time 00:00
        u16le(&mut common, DOS_DATE_1980_01_01);
        u32le(&mut common, crc);
        u32le(&mut common, size); // compressed
        u32le(&mut common, size); // uncompressed
        u16le(&mut common, name.len() as u16);
        u16le(&mut common, 0); // extra length

        u32le(&mut self.out, 0x0403_4b50);
        self.out.extend_from_slice(&common);
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(data);

        u32le(&mut self.central, 0x0201_4b50);
        u16le(&mut self.central, 20); // made by: 2.0, MS-DOS
        self.central.extend_from_slice(&common);
        u16le(&mut self.central, 0); // comment length
        u16le(&mut self.central, 0); // disk number
        u16le(&mut self.central, 0); // internal attributes
        u32le(&mut self.central, 0); // external attributes
        u32le(&mut self.central, offset);
        self.central.extend_from_slice(name.as_bytes());
        self.entries += 1;
    }

    /// The finished archive.
    pub fn finish(mut self) -> Vec<u8> {
        let cd_offset = self.out.len() as u32;
        let cd_size = self.central.len() as u32;
        self.out.append(&mut self.central);
        u32le(&mut self.out, 0x0605_4b50);
        u16le(&mut self.out, 0); // this disk
        u16le(&mut self.out, 0); // disk with the central directory
        u16le(&mut self.out, self.entries);
        u16le(&mut self.out, self.entries);
        u32le(&mut self.out, cd_size);
        u32le(&mut self.out, cd_offset);
        u16le(&mut self.out, 0); // comment length
        self.out
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn crc_matches_crc32fast() {
        for data in [
            &b""[..],
            b"a",
            b"123456789",
            "Kế hoạch 😀".as_bytes(),
            &[0xFF; 1000],
        ] {
            assert_eq!(super::crc32(data), crc32fast::hash(data));
        }
        assert_eq!(super::crc32(b"123456789"), 0xCBF4_3926);
    }
}
