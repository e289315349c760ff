//! Everything the CLI writes: standard output through [`Out`], which never
//! panics, and files through [`write_file`], which never leaves a half-written
//! file behind.
//!
//! A closed pipe (`kehoach export f.json | head -1`): Rust ignores SIGPIPE, so
//! a write to a closed pipe returns `ErrorKind::BrokenPipe`. [`Out`] catches it,
//! stops writing and the command ends quietly with the exit code it had so
//! far, as Unix tools do. We catch the error rather than restore the default
//! SIGPIPE (which would kill the process) because: it needs no `unsafe` and no
//! `libc`, it works the same on Windows, the same writer also turns a full
//! standard output (`> /dev/full`) into a clear message, and `check --fix`
//! is never killed between two files it is rewriting.

use super::oserr::describe;
use crate::Lang;
use std::fs::{self, File, OpenOptions};
use std::io::{self, ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Why standard output stopped taking text.
#[derive(Debug)]
enum Stopped {
    /// The reader went away (a closed pipe): end quietly.
    Closed,
    /// A real failure (a full disk): reported, exit 2.
    Failed(io::Error),
}

/// Standard output that records its first failure instead of panicking;
/// later writes are skipped. `finish` flushes and says how it went.
#[derive(Debug, Default)]
pub struct Out {
    stopped: Option<Stopped>,
}

impl Out {
    /// Write text as is.
    pub fn text(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }

    /// Write one line (a newline is added).
    pub fn line(&mut self, s: &str) {
        let mut l = String::with_capacity(s.len() + 1);
        l.push_str(s);
        l.push('\n');
        self.bytes(l.as_bytes());
    }

    /// Write bytes (a .docx to standard output).
    pub fn bytes(&mut self, b: &[u8]) {
        if self.stopped.is_some() {
            return;
        }
        if let Err(e) = io::stdout().lock().write_all(b) {
            self.stop(e);
        }
    }

    /// True once standard output has failed or closed: commands stop early.
    pub fn stopped(&self) -> bool {
        self.stopped.is_some()
    }

    fn stop(&mut self, e: io::Error) {
        self.stopped = Some(if e.kind() == ErrorKind::BrokenPipe {
            Stopped::Closed
        } else {
            Stopped::Failed(e)
        });
    }

    /// Flush; the exit code: `code` unchanged when all went well or the pipe
    /// closed, 2 with a message on standard error when writing failed.
    pub fn finish(mut self, code: i32, lang: Lang) -> i32 {
        if self.stopped.is_none() {
            if let Err(e) = io::stdout().lock().flush() {
                self.stop(e);
            }
        }
        match self.stopped {
            None | Some(Stopped::Closed) => code,
            Some(Stopped::Failed(e)) => {
                let why = describe(&e, lang);
                error(&match lang {
                    Lang::Vi => format!("không ghi được kết quả ra đầu ra chuẩn (stdout): {why}."),
                    Lang::En => format!("cannot write the result to standard output: {why}."),
                });
                2
            }
        }
    }
}

/// Write one line on standard error; a failure there has nowhere to be told.
pub fn error(msg: &str) {
    let mut l = String::with_capacity(msg.len() + 1);
    l.push_str(msg);
    if !l.ends_with('\n') {
        l.push('\n');
    }
    let _ = io::stderr().lock().write_all(l.as_bytes());
}

/// "không ghi được tệp X: …" / "cannot write file X: …".
pub fn write_failed(path: &str, why: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("không ghi được tệp {path}: {why}."),
        Lang::En => format!("cannot write file {path}: {why}."),
    }
}

/// Write `bytes` to `path` atomically: into a temporary file beside it (same
/// folder, so the rename cannot cross disks), flushed and synced, then renamed
/// over the target. On any failure the original is untouched and the
/// temporary file removed. A symbolic link is followed: the file it points to
/// is replaced, the link stays. An existing file keeps its permissions.
pub fn write_file(path: &str, bytes: &[u8], lang: Lang) -> Result<(), String> {
    write_atomic(Path::new(path), bytes).map_err(|e| write_failed(path, &describe(&e, lang), lang))
}

fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = resolve_link(path)?;
    let existing = match fs::metadata(&target) {
        Ok(m) if m.is_dir() => return Err(ErrorKind::IsADirectory.into()),
        Ok(m) => Some(m.permissions()),
        Err(e) if e.kind() == ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .ok_or_else(|| io::Error::from(ErrorKind::InvalidFilename))?;
    let (temp, mut file) = create_temp(&dir, &name.to_string_lossy())?;
    let written = (|| {
        file.write_all(bytes)?;
        file.flush()?;
        if let Some(p) = existing {
            file.set_permissions(p)?;
        }
        file.sync_all()?;
        drop(file);
        fs::rename(&temp, &target)
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&temp);
        return Err(e);
    }
    // The rename itself reaches the disk with the folder's entry; best effort
    // (not every system lets a folder be opened for syncing).
    if let Ok(d) = File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// The file a symbolic link points to (relative targets read from its folder).
fn resolve_link(path: &Path) -> io::Result<PathBuf> {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = fs::read_link(&p)?;
                p = match p.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                };
            }
            _ => return Ok(p),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// A new temporary file `.NAME.kehoach-PID-N.tmp` in `dir`, never an existing one.
fn create_temp(dir: &Path, name: &str) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let temp = dir.join(format!(".{name}.kehoach-{}-{n}.tmp", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(f) => return Ok((temp, f)),
            Err(e) if e.kind() == ErrorKind::AlreadyExists && n < 1000 => continue,
            Err(e) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> tempfile::TempDir {
        tempfile::Builder::new()
            .prefix(&format!("kehoach-output-{name}-"))
            .tempdir()
            .unwrap()
    }

    fn entries(d: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_file() {
        let tmp = dir("replace");
        let d = tmp.path();
        let f = d.join("plan.json");
        fs::write(&f, "old").unwrap();
        write_file(f.to_str().unwrap(), b"new", Lang::Vi).unwrap();
        assert_eq!(fs::read(&f).unwrap(), b"new");
        assert_eq!(entries(d), ["plan.json"]);
    }

    #[test]
    fn a_folder_in_the_way_is_refused_and_nothing_left() {
        let tmp = dir("folder");
        let d = tmp.path();
        let target = d.join("out.txt");
        fs::create_dir(&target).unwrap();
        let e = write_file(target.to_str().unwrap(), b"x", Lang::Vi).unwrap_err();
        assert!(
            e.contains("không ghi được tệp") && e.contains("thư mục"),
            "{e}"
        );
        assert_eq!(entries(d), ["out.txt"]);
        let e = write_file(d.join("no/such/dir.txt").to_str().unwrap(), b"x", Lang::En);
        assert!(e.unwrap_err().starts_with("cannot write file"));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_followed_and_kept() {
        let tmp = dir("link");
        let d = tmp.path();
        fs::write(d.join("real.json"), "old").unwrap();
        std::os::unix::fs::symlink("real.json", d.join("link.json")).unwrap();
        write_file(d.join("link.json").to_str().unwrap(), b"new", Lang::Vi).unwrap();
        assert_eq!(fs::read(d.join("real.json")).unwrap(), b"new");
        assert!(fs::symlink_metadata(d.join("link.json"))
            .unwrap()
            .file_type()
            .is_symlink());
    }
}
