//! Every memo in the app, made through one boxed closure type for each kind of value.

use leptos::prelude::Memo;

/// A value worked out from signals, kept until one of them changes, as `Memo::new(move |_| …)`
/// is. `Memo::new` compiles its own copy of the memo's update around every closure it is
/// given; boxed, the memos of one value type share one.
pub fn memo<T: PartialEq + Send + Sync + 'static>(
    read: impl Fn() -> T + Send + Sync + 'static,
) -> Memo<T> {
    boxed(Box::new(read))
}

/// `memo`, for a closure already boxed (`<When>`'s condition), so it isn't boxed again.
pub fn boxed<T: PartialEq + Send + Sync + 'static>(
    read: Box<dyn Fn() -> T + Send + Sync>,
) -> Memo<T> {
    Memo::new(move |_| read())
}
