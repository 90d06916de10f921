//! The `oss-benches` package exists for its criterion benches (`cargo bench -p oss-benches`,
//! one file per crate, peers side by side); a package needs a library target, and this is it.
