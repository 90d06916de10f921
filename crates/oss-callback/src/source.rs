//! Where the callback came from: the header and the query parameter are exclusive.

use oss_errors::{Entry, Error};

/// Picks the callback from `x-oss-callback` or the `callback` query parameter.
///
/// # Errors
/// "Either the callback query string parameter or the x-oss-callback header should be
/// specified, not both" when both are present.
///
/// ```
/// use oss_callback::pick_callback;
/// assert_eq!(pick_callback(Some("eyJ9"), None), Ok(Some("eyJ9")));
/// assert_eq!(pick_callback::<&str>(None, None), Ok(None));
/// assert!(pick_callback(Some("a"), Some("b")).is_err());
/// ```
pub fn pick_callback<T>(header: Option<T>, query: Option<T>) -> Result<Option<T>, Error> {
    pick(header, query, Entry::CallbackInQueryAndHeader)
}

/// Picks the variables from `x-oss-callback-var` or the `callback-var` query parameter.
///
/// # Errors
/// "Either the callback-var query string parameter or the x-oss-callback-var header should
/// be specified, not both" when both are present.
///
/// ```
/// use oss_callback::pick_callback_var;
/// let err = pick_callback_var(Some("a"), Some("b")).unwrap_err();
/// assert_eq!(err.entry().argument_name(), Some("callback-var"));
/// ```
pub fn pick_callback_var<T>(header: Option<T>, query: Option<T>) -> Result<Option<T>, Error> {
    pick(header, query, Entry::CallbackVarInQueryAndHeader)
}

fn pick<T>(header: Option<T>, query: Option<T>, both: Entry) -> Result<Option<T>, Error> {
    match (header, query) {
        (Some(_), Some(_)) => Err(both.into()),
        (header, query) => Ok(header.or(query)),
    }
}
