//! Python bindings of whosaid: the native module `whosaid._whosaid`.
//!
//! The Python package `whosaid` (in `python/whosaid/`) re-exports [`analyze`] and
//! [`analyze_many`] and wraps [`attribution_table`] into `to_arrow` and `to_pandas`.
//! Offsets are character offsets (Python `str` indices) unless asked otherwise; the
//! fields of a row come from the one list in [`columns`].
//!
//! Analysis runs with the GIL released, on Rust threads that share one
//! [`whosaid::Analyzer`]; the texts are split into small chunks taken in turn, so a long
//! article does not hold up a thread's whole share.

#![forbid(unsafe_code)]

mod columns;
mod table;

use std::sync::atomic::{AtomicUsize, Ordering};

use arrow_array::Array;
use arrow_array::cast::AsArray;
use arrow_pyarrow::{PyArrowType, Table};
use arrow_schema::{ArrowError, DataType};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use whosaid::{Analyzer, Document, QuoteKind};

use crate::columns::{OffsetUnit, Offsets, Row, Value};

/// Articles per unit of work: small enough to balance threads, large enough that taking
/// a chunk costs nothing next to analysing it.
const CHUNK: usize = 16;

fn offset_unit(name: &str) -> PyResult<OffsetUnit> {
    OffsetUnit::parse(name).ok_or_else(|| {
        PyValueError::new_err(format!(
            "offsets must be \"chars\", \"utf16\" or \"bytes\", not {name:?}"
        ))
    })
}

fn thread_count(threads: Option<usize>) -> PyResult<usize> {
    match threads {
        Some(0) => Err(PyValueError::new_err("threads must be at least 1")),
        Some(n) => Ok(n),
        None => Ok(std::thread::available_parallelism().map_or(1, |n| n.get())),
    }
}

/// Runs `work` on every chunk of `0..len` on `threads` threads and gives the results in
/// chunk order (on one thread, `work` runs once on the whole range).
fn in_chunks<T: Send>(
    len: usize,
    threads: usize,
    work: impl Fn(std::ops::Range<usize>) -> T + Sync,
) -> Vec<T> {
    let chunks = len.div_ceil(CHUNK);
    if threads.min(chunks) <= 1 {
        // One thread: one piece of work (for Arrow, one record batch, not many small ones).
        return vec![work(0..len)];
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, T)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads.min(chunks))
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let c = next.fetch_add(1, Ordering::Relaxed);
                        if c >= chunks {
                            break mine;
                        }
                        mine.push((c, work(c * CHUNK..((c + 1) * CHUNK).min(len))));
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("analysis never panics"))
            .collect()
    });
    done.sort_unstable_by_key(|(c, _)| *c);
    done.into_iter().map(|(_, t)| t).collect()
}

/// Builds the dict of one analysed document.
fn document_dict<'py>(
    py: Python<'py>,
    doc: &Document<'_>,
    unit: OffsetUnit,
    keys: &[Bound<'py, PyString>],
) -> PyResult<Bound<'py, PyDict>> {
    let offsets = Offsets::new(doc.text, unit);
    let pair = |s: whosaid::Span| (offsets.offset(s.start), offsets.offset(s.end));
    let attributions = PyList::empty(py);
    let mut values = Vec::with_capacity(keys.len());
    for a in &doc.attributions {
        values.clear();
        columns::values(&Row::new(doc, a), &offsets, |value| values.push(value));
        let row = PyDict::new(py);
        for (key, value) in keys.iter().zip(values.drain(..)) {
            match value {
                Value::Text(t) => row.set_item(key, t)?,
                Value::Int(n) => row.set_item(key, n)?,
                Value::Float(x) => row.set_item(key, shortest_f64(x))?,
            }
        }
        attributions.append(row)?;
    }
    let speakers = PyList::empty(py);
    for s in &doc.speakers {
        let speaker = PyDict::new(py);
        speaker.set_item("id", s.id)?;
        for (name, value) in columns::speaker_fields(s) {
            speaker.set_item(name, value)?;
        }
        let mentions: Vec<(i64, i64)> = s.mentions.iter().map(|m| pair(*m)).collect();
        speaker.set_item("mentions", mentions)?;
        speakers.append(speaker)?;
    }
    let nonspeech = PyList::empty(py);
    for q in doc.quotes.iter().filter(|q| q.kind == QuoteKind::NotSpeech) {
        let quote = PyDict::new(py);
        let (start, end) = pair(q.span);
        quote.set_item("start", start)?;
        quote.set_item("end", end)?;
        quote.set_item("text", q.text(doc.text))?;
        nonspeech.append(quote)?;
    }
    let out = PyDict::new(py);
    out.set_item("attributions", attributions)?;
    out.set_item("speakers", speakers)?;
    out.set_item("nonspeech", nonspeech)?;
    let sentences: Vec<(i64, i64)> = doc.sentences.iter().map(|s| pair(s.span)).collect();
    out.set_item("sentences", sentences)?;
    let paragraphs: Vec<(i64, i64)> = doc.paragraphs.iter().map(|p| pair(p.span)).collect();
    out.set_item("paragraphs", paragraphs)?;
    Ok(out)
}

/// An `f32` as the `f64` of its shortest decimal form, so `0.8` reads `0.8` in Python
/// and not `0.800000011920929`.
fn shortest_f64(x: f32) -> f64 {
    x.to_string().parse().unwrap_or(f64::from(x))
}

/// The interned dict keys of an attribution row, in field order.
fn row_keys(py: Python<'_>) -> Vec<Bound<'_, PyString>> {
    columns::fields()
        .iter()
        .map(|(name, _, _)| PyString::intern(py, name))
        .collect()
}

/// Analyse one text.
///
/// Returns a dict with `attributions` (one dict per attribution, the fields of
/// `columns()`), `speakers` (`id`, `name`, `entity_kind`, `mentions`), `nonspeech`
/// (quotations that are not speech), `sentences` and `paragraphs` (`(start, end)` pairs).
/// Offsets are `offsets`: `"chars"` (Python `str` indices, the default, so
/// `text[a["content_start"]:a["content_end"]] == a["content"]`), `"utf16"` or `"bytes"`.
///
/// >>> import whosaid
/// >>> doc = whosaid.analyze("“Fine,” said the mayor.")
/// >>> doc["attributions"][0]["speaker"]
/// 'the mayor'
#[pyfunction]
#[pyo3(signature = (text, *, offsets = "chars"))]
fn analyze<'py>(py: Python<'py>, text: String, offsets: &str) -> PyResult<Bound<'py, PyDict>> {
    let unit = offset_unit(offsets)?;
    let analyzer = default_analyzer();
    let doc = py.detach(|| analyzer.analyze(&text));
    document_dict(py, &doc, unit, &row_keys(py))
}

/// Analyse many texts on `threads` Rust threads (default: every core) with the GIL
/// released; gives one dict per text, in order, as `analyze` does.
///
/// >>> import whosaid
/// >>> docs = whosaid.analyze_many(["“Yes,” she said.", "No quotes here."], threads=2)
/// >>> [len(d["attributions"]) for d in docs]
/// [1, 0]
#[pyfunction]
#[pyo3(signature = (texts, *, threads = None, offsets = "chars"))]
fn analyze_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    threads: Option<usize>,
    offsets: &str,
) -> PyResult<Bound<'py, PyList>> {
    let unit = offset_unit(offsets)?;
    let threads = thread_count(threads)?;
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "analyze_many takes a sequence of texts, not one str (use analyze)",
        ));
    }
    let owned: Vec<String> = texts
        .try_iter()?
        .map(|t| t.and_then(|t| t.extract::<String>()))
        .collect::<PyResult<_>>()?;
    let analyzer = default_analyzer();
    let docs: Vec<Vec<Document<'_>>> = py.detach(|| {
        in_chunks(owned.len(), threads, |range| {
            owned[range].iter().map(|t| analyzer.analyze(t)).collect()
        })
    });
    let keys = row_keys(py);
    let out = PyList::empty(py);
    for doc in docs.iter().flatten() {
        out.append(document_dict(py, doc, unit, &keys)?)?;
    }
    Ok(out)
}

/// The attributions of an Arrow array of texts as a `pyarrow.Table`, one row per
/// attribution: `article_index` (the position of its text in `texts`), then the fields of
/// `columns()`. `texts` is a `pyarrow` string array (`string`, `large_string` or
/// `string_view`) or a list of such arrays (the chunks of a `ChunkedArray`, indexed as
/// one); null texts give no rows. Used by `whosaid.to_arrow`.
#[pyfunction]
#[pyo3(signature = (texts, *, threads = None, offsets = "chars"))]
fn attribution_table(
    py: Python<'_>,
    texts: PyArrowType<Vec<arrow_data::ArrayData>>,
    threads: Option<usize>,
    offsets: &str,
) -> PyResult<PyArrowType<Table>> {
    let unit = offset_unit(offsets)?;
    let threads = thread_count(threads)?;
    let chunks: Vec<arrow_array::ArrayRef> =
        texts.0.into_iter().map(arrow_array::make_array).collect();
    for chunk in &chunks {
        if !matches!(
            chunk.data_type(),
            DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View
        ) {
            return Err(PyTypeError::new_err(format!(
                "texts must be an Arrow string array, not {}",
                chunk.data_type()
            )));
        }
    }
    let analyzer = default_analyzer();
    let batches = py.detach(|| {
        let mut texts: Vec<Option<&str>> = Vec::new();
        for chunk in &chunks {
            push_strings(chunk.as_ref(), &mut texts);
        }
        in_chunks(texts.len(), threads, |range| {
            table::attribution_batch(analyzer, range.start, &texts[range], unit)
        })
        .into_iter()
        .collect::<Result<Vec<_>, ArrowError>>()
    });
    let batches = batches.map_err(|e| PyValueError::new_err(e.to_string()))?;
    let table = Table::try_new(batches, table::schema())
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(PyArrowType(table))
}

/// Appends the strings of an Arrow string array (checked by the caller) to `out`.
fn push_strings<'a>(array: &'a dyn Array, out: &mut Vec<Option<&'a str>>) {
    match array.data_type() {
        DataType::Utf8 => out.extend(array.as_string::<i32>().iter()),
        DataType::LargeUtf8 => out.extend(array.as_string::<i64>().iter()),
        DataType::Utf8View => out.extend(array.as_string_view().iter()),
        _ => {}
    }
}

/// The Arrow schema of `attribution_table`'s rows (`article_index` first).
#[pyfunction]
fn attribution_schema() -> PyArrowType<arrow_schema::Schema> {
    PyArrowType(table::schema().as_ref().clone())
}

/// The fields of an attribution row, in order: `(name, arrow type, meaning)` triples.
///
/// >>> import whosaid
/// >>> [name for name, _, _ in whosaid.columns()][:3]
/// ['kind', 'mode', 'content']
#[pyfunction(name = "columns")]
fn column_fields() -> Vec<(String, &'static str, String)> {
    columns::fields()
        .into_iter()
        .map(|(name, kind, about)| (name, kind.name(), about))
        .collect()
}

fn default_analyzer() -> &'static Analyzer {
    static DEFAULT: std::sync::OnceLock<Analyzer> = std::sync::OnceLock::new();
    DEFAULT.get_or_init(Analyzer::new)
}

/// The native part of the `whosaid` package.
#[pymodule]
fn _whosaid(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_many, m)?)?;
    m.add_function(wrap_pyfunction!(attribution_table, m)?)?;
    m.add_function(wrap_pyfunction!(attribution_schema, m)?)?;
    m.add_function(wrap_pyfunction!(column_fields, m)?)?;
    Ok(())
}
