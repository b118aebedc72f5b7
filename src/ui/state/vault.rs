//! The passphrase lock in this tab: off, locked, or open with its data key and the envelopes
//! opened so far. Every read and write of storage asks here which store to use; locking
//! drops the key and every opened text, and from then nothing can be written.

use std::cell::RefCell;

use web_sys::CryptoKey;

use crate::browser::crypto::{self, CryptoError, KeyUse};
use crate::browser::tasks::Pacer;
use crate::browser::LocalStore;
use crate::model::Theme;
use crate::persist::envelope::{is_sealed, Envelope};
use crate::persist::lock::{self, LockChange, LockRecord, PassError, Replace, ITERATIONS};
use crate::persist::sealed::{Cache, Sealed};
use crate::persist::{Failing, KeyValue, StorageError, StorageKey};

/// How long a pass over every record runs before it lets the browser in (`Pacer`): under
/// the 50 ms a task may take on a desktop, and a few waits, not hundreds, at 1,000 records.
const PACE: u32 = 40;

struct Open {
    key: CryptoKey,
    record: LockRecord,
    cache: RefCell<Cache>,
}

enum State {
    Off,
    /// On, and the key is not in memory: nothing may be read or written.
    Locked,
    Open(Open),
}

thread_local! {
    static STATE: RefCell<State> = const { RefCell::new(State::Off) };
}

/// What the lock screen can say went wrong.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LockProblem {
    #[error("{0}")]
    Crypto(#[from] CryptoError),
    #[error("{0}")]
    Storage(#[from] StorageError),
    #[error("{0}")]
    Record(#[from] lock::LockError),
    #[error("there isn't room in this browser's storage to encrypt everything (encrypted records are about a third larger). Nothing was changed. Export all, then delete old incidents to make room")]
    NoRoom,
    #[error("another tab changed something at the same moment. Nothing was changed; try again")]
    Changed,
}

impl From<PassError> for LockProblem {
    fn from(error: PassError) -> Self {
        match error {
            PassError::Storage(StorageError::Full) => Self::NoRoom,
            PassError::Storage(e) => Self::Storage(e),
            PassError::Changed => Self::Changed,
        }
    }
}

fn store() -> Result<LocalStore, StorageError> {
    LocalStore::open()
}

/// The lock record as stored, read plain: `None` when the lock is off.
pub fn stored_record() -> Option<Result<LockRecord, lock::LockError>> {
    let raw = store()
        .ok()
        .and_then(|s| lock::stored_lock(&s).ok().flatten())?;
    Some(LockRecord::parse(&raw))
}

/// At start-up, on locking, and when another tab turns the lock on: drops the key and
/// every opened text, and from now on nothing is read or written until the passphrase is
/// given.
pub fn set_locked() {
    STATE.with(|s| *s.borrow_mut() = State::Locked);
}

/// Another tab turned the lock off: records are plain again.
pub fn set_off() {
    STATE.with(|s| *s.borrow_mut() = State::Off);
}

pub fn is_open() -> bool {
    STATE.with(|s| matches!(*s.borrow(), State::Open(_)))
}

/// The scheme the lock screen shows, kept plain in the lock record.
pub fn set_theme(theme: Theme) {
    let text = STATE.with(|s| match &mut *s.borrow_mut() {
        State::Open(open) if open.record.theme != theme => {
            open.record.theme = theme;
            let text = open.record.encode();
            open.cache.borrow_mut().set_lock(text.clone());
            Some(text)
        }
        _ => None,
    });
    if let (Some(text), Ok(store)) = (text, store()) {
        let _ = store.set(&StorageKey::Lock, &text);
    }
}

/// Lends the store to use now: localStorage itself while the lock is off, the sealed view
/// of it while open, and one that refuses everything while locked.
pub fn with_store<R>(call: impl FnOnce(&dyn KeyValue) -> R) -> R {
    let local = store();
    STATE.with(|s| {
        let state = s.borrow();
        // One call for every kind of store: a call in each arm inlined the caller's whole
        // closure four times.
        let failing;
        let sealed;
        let kv: &dyn KeyValue = match (&local, &*state) {
            (Err(e), _) => {
                failing = Failing(e.clone());
                &failing
            }
            (Ok(local), State::Off) => local,
            (Ok(_), State::Locked) => {
                failing = Failing(StorageError::Other("Mend is locked".into()));
                &failing
            }
            (Ok(local), State::Open(open)) => {
                sealed = Sealed {
                    inner: local,
                    cache: &open.cache,
                };
                &sealed
            }
        };
        call(kv)
    })
}

fn key() -> Option<CryptoKey> {
    STATE.with(|s| match &*s.borrow() {
        State::Open(open) => Some(open.key.clone()),
        _ => None,
    })
}

/// The texts the last call needed sealed and did not find.
pub fn take_wanted() -> Vec<String> {
    STATE.with(|s| match &*s.borrow() {
        State::Open(open) => open.cache.borrow_mut().take_wanted(),
        _ => Vec::new(),
    })
}

/// Whether the last call needed a text sealed that was not ready.
pub fn missed() -> bool {
    STATE.with(|s| match &*s.borrow() {
        State::Open(open) => open.cache.borrow().has_wanted(),
        _ => false,
    })
}

/// Encrypts these texts for the writes about to be made. Skipped once locked.
pub async fn seal_ahead(texts: Vec<String>) {
    let Some(key) = key() else { return };
    for text in texts {
        if let Ok(envelope) = crypto::seal(&key, &text).await {
            STATE.with(|s| {
                if let State::Open(open) = &*s.borrow() {
                    open.cache.borrow_mut().ready(text, envelope.encode());
                }
            });
        }
    }
}

/// Opens one envelope written by another tab, so its change can be merged in.
pub async fn open_text(raw: String) -> Option<String> {
    if !is_sealed(&raw) {
        return Some(raw);
    }
    let key = key()?;
    let envelope = Envelope::parse(&raw).ok()?;
    crypto::open(&key, &envelope).await.ok()
}

/// Notes an envelope another tab wrote, now opened, so reads and writes of its key go on.
pub fn knows(key: &StorageKey, envelope: String, plain: String) {
    STATE.with(|s| {
        if let State::Open(open) = &*s.borrow() {
            open.cache.borrow_mut().knows(key, envelope, plain);
        }
    });
}

/// Unlocks with a passphrase: unwraps the data key, opens every record, and seals any left
/// plain (a pass cut short, or an older Mend's write). A wrong passphrase changes nothing.
pub async fn unlock(passphrase: &str) -> Result<(), LockProblem> {
    let record = stored_record().ok_or(StorageError::Other("the lock is off".into()))??;
    let kek = crypto::derive(passphrase, &record.salt, record.iterations, KeyUse::Lock).await?;
    let key = crypto::unwrap(&kek, &record.wrapped, false).await?;
    let local = store()?;
    let cache = RefCell::new(Cache::new(record.encode()));
    let mut pacer = Pacer::new(PACE);
    // Read once each: the plain ones (a pass cut short) are sealed below.
    let mut plain = Vec::new();
    for name in lock::keys(&local)? {
        pacer.breathe().await;
        let Some(raw) = local.get(&name)? else {
            continue;
        };
        if !is_sealed(&raw) {
            plain.push(name);
            continue;
        }
        // A damaged envelope is known as itself: the load lists it as unreadable, and keeps it.
        let opened = match Envelope::parse(&raw) {
            Ok(envelope) => crypto::open(&key, &envelope)
                .await
                .unwrap_or_else(|_| raw.clone()),
            Err(_) => raw.clone(),
        };
        cache.borrow_mut().knows(&name, raw, opened);
    }
    let pass = seal_plain(&local, &key, &cache, plain).await?;
    // Left plain if there is no room: they are read as they are, and sealed when next saved.
    let _ = lock::replace_all(&local, LockChange::Keep, &pass);
    STATE.with(|s| *s.borrow_mut() = State::Open(Open { key, record, cache }));
    Ok(())
}

/// The envelope of every plain record of `names`, known to `cache`, as one pass for
/// `lock::replace_all`.
async fn seal_plain(
    local: &LocalStore,
    key: &CryptoKey,
    cache: &RefCell<Cache>,
    names: Vec<StorageKey>,
) -> Result<Vec<Replace>, LockProblem> {
    let mut pass = Vec::new();
    let mut pacer = Pacer::new(PACE);
    for name in names {
        pacer.breathe().await;
        let Some(before) = lock::record(local, &name, false)? else {
            continue;
        };
        let envelope = crypto::seal(key, &before).await?.encode();
        cache
            .borrow_mut()
            .knows(&name, envelope.clone(), before.clone());
        pass.push(Replace {
            key: name,
            before,
            after: envelope,
        });
    }
    Ok(pass)
}

/// Turns the lock on: a new data key wrapped by the passphrase's, and every record sealed
/// in one pass that writes all or nothing.
pub async fn turn_on(passphrase: &str, theme: Theme) -> Result<(), LockProblem> {
    let salt = crypto::random::<{ lock::SALT_LEN }>()?;
    let kek = crypto::derive(passphrase, &salt, ITERATIONS, KeyUse::Lock).await?;
    let (wrapped, key) = crypto::new_data_key(&kek).await?;
    let record = LockRecord {
        salt,
        iterations: ITERATIONS,
        wrapped,
        theme,
    };
    let local = store()?;
    // Its room goes to the sealed records, a third larger than the plain ones.
    let _ = local.remove(&StorageKey::Index);
    let cache = RefCell::new(Cache::new(record.encode()));
    let pass = seal_plain(&local, &key, &cache, lock::keys(&local)?).await?;
    lock::replace_all(&local, LockChange::Set(&record.encode()), &pass)?;
    STATE.with(|s| *s.borrow_mut() = State::Open(Open { key, record, cache }));
    // The list's index gives titles away in plain text: none is kept while the lock is on.
    // It is not in the pass, which a write of it meanwhile would have stopped, so it goes
    // again now that the lock is on and nothing writes it.
    let _ = local.remove(&StorageKey::Index);
    Ok(())
}

/// Turns the lock off: every record back to plain in one pass, the lock record removed last.
pub async fn turn_off() -> Result<(), LockProblem> {
    let local = store()?;
    let key = key().ok_or(StorageError::Other("Mend is locked".into()))?;
    let mut pass = Vec::new();
    let mut pacer = Pacer::new(PACE);
    for name in lock::keys(&local)? {
        pacer.breathe().await;
        let Some(before) = lock::record(&local, &name, true)? else {
            continue;
        };
        let Ok(envelope) = Envelope::parse(&before) else {
            continue;
        };
        // A damaged one stays as it is, listed as unreadable.
        if let Ok(plain) = crypto::open(&key, &envelope).await {
            pass.push(Replace {
                key: name,
                before,
                after: plain,
            });
        }
    }
    lock::replace_all(&local, LockChange::Remove, &pass)?;
    set_off();
    Ok(())
}

/// A new passphrase: only the data key is wrapped again; no record changes.
pub async fn change(current: &str, new: &str) -> Result<(), LockProblem> {
    let mut record = stored_record().ok_or(StorageError::Other("the lock is off".into()))??;
    let old = crypto::derive(current, &record.salt, record.iterations, KeyUse::Lock).await?;
    let salt = crypto::random::<{ lock::SALT_LEN }>()?;
    let kek = crypto::derive(new, &salt, ITERATIONS, KeyUse::Lock).await?;
    record.wrapped = crypto::rewrap(&old, &kek, &record.wrapped).await?;
    record.salt = salt;
    record.iterations = ITERATIONS;
    store()?.set(&StorageKey::Lock, &record.encode())?;
    STATE.with(|s| {
        if let State::Open(open) = &mut *s.borrow_mut() {
            open.cache.borrow_mut().set_lock(record.encode());
            open.record = record;
        }
    });
    Ok(())
}
