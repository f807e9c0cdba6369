//! Where articles come from: files, folders (walked recursively), path lists, JSONL
//! streams and stdin. Every source yields [`Job`]s in input order, one per article,
//! each with its id and its text or the reason it could not be read; nothing here stops
//! a run except a list or a stream that cannot be opened at all.
//!
//! Every read is bounded by the maximum article size; only regular files are opened
//! (a FIFO would block forever, a device never ends), and symbolic links that lead out
//! of a walked folder are refused unless the caller allows them.

use std::collections::HashSet;
use std::ffi::OsStr;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::value::RawValue;

/// An article's id: the raw JSON text of a JSONL line's `id` (written back exactly as
/// given, whatever its type), or a name (a path, `line N`, `stdin`) written as a string.
#[derive(Debug)]
pub enum Id {
    /// The id as it stood in the input line.
    Raw(Box<RawValue>),
    /// A name made by the tool.
    Name(String),
}

impl serde::Serialize for Id {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Id::Raw(raw) => raw.serialize(serializer),
            Id::Name(name) => serializer.serialize_str(name),
        }
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Id::Raw(raw) => f.write_str(raw.get()),
            Id::Name(name) => f.write_str(name),
        }
    }
}

/// One article to analyse.
#[derive(Debug)]
pub struct Job {
    pub id: Id,
    /// The text, or why there is none.
    pub text: Result<String, String>,
    /// Bytes of input this job consumed (for progress).
    pub input_bytes: u64,
    /// A JSONL line handed on as it was read: its id and text are still to be found
    /// ([`Job::read_line`]; until then `id` and `text` are placeholders). A run with
    /// several workers has them read the lines, so that its reader thread only splits
    /// the input into lines and is not the one thread all the workers wait for.
    pub line: Option<UnreadLine>,
}

/// A JSONL line not read yet: its number and its bytes.
#[derive(Debug)]
pub struct UnreadLine {
    number: u64,
    bytes: Vec<u8>,
}

impl Job {
    /// A job with its text, or the reason it has none.
    pub fn new(id: Id, text: Result<String, String>, input_bytes: u64) -> Job {
        Job {
            id,
            text,
            input_bytes,
            line: None,
        }
    }

    fn error(id: Id, message: String, input_bytes: u64) -> Job {
        Job::new(id, Err(message), input_bytes)
    }

    /// The bytes the job holds while in flight: its text, or its unread line.
    pub fn held_bytes(&self) -> u64 {
        match &self.line {
            Some(line) => line.bytes.len() as u64,
            None => self.text.as_ref().map_or(0, |t| t.len() as u64),
        }
    }

    /// The job with its line read (the job of [`job_from_line`]), if it was handed on
    /// unread; else the job as it is.
    pub fn read_line(self) -> Job {
        match self.line {
            Some(line) => job_from_line(line.number, &line.bytes, self.input_bytes),
            None => self,
        }
    }
}

/// Settings shared by every source.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Folder walks follow symbolic links that lead out of the folder.
    pub follow_symlinks: bool,
    /// File extensions a folder walk takes (lowercase, without the dot; `*` for all).
    pub extensions: Vec<String>,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decode an article: a UTF-8 byte-order mark is dropped (offsets count from after
/// it), and a lone `\r` line end becomes `\n` (same length, so offsets are unchanged),
/// so that old Mac files get their paragraphs.
pub fn decode_text(mut bytes: Vec<u8>) -> Result<String, String> {
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
    }
    let mut text = String::from_utf8(bytes)
        .map_err(|e| format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()))?;
    if text.contains('\r') {
        let mut fixed = text.into_bytes();
        for k in 0..fixed.len() {
            if fixed[k] == b'\r' && fixed.get(k + 1) != Some(&b'\n') {
                fixed[k] = b'\n';
            }
        }
        text = String::from_utf8(fixed).map_err(|e| e.to_string())?;
    }
    Ok(text)
}

/// The readable form of an I/O error (no `Os { … }`).
pub fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let s = e.to_string();
            // "Is a directory (os error 21)" → "is a directory"
            let s = s.split(" (os error").next().unwrap_or(&s).to_string();
            let mut c = s.chars();
            match c.next() {
                Some(first) => first.to_lowercase().collect::<String>() + c.as_str(),
                None => s,
            }
        }
    }
}

/// What a path is, in words, when it is not a regular file.
fn not_regular(meta: &std::fs::Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some("a directory");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("a FIFO");
        }
        if t.is_socket() {
            return Some("a socket");
        }
        if t.is_char_device() || t.is_block_device() {
            return Some("a device");
        }
    }
    Some("not a regular file")
}

/// Read one article file: regular files only, at most `max_size` bytes.
pub fn read_file(path: &Path, max_size: u64) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read: {}", io_message(&e)))?;
    if let Some(what) = not_regular(&meta) {
        return Err(format!("not read: it is {what}, not a regular file"));
    }
    if meta.len() > max_size {
        return Err(too_large(meta.len(), max_size));
    }
    let file = File::open(path).map_err(|e| format!("cannot read: {}", io_message(&e)))?;
    read_bounded(file, max_size, meta.len())
}

fn too_large(size: u64, max_size: u64) -> String {
    format!(
        "not read: {size} bytes is more than the maximum article size ({max_size} bytes; see --max-size)"
    )
}

/// Read a whole stream, refusing more than `max_size` bytes.
pub fn read_bounded(reader: impl Read, max_size: u64, size_hint: u64) -> Result<String, String> {
    let mut bytes = Vec::with_capacity(size_hint.min(max_size) as usize);
    reader
        .take(max_size.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {}", io_message(&e)))?;
    if bytes.len() as u64 > max_size {
        return Err(format!(
            "not read: more than the maximum article size ({max_size} bytes; see --max-size)"
        ));
    }
    decode_text(bytes)
}

/// One line read by [`LineReader`].
pub enum Line {
    /// A complete line (without its terminator; the bytes it took go to the taker of
    /// [`LineReader::read_line_then`]).
    Complete,
    /// A line longer than the limit: skipped to its end, its length.
    TooLong(u64),
}

/// Reads lines ending in `\n`, `\r\n` or `\r`, each at most `limit` bytes (the rest of a
/// longer line is skipped without being kept), dropping a byte-order mark at the start.
pub struct LineReader<R> {
    inner: R,
    limit: u64,
    /// The last line ended in `\r`: a `\n` right after it belongs to it.
    after_cr: bool,
    at_start: bool,
    /// Number of the line read last (1-based).
    pub number: u64,
}

impl<R: BufRead> LineReader<R> {
    pub fn new(inner: R, limit: u64) -> Self {
        LineReader {
            inner,
            limit,
            after_cr: false,
            at_start: true,
            number: 0,
        }
    }

    /// Read the next line into `buf` (cleared first); `None` at the end of the stream.
    pub fn read_line(&mut self, buf: &mut Vec<u8>) -> io::Result<Option<Line>> {
        self.next_line(buf, false, |_, _, _| ())
            .map(|line| line.map(|(line, _)| line))
    }

    /// The next line, as [`LineReader::read_line`] reads it, handed to `take` with its
    /// number and the bytes it took when it is complete: from the reader's own buffer
    /// when it lies whole in it (most lines: no copy), else from `buf`.
    pub fn read_line_then<T>(
        &mut self,
        buf: &mut Vec<u8>,
        take: impl FnOnce(&[u8], u64, u64) -> T,
    ) -> io::Result<Option<(Line, Option<T>)>> {
        self.next_line(buf, true, take)
    }

    /// The line reader: `take` gets the complete line (borrowed from the reader's
    /// buffer when `borrow` and the line lies whole in it; else copied into `buf`).
    fn next_line<T>(
        &mut self,
        buf: &mut Vec<u8>,
        borrow: bool,
        take: impl FnOnce(&[u8], u64, u64) -> T,
    ) -> io::Result<Option<(Line, Option<T>)>> {
        buf.clear();
        let mut consumed: u64 = 0;
        let mut too_long = false;
        let mut any = false;
        loop {
            let available = match self.inner.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                break;
            }
            let mut start = 0;
            if self.after_cr {
                self.after_cr = false;
                if available[0] == b'\n' {
                    start = 1;
                }
            }
            if self.at_start {
                if available.len() < BOM.len() && BOM.starts_with(available) && start == 0 {
                    // too short to tell; treat as content
                } else if available[start..].starts_with(BOM) {
                    start += BOM.len();
                }
                self.at_start = false;
            }
            let rest = &available[start..];
            match memchr::memchr2(b'\n', b'\r', rest) {
                Some(end) => {
                    let room = self.limit.saturating_sub(buf.len() as u64) as usize;
                    if end > room {
                        too_long = true;
                    }
                    self.after_cr = rest[end] == b'\r';
                    consumed += (start + end + 1) as u64;
                    self.number += 1;
                    let mut taken = None;
                    if !too_long {
                        if borrow && buf.is_empty() {
                            taken = Some(take(&rest[..end], self.number, consumed));
                        } else {
                            buf.extend_from_slice(&rest[..end]);
                            taken = Some(take(buf, self.number, consumed));
                        }
                    }
                    self.inner.consume(start + end + 1);
                    return Ok(Some(if too_long {
                        buf.clear();
                        (Line::TooLong(consumed), None)
                    } else {
                        (Line::Complete, taken)
                    }));
                }
                None => {
                    let n = rest.len();
                    let room = self.limit.saturating_sub(buf.len() as u64) as usize;
                    if n > room {
                        too_long = true;
                        buf.clear();
                        buf.shrink_to(1 << 16);
                    }
                    if !too_long {
                        buf.extend_from_slice(rest);
                    }
                    consumed += (start + n) as u64;
                    self.inner.consume(start + n);
                    any = any || n > 0;
                }
            }
        }
        if !any {
            return Ok(None);
        }
        self.number += 1;
        Ok(Some(if too_long {
            buf.clear();
            (Line::TooLong(consumed), None)
        } else {
            let taken = take(buf, self.number, consumed);
            (Line::Complete, Some(taken))
        }))
    }
}

/// Accept any JSON value as the id, `null` included (an absent key is `None`).
fn any_value<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Box<RawValue>>, D::Error> {
    Box::<RawValue>::deserialize(d).map(Some)
}

#[derive(Deserialize)]
struct LineIn {
    #[serde(default, deserialize_with = "any_value")]
    id: Option<Box<RawValue>>,
    text: Option<String>,
}

#[derive(Deserialize)]
struct IdOnly {
    #[serde(default, deserialize_with = "any_value")]
    id: Option<Box<RawValue>>,
}

/// The job of one JSONL line: its `id` and `text` found by the byte scanner of
/// [`crate::jsonl`], or, for a line the scanner leaves alone, by `serde_json`.
pub fn job_from_line(number: u64, line: &[u8], input_bytes: u64) -> Job {
    scanned_job(number, line, input_bytes).unwrap_or_else(|| parsed_job(number, line, input_bytes))
}

/// The job of a line read by the scanner, `None` when it cannot tell (then
/// [`parsed_job`] reads the line and gives `serde_json`'s verdict).
fn scanned_job(number: u64, line: &[u8], input_bytes: u64) -> Option<Job> {
    let fields = crate::jsonl::id_and_text(line)?;
    let id = match fields.id {
        Some(raw) => Id::Raw(RawValue::from_string(raw.to_owned()).ok()?),
        None => Id::Name(format!("line {number}")),
    };
    let text = fields.decoded?;
    Some(Job::new(id, Ok(text), input_bytes))
}

/// The job of one JSONL line as `serde_json` reads it.
fn parsed_job(number: u64, line: &[u8], input_bytes: u64) -> Job {
    let fallback = || Id::Name(format!("line {number}"));
    match serde_json::from_slice::<LineIn>(line) {
        Ok(LineIn { id, text }) => {
            let id = id.map_or_else(fallback, Id::Raw);
            match text {
                Some(text) => Job::new(id, Ok(text), input_bytes),
                None => Job::error(id, "missing string field \"text\"".into(), input_bytes),
            }
        }
        Err(e) => {
            let id = serde_json::from_slice::<IdOnly>(line)
                .ok()
                .and_then(|l| l.id)
                .map_or_else(fallback, Id::Raw);
            let what = if e.is_data() {
                "bad JSON line"
            } else {
                "malformed JSON line"
            };
            Job::error(id, format!("{what}: {e}"), input_bytes)
        }
    }
}

/// The jobs of a JSONL stream, one per non-blank line. A line longer than the
/// maximum article size gets an error job; a read error ends the stream with one.
/// Each line is read into its id and text here when `read_lines`, else handed on
/// unread (copied out of the stream's buffer) for a worker to read
/// ([`Job::read_line`]).
pub fn jsonl_jobs<R: BufRead>(
    reader: R,
    max_size: u64,
    read_lines: bool,
) -> impl Iterator<Item = Job> {
    let mut lines = LineReader::new(reader, max_size);
    let mut buf = Vec::new();
    let mut done = false;
    std::iter::from_fn(move || {
        while !done {
            // the job made from the line where it lies, in the reader's buffer if it can
            let line = lines.read_line_then(&mut buf, |line, number, n| {
                if line.iter().all(u8::is_ascii_whitespace) {
                    None
                } else if read_lines {
                    Some(job_from_line(number, line, n))
                } else {
                    Some(Job {
                        line: Some(UnreadLine {
                            number,
                            bytes: line.to_vec(),
                        }),
                        ..Job::new(Id::Name(String::new()), Ok(String::new()), n)
                    })
                }
            });
            let number = lines.number;
            match line {
                Ok(None) => done = true,
                Ok(Some((Line::TooLong(n), _))) => {
                    return Some(Job::error(
                        Id::Name(format!("line {number}")),
                        too_large(n, max_size),
                        n,
                    ));
                }
                Ok(Some((Line::Complete, job))) => {
                    // a blank line has no job
                    let Some(job) = job.flatten() else {
                        continue;
                    };
                    if buf.capacity() > 1 << 20 {
                        buf = Vec::new();
                    }
                    return Some(job);
                }
                Err(e) => {
                    done = true;
                    return Some(Job::error(
                        Id::Name(format!("line {}", number + 1)),
                        format!("cannot read the input: {}", io_message(&e)),
                        0,
                    ));
                }
            }
        }
        None
    })
}

/// A path and the id it gets, or the reason it is refused.
pub struct Entry {
    pub id: String,
    pub path: Result<PathBuf, String>,
}

/// The extension test of a folder walk (case-insensitive).
fn wanted(path: &Path, extensions: &[String]) -> bool {
    if extensions.iter().any(|e| e == "*") {
        return true;
    }
    path.extension()
        .map(|x| x.to_string_lossy().to_lowercase())
        .is_some_and(|x| extensions.contains(&x))
}

fn display(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// One folder of a walk: its entries still to visit, sorted, last first.
struct Pending {
    entries: Vec<(PathBuf, std::fs::FileType)>,
}

/// A recursive folder walk in sorted order, lazily (one listing per open folder).
pub struct Walk {
    root: PathBuf,
    canonical_root: Option<PathBuf>,
    /// Prefix of ids: empty when the folder is the only input.
    id_base: Option<PathBuf>,
    stack: Vec<Pending>,
    visited: HashSet<PathBuf>,
    limits: Limits,
    queued: Vec<Entry>,
}

impl Walk {
    pub fn new(root: &Path, keep_prefix: bool, limits: &Limits) -> Walk {
        let canonical_root = std::fs::canonicalize(root).ok();
        let mut walk = Walk {
            root: root.to_path_buf(),
            canonical_root: canonical_root.clone(),
            id_base: keep_prefix.then(|| root.to_path_buf()),
            stack: Vec::new(),
            visited: HashSet::new(),
            limits: limits.clone(),
            queued: Vec::new(),
        };
        if let Some(c) = canonical_root {
            walk.visited.insert(c);
        }
        walk.open(root.to_path_buf());
        walk
    }

    fn id(&self, path: &Path) -> String {
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        match &self.id_base {
            Some(base) => display(&base.join(rel)),
            None => display(rel),
        }
    }

    fn open(&mut self, dir: PathBuf) {
        match std::fs::read_dir(&dir) {
            Ok(read) => {
                let mut entries: Vec<(PathBuf, std::fs::FileType)> = Vec::new();
                for e in read {
                    match e.and_then(|e| Ok((e.path(), e.file_type()?))) {
                        Ok(pair) => entries.push(pair),
                        Err(err) => self.queued.push(Entry {
                            id: self.id(&dir),
                            path: Err(format!("cannot list the folder: {}", io_message(&err))),
                        }),
                    }
                }
                entries.sort_by(|a, b| b.0.cmp(&a.0));
                self.stack.push(Pending { entries });
            }
            Err(err) => self.queued.push(Entry {
                id: self.id(&dir),
                path: Err(format!("cannot list the folder: {}", io_message(&err))),
            }),
        }
    }

    /// Where a symbolic link leads, if the walk may follow it.
    fn follow(&self, path: &Path) -> Result<PathBuf, String> {
        let target = std::fs::canonicalize(path)
            .map_err(|e| format!("broken symbolic link: {}", io_message(&e)))?;
        let inside = self
            .canonical_root
            .as_ref()
            .is_some_and(|root| target.starts_with(root));
        if !inside && !self.limits.follow_symlinks {
            return Err(format!(
                "not read: a symbolic link that leads out of {} (to {}); --follow-symlinks allows it",
                display(&self.root),
                display(&target)
            ));
        }
        Ok(target)
    }
}

impl Iterator for Walk {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        loop {
            if let Some(e) = self.queued.pop() {
                return Some(e);
            }
            let top = self.stack.last_mut()?;
            let Some((path, kind)) = top.entries.pop() else {
                self.stack.pop();
                continue;
            };
            if kind.is_dir() {
                self.open(path);
                continue;
            }
            if kind.is_symlink() {
                let target = self.follow(&path);
                let is_dir = std::fs::metadata(&path).is_ok_and(|m| m.is_dir());
                match target {
                    Ok(target) if is_dir => {
                        if self.visited.insert(target) {
                            self.open(path);
                        }
                        continue;
                    }
                    Ok(_) if wanted(&path, &self.limits.extensions) => {
                        return Some(Entry {
                            id: self.id(&path),
                            path: Ok(path),
                        });
                    }
                    Err(message) if is_dir || wanted(&path, &self.limits.extensions) => {
                        return Some(Entry {
                            id: self.id(&path),
                            path: Err(message),
                        });
                    }
                    _ => continue,
                }
            }
            if wanted(&path, &self.limits.extensions) {
                // regular files and special files alike: reading refuses the latter
                return Some(Entry {
                    id: self.id(&path),
                    path: Ok(path),
                });
            }
        }
    }
}

/// A path from a list line: the bytes as they are (a non-UTF-8 path still works on
/// Unix), surrounding whitespace trimmed.
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    let trimmed = bytes.trim_ascii();
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        PathBuf::from(OsStr::from_bytes(trimmed))
    }
    #[cfg(not(unix))]
    {
        PathBuf::from(String::from_utf8_lossy(trimmed).into_owned())
    }
}

/// The entries of a path list (one path per line, blank lines skipped). Each path is a
/// file; a folder in a list is an error entry.
pub fn list_entries<R: BufRead>(reader: R) -> impl Iterator<Item = Entry> {
    let mut lines = LineReader::new(reader, 1 << 16);
    let mut buf = Vec::new();
    let mut done = false;
    std::iter::from_fn(move || {
        while !done {
            match lines.read_line(&mut buf) {
                Ok(None) => done = true,
                Ok(Some(Line::TooLong(_))) => {
                    return Some(Entry {
                        id: format!("line {}", lines.number),
                        path: Err("a path longer than 64 KiB".into()),
                    });
                }
                Ok(Some(Line::Complete)) => {
                    if buf.trim_ascii().is_empty() {
                        continue;
                    }
                    let path = path_from_bytes(&buf);
                    return Some(Entry {
                        id: display(&path),
                        path: Ok(path),
                    });
                }
                Err(e) => {
                    done = true;
                    return Some(Entry {
                        id: format!("line {}", lines.number + 1),
                        path: Err(format!("cannot read the list: {}", io_message(&e))),
                    });
                }
            }
        }
        None
    })
}

/// The job of one entry: the file read (bounded), or the entry's error.
pub fn job_from_entry(entry: Entry, max_size: u64) -> Job {
    let id = Id::Name(entry.id);
    match entry.path {
        Ok(path) => {
            let text = read_file(&path, max_size);
            let input_bytes = match &text {
                Ok(t) => t.len() as u64,
                Err(_) => 0,
            };
            Job::new(id, text, input_bytes)
        }
        Err(message) => Job::error(id, message, 0),
    }
}

/// The job of stdin read as one article.
pub fn stdin_job(max_size: u64) -> Job {
    let text = read_bounded(io::stdin().lock(), max_size, 0);
    let input_bytes = text.as_ref().map_or(0, |t| t.len() as u64);
    Job::new(Id::Name("stdin".into()), text, input_bytes)
}

/// The read buffer of a stream: a JSONL line that lies whole in it is read from it
/// without a copy (a line of a gold file is some ten kilobytes).
const STREAM_BUFFER: usize = 1 << 18;

/// Open a file to read as a stream (a JSONL file or a list), refusing special files.
pub fn open_stream(path: &Path) -> Result<Box<dyn BufRead + Send>, String> {
    if path == Path::new("-") {
        return Ok(Box::new(BufReader::with_capacity(
            STREAM_BUFFER,
            io::stdin(),
        )));
    }
    let meta = std::fs::metadata(path)
        .map_err(|e| format!("cannot read {}: {}", display(path), io_message(&e)))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        // a named pipe is a legitimate stream here (`--jsonl <(zcat …)`); devices are not
        let t = meta.file_type();
        if t.is_dir() || t.is_char_device() || t.is_block_device() || t.is_socket() {
            return Err(format!(
                "cannot read {}: {}",
                display(path),
                not_regular(&meta).unwrap_or("not a regular file")
            ));
        }
    }
    #[cfg(not(unix))]
    if meta.is_dir() {
        return Err(format!("cannot read {}: a directory", display(path)));
    }
    let file = File::open(path)
        .map_err(|e| format!("cannot read {}: {}", display(path), io_message(&e)))?;
    Ok(Box::new(BufReader::with_capacity(STREAM_BUFFER, file)))
}

/// The size of what a path input will read, for the progress bar (0 when unknown).
pub fn input_size(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| if m.is_file() { m.len() } else { 0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], limit: u64) -> Vec<Result<String, u64>> {
        let mut r = LineReader::new(input, limit);
        let mut buf = Vec::new();
        let mut out = Vec::new();
        while let Some(l) = r.read_line(&mut buf).unwrap() {
            out.push(match l {
                Line::Complete => Ok(String::from_utf8(buf.clone()).unwrap()),
                Line::TooLong(n) => Err(n),
            });
        }
        out
    }

    #[test]
    fn every_line_ending_and_a_bom() {
        let want: Vec<Result<String, u64>> = vec![Ok("a".into()), Ok("b".into()), Ok("c".into())];
        assert_eq!(lines(b"a\nb\nc\n", 100), want);
        assert_eq!(lines(b"a\r\nb\r\nc", 100), want);
        assert_eq!(lines(b"a\rb\rc\r", 100), want);
        assert_eq!(lines(b"\xEF\xBB\xBFa\nb\r\nc", 100), want);
    }

    #[test]
    fn a_long_line_is_skipped_not_kept() {
        let got = lines(b"ab\nxxxxxxxxxx\ncd", 4);
        assert_eq!(got, vec![Ok("ab".into()), Err(11), Ok("cd".into())]);
    }

    #[test]
    fn ids_keep_their_json_text() {
        let job = job_from_line(
            1,
            br#"{"id": 123456789012345678901234567890, "text": "x"}"#,
            0,
        );
        assert_eq!(job.id.to_string(), "123456789012345678901234567890");
        let job = job_from_line(2, br#"{"id": null, "text": "x"}"#, 0);
        assert_eq!(job.id.to_string(), "null");
        let job = job_from_line(3, br#"{"text": "x"}"#, 0);
        assert_eq!(job.id.to_string(), "line 3");
        let job = job_from_line(4, br#"{"id": [1, 2.50], "text": 5}"#, 0);
        assert_eq!(job.id.to_string(), "[1, 2.50]");
        assert!(
            job.text
                .unwrap_err()
                .starts_with("bad JSON line: invalid type")
        );
    }

    /// A deterministic generator of numbers (xorshift64): the lines of the differential
    /// test are the same at every run.
    struct Xorshift(u64);

    impl Xorshift {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    /// Lines the scanner takes, each mutated in a few bytes from a set of JSON's own
    /// bytes and some that are not UTF-8: whenever the scanner reads a line, serde_json
    /// must read it too, to the same id and text.
    #[test]
    fn the_scanner_reads_a_line_only_as_serde_json_reads_it() {
        let seeds: [&[u8]; 8] = [
            br#"{"id": 1, "text": "a said b."}"#,
            br#"{"id": "x-2", "gold": [[0, 5], {"k": [true, false, null]}], "text": "q\"u\u00e9"}"#,
            br#"{"text": "no id", "n": -0.5e+7, "m": {}, "l": []}"#,
            br#"{"id": [1, {"a": "b"}], "text": "\ud83d\ude00 \\ \/ \n", "z": 10}"#,
            br#" { "id" : null , "text" : "" , "k" : 1E3 } "#,
            "{\"id\": 7, \"clé\": \"日本\", \"text\": \"“q” é\"}".as_bytes(),
            br#"{"id": 0, "text": "t", "deep": [[[1], [2, [3]]], {"a": {"b": {}}}]}"#,
            br#"{"id": 12.5, "text": "x", "s": "\u0041\t"}"#,
        ];
        let alphabet: &[u8] =
            b"\"\\{}[],: \t\n0123456789-+.eEtrufalsn/bux\xff\xc3\xa9\xed\xa0\x80\x01\x1f";
        let mut random = Xorshift(0x9e37_79b9_7f4a_7c15);
        let (mut read, mut total) = (0, 0);
        for seed in seeds {
            for _ in 0..4000 {
                let mut line = seed.to_vec();
                for _ in 0..1 + random.below(3) {
                    let at = random.below(line.len() + 1);
                    let byte = alphabet[random.below(alphabet.len())];
                    match random.below(3) {
                        0 => line.insert(at, byte),
                        1 if at < line.len() => line[at] = byte,
                        _ if at < line.len() => {
                            line.remove(at);
                        }
                        _ => line.push(byte),
                    }
                }
                total += 1;
                let Some(scanned) = scanned_job(1, &line, 0) else {
                    continue;
                };
                read += 1;
                let parsed = parsed_job(1, &line, 0);
                let shown = String::from_utf8_lossy(&line);
                assert_eq!(parsed.text, scanned.text, "{shown}");
                assert_eq!(parsed.id.to_string(), scanned.id.to_string(), "{shown}");
            }
        }
        // the test means something only if the scanner reads many of the lines
        assert!(
            read * 10 > total,
            "{read} of {total} lines read by the scanner"
        );
    }

    #[test]
    fn lone_carriage_returns_become_newlines() {
        assert_eq!(decode_text(b"a\rb\r\nc".to_vec()).unwrap(), "a\nb\r\nc");
        assert_eq!(decode_text(b"\xEF\xBB\xBFhi".to_vec()).unwrap(), "hi");
    }
}
