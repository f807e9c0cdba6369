//! Attribution rows as Arrow record batches.

use std::sync::{Arc, OnceLock};

use arrow_array::builder::{Float32Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};
use whosaid::Analyzer;

use crate::columns::{self, FieldType, OffsetUnit, Offsets, Row, Value};

/// `article_index`, then the fields of [`columns::COLUMNS`].
pub(crate) fn schema() -> SchemaRef {
    static SCHEMA: OnceLock<SchemaRef> = OnceLock::new();
    SCHEMA
        .get_or_init(|| {
            let mut fields = vec![Field::new("article_index", DataType::Int64, false)];
            for (name, kind, _) in columns::fields() {
                let data_type = match kind {
                    FieldType::Text => DataType::Utf8,
                    FieldType::Int => DataType::Int64,
                    FieldType::Float => DataType::Float32,
                };
                fields.push(Field::new(name, data_type, true));
            }
            Arc::new(Schema::new(fields))
        })
        .clone()
}

/// A builder for one flat field.
enum Builder {
    Text(StringBuilder),
    Int(Int64Builder),
    Float(Float32Builder),
}

impl Builder {
    fn push(&mut self, value: Value<'_>) {
        match (self, value) {
            (Builder::Text(b), Value::Text(t)) => b.append_option(t),
            (Builder::Int(b), Value::Int(n)) => b.append_option(n),
            (Builder::Float(b), Value::Float(x)) => b.append_value(x),
            // The schema and the values come from the same list, so this cannot happen;
            // a null keeps the columns the same length if it ever did.
            (Builder::Text(b), _) => b.append_null(),
            (Builder::Int(b), _) => b.append_null(),
            (Builder::Float(b), _) => b.append_null(),
        }
    }

    fn finish(self) -> ArrayRef {
        match self {
            Builder::Text(mut b) => Arc::new(b.finish()),
            Builder::Int(mut b) => Arc::new(b.finish()),
            Builder::Float(mut b) => Arc::new(b.finish()),
        }
    }
}

/// Analyses `texts` (the articles from `first_index` on) and gives their attributions
/// as one record batch.
pub(crate) fn attribution_batch(
    analyzer: &Analyzer,
    first_index: usize,
    texts: &[Option<&str>],
    unit: OffsetUnit,
) -> Result<RecordBatch, ArrowError> {
    let mut index = Int64Builder::new();
    let mut builders: Vec<Builder> = columns::fields()
        .into_iter()
        .map(|(_, kind, _)| match kind {
            FieldType::Text => Builder::Text(StringBuilder::new()),
            FieldType::Int => Builder::Int(Int64Builder::new()),
            FieldType::Float => Builder::Float(Float32Builder::new()),
        })
        .collect();
    for (i, text) in texts.iter().enumerate() {
        let Some(text) = text else { continue };
        let doc = analyzer.analyze(text);
        let offsets = Offsets::new(text, unit);
        for a in &doc.attributions {
            index.append_value((first_index + i) as i64);
            let mut builder = builders.iter_mut();
            columns::values(&Row::new(&doc, a), &offsets, |value| {
                if let Some(b) = builder.next() {
                    b.push(value);
                }
            });
        }
    }
    let mut arrays: Vec<ArrayRef> = vec![Arc::new(index.finish())];
    arrays.extend(builders.into_iter().map(Builder::finish));
    RecordBatch::try_new(schema(), arrays)
}
