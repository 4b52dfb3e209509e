//! Forms that carry files (`multipart/form-data`): a certification application's documents.
//! Text fields become a [`FormData`] as an urlencoded body would; each file is read up to the
//! document limit and no further, so one oversize file is a field error, not a lost form.
use super::form::{FormData, read_form};
use crate::domain::Upload;
use crate::domain::certification::{MAX_DOCUMENT_BYTES, MAX_DOCUMENTS};
use crate::error::AppError;
use poem::web::Multipart;
use poem::{Body, FromRequest, Request, RequestBody};
use tokio::io::AsyncReadExt;

/// The most a multipart body may hold: every document at its limit, one more file over it
/// (so that it can be refused on its field) and the text of the form.
pub const MAX_UPLOAD_BODY_BYTES: usize =
    (MAX_DOCUMENTS + 2) * MAX_DOCUMENT_BYTES + crate::http::limits::MAX_BODY_BYTES;

/// Whether the request is a multipart form post.
pub fn is_multipart(req: &Request) -> bool {
    req.header("content-type").is_some_and(|v| {
        v.trim_start()
            .get(..19)
            .is_some_and(|t| t.eq_ignore_ascii_case("multipart/form-data"))
    })
}

/// Reads a form post, urlencoded or multipart; the files under `file_field` are returned
/// beside the text fields (any other file field is ignored).
pub async fn read_form_with_files(
    req: &Request,
    body: Body,
    file_field: &str,
) -> Result<(FormData, Vec<Upload>), AppError> {
    if !is_multipart(req) {
        return Ok((read_form(body).await?, Vec::new()));
    }
    let mut body = RequestBody::new(body);
    let mut multipart = Multipart::from_request(req, &mut body)
        .await
        .map_err(|_| malformed())?;
    let mut pairs = Vec::new();
    let mut uploads = Vec::new();
    let mut text_bytes = 0usize;
    while let Some(field) = multipart.next_field().await.map_err(|_| malformed())? {
        let name = field.name().unwrap_or_default().to_owned();
        match field.file_name().map(str::to_owned) {
            Some(filename) => {
                let mut reader = Box::pin(field.into_async_read());
                let mut bytes = Vec::new();
                (&mut reader)
                    .take(MAX_DOCUMENT_BYTES as u64 + 1)
                    .read_to_end(&mut bytes)
                    .await
                    .map_err(|_| malformed())?;
                if name != file_field || uploads.len() > MAX_DOCUMENTS {
                    continue;
                }
                let too_large = bytes.len() > MAX_DOCUMENT_BYTES;
                if too_large {
                    bytes = Vec::new();
                }
                uploads.push(Upload {
                    filename,
                    bytes,
                    too_large,
                });
            }
            None => {
                let bytes = field.bytes().await.map_err(|_| malformed())?;
                text_bytes += bytes.len();
                if text_bytes > crate::http::limits::MAX_BODY_BYTES {
                    return Err(AppError::TooLarge);
                }
                let value = String::from_utf8(bytes).map_err(|_| AppError::not_utf8())?;
                pairs.push((name, value));
            }
        }
    }
    Ok((FormData::from_pairs(pairs), uploads))
}

/// A multipart body that cannot be read to its end (cut off, or no boundary).
fn malformed() -> AppError {
    crate::domain::ValidationErrors::single("certification.documents", "document_unreadable").into()
}

/// An application's fields (`certification.*`) with its documents.
pub fn application(form: &FormData, documents: Vec<Upload>) -> crate::domain::ApplicationInput {
    crate::domain::ApplicationInput {
        categories: form
            .all("certification.categories")
            .into_iter()
            .map(str::to_owned)
            .collect(),
        measures: form.text("certification.measures"),
        documents,
    }
}

/// A stored document as a download: never shown inline, never sniffed, never cached, under a
/// name that cannot break the header (an ASCII fallback and the UTF-8 name, RFC 6266).
pub fn document_response(doc: crate::store::certification::StoredDocument) -> poem::Response {
    use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
    let name = &doc.meta.filename;
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let disposition = format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{}",
        utf8_percent_encode(name, NON_ALPHANUMERIC)
    );
    poem::Response::builder()
        .content_type(doc.meta.kind.content_type())
        .header("content-disposition", disposition)
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store")
        .header("content-security-policy", "default-src 'none'; sandbox")
        .body(doc.bytes)
}
