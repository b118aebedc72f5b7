//! WebCrypto for the passphrase lock: PBKDF2-SHA-256 to a key-encryption key, AES-KW to
//! wrap the data key, AES-GCM-256 for each record. Keys stay `CryptoKey`s; the data key in
//! memory is made non-extractable, so no script can read its bytes.

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

use crate::persist::envelope::{Envelope, IV_LEN};

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CryptoError {
    #[error("this browser offers no encryption here (WebCrypto needs a secure page)")]
    Missing,
    /// The passphrase did not unwrap the key, or a record did not authenticate.
    #[error("that passphrase is not the right one")]
    Refused,
    #[error("encryption failed: {0}")]
    Failed(String),
}

fn subtle() -> Result<SubtleCrypto, CryptoError> {
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(CryptoError::Missing)?;
    Ok(crypto.subtle())
}

/// Fresh random bytes from WebCrypto; never a weaker source.
pub fn random<const N: usize>() -> Result<[u8; N], CryptoError> {
    let mut bytes = [0u8; N];
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(CryptoError::Missing)?
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| CryptoError::Missing)?;
    Ok(bytes)
}

/// `{name, ...pairs}` for WebCrypto's algorithm arguments.
fn params(name: &str, pairs: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    let _ = Reflect::set(&object, &"name".into(), &name.into());
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &(*key).into(), value);
    }
    object
}

fn usages(list: &[&str]) -> JsValue {
    list.iter()
        .map(|u| JsValue::from_str(u))
        .collect::<Array>()
        .into()
}

/// Awaits a WebCrypto promise. A rejection named `OperationError` is a wrong key.
async fn settle(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, CryptoError> {
    let promise = promise.map_err(failed)?;
    JsFuture::from(promise).await.map_err(failed)
}

fn failed(error: JsValue) -> CryptoError {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(e) if e.name() == "OperationError" => CryptoError::Refused,
        Some(e) => CryptoError::Failed(format!("{}: {}", e.name(), e.message())),
        None => CryptoError::Failed("unknown error".into()),
    }
}

fn key(value: JsValue) -> Result<CryptoKey, CryptoError> {
    value
        .dyn_into::<CryptoKey>()
        .map_err(|_| CryptoError::Failed("no key".into()))
}

fn bytes(value: JsValue) -> Vec<u8> {
    Uint8Array::new(&value).to_vec()
}

/// What a key made from a passphrase is for.
#[derive(Clone, Copy)]
pub enum KeyUse {
    /// The lock's key-encryption key: it only wraps the data key (AES-KW).
    Lock,
    /// A backup file's own key (AES-GCM).
    File,
}

/// The key a passphrase stands for: PBKDF2-SHA-256 over it with this salt.
pub async fn derive(
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
    use_for: KeyUse,
) -> Result<CryptoKey, CryptoError> {
    let (purpose, uses): (&str, &[&str]) = match use_for {
        KeyUse::Lock => ("AES-KW", &["wrapKey", "unwrapKey"]),
        KeyUse::File => ("AES-GCM", &["encrypt", "decrypt"]),
    };
    let subtle = subtle()?;
    let secret = Uint8Array::from(passphrase.as_bytes());
    let base = key(settle(subtle.import_key_with_str(
        "raw",
        &secret,
        "PBKDF2",
        false,
        &usages(&["deriveKey"]),
    ))
    .await?)?;
    let pbkdf2 = params(
        "PBKDF2",
        &[
            ("salt", Uint8Array::from(salt).into()),
            ("iterations", iterations.into()),
            ("hash", "SHA-256".into()),
        ],
    );
    let derived = params(purpose, &[("length", 256.into())]);
    key(settle(subtle.derive_key_with_object_and_object(
        &pbkdf2,
        &base,
        &derived,
        false,
        &usages(uses),
    ))
    .await?)
}

/// A new data key, wrapped by `kek`; returns the wrapped bytes and the key, unwrapped again
/// as non-extractable so that only the wrapped form ever held its bytes.
pub async fn new_data_key(kek: &CryptoKey) -> Result<(Vec<u8>, CryptoKey), CryptoError> {
    let subtle = subtle()?;
    let fresh = key(settle(subtle.generate_key_with_object(
        &params("AES-GCM", &[("length", 256.into())]),
        true,
        &usages(&["encrypt", "decrypt"]),
    ))
    .await?)?;
    let wrapped = wrap(kek, &fresh).await?;
    let kept = unwrap(kek, &wrapped, false).await?;
    Ok((wrapped, kept))
}

async fn wrap(kek: &CryptoKey, data_key: &CryptoKey) -> Result<Vec<u8>, CryptoError> {
    let subtle = subtle()?;
    Ok(bytes(
        settle(subtle.wrap_key_with_str("raw", data_key, kek, "AES-KW")).await?,
    ))
}

/// The data key from its wrapped bytes. `Refused` means the passphrase was wrong.
pub async fn unwrap(
    kek: &CryptoKey,
    wrapped: &[u8],
    extractable: bool,
) -> Result<CryptoKey, CryptoError> {
    let subtle = subtle()?;
    key(settle(subtle.unwrap_key_with_u8_array_and_str_and_object(
        "raw",
        wrapped,
        kek,
        "AES-KW",
        &params("AES-GCM", &[]),
        extractable,
        &usages(&["encrypt", "decrypt"]),
    ))
    .await?)
}

/// The data key wrapped by a new key-encryption key: only the old one can open it, for a
/// moment, extractable, and it is dropped at once.
pub async fn rewrap(
    old: &CryptoKey,
    new: &CryptoKey,
    wrapped: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let data_key = unwrap(old, wrapped, true).await?;
    wrap(new, &data_key).await
}

pub async fn seal(key: &CryptoKey, plain: &str) -> Result<Envelope, CryptoError> {
    let iv = random::<IV_LEN>()?;
    let subtle = subtle()?;
    let gcm = params("AES-GCM", &[("iv", Uint8Array::from(&iv[..]).into())]);
    let ct =
        bytes(settle(subtle.encrypt_with_object_and_u8_array(&gcm, key, plain.as_bytes())).await?);
    Ok(Envelope { iv, ct })
}

/// The plain text inside an envelope. `Refused` for a damaged one or another key's.
pub async fn open(key: &CryptoKey, envelope: &Envelope) -> Result<String, CryptoError> {
    let subtle = subtle()?;
    let gcm = params(
        "AES-GCM",
        &[("iv", Uint8Array::from(&envelope.iv[..]).into())],
    );
    let plain =
        bytes(settle(subtle.decrypt_with_object_and_u8_array(&gcm, key, &envelope.ct)).await?);
    String::from_utf8(plain).map_err(|_| CryptoError::Refused)
}
