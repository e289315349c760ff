//! Operating-system errors in words a ward officer understands, in Vietnamese
//! or English: the common kinds are translated; anything else is a generic
//! phrase with the raw error in brackets, as a last resort.

use crate::Lang;
use std::io::{Error, ErrorKind};

/// What went wrong, without the file name ("không tìm thấy tệp").
pub fn describe(e: &Error, lang: Lang) -> String {
    let (vi, en) = match e.kind() {
        ErrorKind::NotFound => ("không tìm thấy tệp", "file not found"),
        ErrorKind::PermissionDenied => (
            "không có quyền truy cập tệp này",
            "permission denied for this file",
        ),
        ErrorKind::IsADirectory => (
            "đây là một thư mục, không phải tệp",
            "this is a folder, not a file",
        ),
        ErrorKind::NotADirectory => (
            "một phần của đường dẫn không phải là thư mục",
            "part of the path is not a folder",
        ),
        ErrorKind::AlreadyExists => ("tệp đã có sẵn", "the file already exists"),
        ErrorKind::StorageFull => (
            "ổ đĩa đã đầy, hãy giải phóng chỗ trống rồi thử lại",
            "the disk is full; free some space and try again",
        ),
        ErrorKind::ReadOnlyFilesystem => (
            "ổ đĩa chỉ cho phép đọc, không ghi được",
            "the disk is read-only",
        ),
        ErrorKind::FileTooLarge => (
            "tệp vượt quá kích thước hệ thống cho phép",
            "the file is larger than the system allows",
        ),
        ErrorKind::InvalidData => (
            "dữ liệu trong tệp không hợp lệ",
            "the file holds invalid data",
        ),
        ErrorKind::BrokenPipe => (
            "chương trình nhận kết quả đã đóng",
            "the program receiving the output has closed",
        ),
        ErrorKind::ResourceBusy => ("tệp đang bị chương trình khác dùng", "the file is in use"),
        ErrorKind::InvalidFilename => ("tên tệp không hợp lệ", "the file name is not valid"),
        _ => {
            return match lang {
                Lang::Vi => format!("lỗi của hệ điều hành [{e}]"),
                Lang::En => format!("operating system error [{e}]"),
            }
        }
    };
    lang.pick(vi, en).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_kinds_are_translated_and_others_keep_the_raw_error() {
        let e = Error::from(ErrorKind::NotFound);
        assert_eq!(describe(&e, Lang::Vi), "không tìm thấy tệp");
        assert_eq!(describe(&e, Lang::En), "file not found");
        let full = Error::from_raw_os_error(28); // ENOSPC on Linux
        assert!(describe(&full, Lang::Vi).contains("ổ đĩa đã đầy"));
        let other = Error::other("weird");
        assert_eq!(describe(&other, Lang::En), "operating system error [weird]");
    }
}
